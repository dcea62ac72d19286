package org.workhealth.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.workhealth.calendar.Quarter;
import org.workhealth.funding.internal.ClaimEvent;
import org.workhealth.funding.internal.ClaimLine;
import org.workhealth.funding.internal.ClaimStatement;
import org.workhealth.funding.internal.ClaimStatus;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.LineKind;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.programme.Contract;

/**
 * A WorkWell claim for Q3 2025/26 built by hand: a basic payment, three performance payments of £515.38 and an
 * adjustment taking £515.38 back from Q2, £87,615.76 in all.
 */
final class ClaimStatementSamples {

    static final Quarter Q3 = Quarter.of(2025, 3);
    static final Quarter Q2 = Quarter.of(2025, 2);
    static final String[] PAID_CASES = {"K7QF-M2XR", "B4HT-9WQP", "Z2NC-6KDV"};
    static final String TAKEN_BACK_CASE = "P8RJ-3LMA";
    static final long PERFORMANCE_PRICE = 51_538;
    static final long BASIC = 8_658_500;
    static final long TOTAL = 8_761_576;

    private ClaimStatementSamples() {
    }

    static FundingAgreement agreement() {
        Contract contract = new Contract(41L, "WW-BURY-2024", 7L, 12L, 3L, "Bury", LocalDate.of(2024, 10, 1),
                LocalDate.of(2026, 3, 31), 43_292_700L, 0);
        return new FundingAgreement(5, contract, "WorkWell", "Bury Council Live Well service",
                "NHS Greater Manchester", PaymentModel.BASIC_AND_PERFORMANCE, 60, 336,
                List.of(new FundingYear(2024, 14_430_900L, 0), new FundingYear(2025, 28_861_800L, 0)), Map.of());
    }

    static List<ClaimLine> lines() {
        return List.of(
                new ClaimLine(LineKind.BASIC, Q3, null, null, null, null,
                        "Staff and venue costs, October to December 2025", BASIC),
                performance(101, PAID_CASES[0], LocalDate.of(2025, 10, 6)),
                performance(102, PAID_CASES[1], LocalDate.of(2025, 11, 14)),
                performance(103, PAID_CASES[2], LocalDate.of(2025, 12, 22)),
                new ClaimLine(LineKind.ADJUSTMENT, Q2, 104L, TAKEN_BACK_CASE, ClaimCalculator.ENGAGED_WITH_PLAN, null,
                        "Taken back from the approved claim for Q2 2025/26: the evidence for it is no longer recorded",
                        -PERFORMANCE_PRICE));
    }

    static List<ClaimEvent> history() {
        return List.of(
                new ClaimEvent("Submitted", Instant.parse("2026-01-12T15:05:00Z"), "Priya Shah", TOTAL, null),
                new ClaimEvent("Returned", Instant.parse("2026-01-14T09:30:00Z"), "Grace Okafor", TOTAL,
                        "Please attach the venue invoice"),
                new ClaimEvent("Resubmitted", Instant.parse("2026-01-15T11:00:00Z"), "Priya Shah", TOTAL, null));
    }

    static ClaimStatement statement() {
        return new ClaimStatement(agreement(), Q3, ClaimStatus.SUBMITTED, 9L, 2, lines(), List.of(), history(), null);
    }

    /** A draft with nothing to claim yet, as a quarter with no funding set would be. */
    static ClaimStatement empty() {
        return new ClaimStatement(agreement(), Q3, ClaimStatus.DRAFT, null, 0, List.of(),
                List.of("No funding is set for 2025/26: ask the commissioner to add the year to the funding agreement."),
                List.of(), null);
    }

    private static ClaimLine performance(long caseId, String reference, LocalDate on) {
        return new ClaimLine(LineKind.PERFORMANCE, Q3, caseId, reference, ClaimCalculator.ENGAGED_WITH_PLAN, on,
                "Engaged on " + Dates.format(on.minusDays(3)) + " and action plan agreed on " + Dates.format(on),
                PERFORMANCE_PRICE);
    }
}

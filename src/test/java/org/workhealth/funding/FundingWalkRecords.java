package org.workhealth.funding;

import java.time.LocalDate;

import org.springframework.context.ApplicationContext;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.programme.Contract;

/**
 * A funding agreement of the route walks' own ({@code GetRoutes}): Bury's contract for 2026/27 with one participant
 * engaged and planned in its first quarter, so that the claim pages and statements for 2026 Q1 have a person on them.
 */
public final class FundingWalkRecords {

    private FundingWalkRecords() {
    }

    /** Makes the agreement and its participant; returns the agreement's id. */
    public static long agreementWithAParticipant(ApplicationContext context) {
        FundingFixtures fixtures = context.getBean(FundingFixtures.class);
        Contract contract = fixtures.buryContract(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        FundingAgreement agreement = fixtures.agreement(contract, PaymentModel.BASIC_AND_PERFORMANCE, 60, 100,
                new FundingYear(2026, 100_000_00L, 0));
        long caseId = fixtures.openCase(contract, LocalDate.of(2026, 4, 10));
        fixtures.participant(contract, caseId, LocalDate.of(2026, 4, 15), LocalDate.of(2026, 4, 20));
        return agreement.id();
    }
}

package org.workhealth.browser;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.SignIn;
import org.workhealth.TestData.Referral;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.funding.internal.FundingAgreements;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.NewFundingAgreement;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Contract;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

/**
 * Cases for journeys, opened through the real intake and casework code, held by the Bury coach; and the funded
 * contract the funding and correction journeys claim against.
 */
@Component
class JourneyCases {

    /** A programme of the journey's own, its 2025/26 contract with Bury Live Well, and the funding agreement. */
    record Funded(Programme programme, Contract contract, long providerId, long agreementId) {

        /** The path of the agreement's claim for a quarter of 2025/26. */
        String claim(int quarter) {
            return "/funding/agreements/" + agreementId + "/claims/2025/" + quarter;
        }
    }

    private final ReferralIntake intake;
    private final Casework casework;
    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Organisations organisations;
    private final FundingAgreements agreements;

    JourneyCases(ReferralIntake intake, Casework casework, JdbcClient jdbc, Programmes programmes,
            Organisations organisations, FundingAgreements agreements) {
        this.intake = intake;
        this.casework = casework;
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.organisations = organisations;
        this.agreements = agreements;
    }

    /**
     * A low-intensity programme coded {@code prefix} and six random letters, owned by NHS Greater Manchester, with a
     * contract for Bury Live Well from April 2025 to March 2026 and a funding agreement of £100,000 for 2025/26.
     */
    Funded funded(String prefix, PaymentModel model, int fixedPercent, Integer participants,
            Map<MilestoneType, Long> prices) {
        String code = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        long gm = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        long bury = organisations.findByName("Bury Council Live Well service").orElseThrow().id();
        Programme programme = programmes.createUnchecked(code, "Work and health " + code, SupportType.LOW_INTENSITY,
                null, gm);
        Contract contract = programmes.addContractUnchecked(new NewContract(code + "-BURY", programme.id(), bury, gm,
                "Bury", LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31), null));
        long agreement = agreements.createUnchecked(new NewFundingAgreement(contract.id(), model, fixedPercent,
                participants, List.of(new FundingYear(2025, 10_000_000L, 0)), prices));
        return new Funded(programme, contract, bury, agreement);
    }

    /** Opens an unemployed person's case with a provider on a programme, from a public referral. */
    long open(long programmeId, long providerId, LocalDate openedOn) {
        return open(programmeId, null, providerId, openedOn);
    }

    /**
     * Opens the case on a cohort, with the referral received on the day it opens, as if it had arrived then (the
     * intake stamps it with today).
     */
    long open(long programmeId, Long cohortId, long providerId, LocalDate openedOn) {
        String lastName = "Journey" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        ReferralAnswers answers = Referral.of("Riley", lastName).born(LocalDate.of(1985, 3, 3)).phone("07700900321")
                .livingAt("5 Silver Street", "Bury", "BL9 0EJ")
                .employment(EmploymentStatus.UNEMPLOYED, openedOn.minusWeeks(30), null)
                .health(true, false, "Anxiety", null).answers();
        ReferralIntake.Submitted submitted = intake.submit(answers, ReferralSource.PUBLIC, null, null);
        if (cohortId != null) {
            jdbc.sql("UPDATE referral SET received_at = ? WHERE id = ?")
                    .params(java.sql.Timestamp.valueOf(openedOn.atTime(9, 30)), submitted.id()).update();
        }
        long coach = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.BURY_COACH).query(Long.class)
                .single();
        return casework.openCase(new OpenCase(submitted.id(), submitted.reference(), programmeId, cohortId, providerId,
                coach, EmploymentStatus.UNEMPLOYED.name(), openedOn));
    }
}

package org.workhealth.browser;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.SignIn;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.referral.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.ReferralAnswers;
import org.workhealth.referral.ReferralIntake;
import org.workhealth.referral.ReferralSource;

/** Cases for journeys, opened through the real intake and casework code, held by the Bury coach. */
@Component
class JourneyCases {

    private final ReferralIntake intake;
    private final Casework casework;
    private final JdbcClient jdbc;

    JourneyCases(ReferralIntake intake, Casework casework, JdbcClient jdbc) {
        this.intake = intake;
        this.casework = casework;
        this.jdbc = jdbc;
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
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Riley", lastName,
                LocalDate.of(1985, 3, 3), null, "07700900321", null, "5 Silver Street", null, "Bury", "BL9 0EJ",
                ContactPreference.PHONE, null, null, null, EmploymentStatus.UNEMPLOYED, openedOn.minusWeeks(30),
                null, null, null, true, false, false, "Anxiety", null, "Help to find work", true, false, null, null,
                null, null, null);
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

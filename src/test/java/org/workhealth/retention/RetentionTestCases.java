package org.workhealth.retention;

import static org.workhealth.TestData.letters;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

/** Referrals and cases of the retention tests' own, made through the intake and casework, dated as each test needs. */
final class RetentionTestCases {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String BURY = "Bury Council Live Well service";
    static final String BCHFT = "Black Country Healthcare NHS Foundation Trust";

    record TestCase(long caseId, long referralId, String reference, String lastName) {
    }

    private final JdbcClient jdbc;
    private final ReferralIntake intake;
    private final Programmes programmes;
    private final Organisations organisations;
    private final Casework casework;

    RetentionTestCases(JdbcClient jdbc, ReferralIntake intake, Programmes programmes, Organisations organisations,
            Casework casework) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.programmes = programmes;
        this.organisations = organisations;
        this.casework = casework;
    }

    /** A referral from the public form, with an NHS number, routed to the organisation. */
    ReferralIntake.Submitted referral(String lastName, String organisation) {
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Robin", lastName,
                LocalDate.of(1980, 3, 3), null, "07700900123", "robin@example.com", "2 Market Street", null, "Bury",
                "BL9 0EJ", ContactPreference.PHONE, null, null, null, EmploymentStatus.UNEMPLOYED,
                LocalDate.now(LONDON).minusWeeks(4), null, null, null, true, false, false, "Back pain", null,
                "Help to find work", true, false, null, null, null, null, null);
        ReferralIntake.Submitted submitted = intake.submit(answers, ReferralSource.PUBLIC, null, null);
        jdbc.sql("UPDATE referral SET nhs_number = '9434765919', routed_organisation_id = ? WHERE id = ?")
                .params(org(organisation), submitted.id()).update();
        return submitted;
    }

    /** An open case on WorkWell at the organisation, with a note and an employer contact. */
    TestCase openCase(String organisation, String keyWorkerEmail) {
        String lastName = "Retained" + letters(8);
        ReferralIntake.Submitted submitted = referral(lastName, organisation);
        long programmeId = programmes.findByCode("WW").orElseThrow().id();
        long caseId = casework.openCase(new OpenCase(submitted.id(), submitted.reference(), programmeId, null,
                org(organisation), personId(keyWorkerEmail), EmploymentStatus.UNEMPLOYED.name(),
                LocalDate.now(LONDON).minusDays(10)));
        jdbc.sql("INSERT INTO contact_note (case_id, written_at, written_by, note) VALUES (?, ?, ?, ?)")
                .params(caseId, Timestamp.from(Instant.now()), personId(keyWorkerEmail),
                        "Talked about " + lastName + "'s back pain").update();
        jdbc.sql("""
                INSERT INTO case_employer (case_id, contact_name, contact_phone, updated_at) VALUES (?, ?, ?, ?)
                """).params(caseId, "Pat Manager", "01610000000", Timestamp.from(Instant.now())).update();
        return new TestCase(caseId, submitted.id(), submitted.reference(), lastName);
    }

    /** Closes the case as the exit page does, on the date given. */
    void close(TestCase testCase, LocalDate exitedOn) {
        jdbc.sql("UPDATE support_case SET status = 'CLOSED' WHERE id = ?").param(testCase.caseId()).update();
        jdbc.sql("""
                INSERT INTO case_event (case_id, kind, occurred_on, reason, detail, recorded_at, recorded_by)
                VALUES (?, 'EXITED', ?, 'OTHER', ?, ?, ?)
                """).params(testCase.caseId(), Date.valueOf(exitedOn), "Moved to Leeds with " + testCase.lastName(),
                Timestamp.from(Instant.now()), personId(SignIn.BURY_COACH)).update();
    }

    long org(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }

    long personId(String email) {
        return jdbc.sql("SELECT id FROM person WHERE email = ?").param(email).query(Long.class).single();
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}

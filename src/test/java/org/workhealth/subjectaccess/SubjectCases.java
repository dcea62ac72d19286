package org.workhealth.subjectaccess;

import static org.workhealth.TestData.letters;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

/** A person for subject access tests: referred, with a case at Bury Live Well and a contact note on it. */
public record SubjectCases(JdbcClient jdbc, ReferralIntake intake, Casework casework) {

    public static final LocalDate BORN = LocalDate.of(1979, 5, 17);

    /** Who was referred: a name and NHS number no other test has. */
    public record Person(long referralId, String lastName, String nhsNumber) {
    }

    public Person referWithACaseAtBury() {
        String nhsNumber = validNhsNumber();
        String lastName = "Subject" + letters(8);
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Robin", lastName, BORN, nhsNumber,
                "07700900321", null, "4 Silver Street", null, "Bury", "BL9 0EJ", ContactPreference.PHONE, null, null,
                null, EmploymentStatus.UNEMPLOYED, LocalDate.of(2026, 1, 5), null, null, null, true, false, false,
                "Low mood", null, "Help to find work", true, false, null, null, null, null, null);
        ReferralIntake.Submitted submitted = intake.submit(answers, ReferralSource.PUBLIC, null, null);
        long coach = id("person", "email", SignIn.BURY_COACH);
        long caseId = casework.openCase(new OpenCase(submitted.id(), submitted.reference(),
                id("programme", "code", "WW"), null, id("organisation", "name", "Bury Council Live Well service"),
                coach, "UNEMPLOYED", LocalDate.now(ZoneId.of("Europe/London"))));
        jdbc.sql("""
                INSERT INTO contact_note (case_id, written_at, written_by, note)
                VALUES (?, CURRENT_TIMESTAMP, ?, 'Talked about volunteering first')
                """).params(caseId, coach).update();
        return new Person(submitted.id(), lastName, nhsNumber);
    }

    private long id(String table, String column, String value) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE " + column + " = ?").param(value).query(Long.class)
                .single();
    }

    /** Nine random digits and the modulus 11 check digit an NHS number has. */
    static String validNhsNumber() {
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int d = ThreadLocalRandom.current().nextInt(10);
                digits.append(d);
                sum += d * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return digits.append(check).toString();
            }
        }
    }
}

package org.workhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.internal.ReferralSource;

/**
 * An import stopped part way (a crash, a killed process, a row the database refuses) keeps the chunks it saved, and
 * each saved chunk carries its own IMPORT entry naming its referrals, written in the same transaction.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BulkImportAuditTest {

    private final BulkReferralIntake intake;
    private final JdbcClient jdbc;

    @Autowired
    BulkImportAuditTest(BulkReferralIntake intake, JdbcClient jdbc) {
        this.intake = intake;
        this.jdbc = jdbc;
    }

    @Test
    void aChunkSavedBeforeALaterChunkFailsHasAnImportEntryNamingItsReferrals() {
        long manager = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.BURY_MANAGER)
                .query(Long.class).single();
        long bury = jdbc.sql("SELECT organisation_id FROM person WHERE id = ?").param(manager)
                .query(Long.class).single();
        String surname = "Chunk" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        List<ReferralAnswers> answers = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < BulkReferralIntake.CHUNK; i++) {
            answers.add(answers(surname));
            keys.add(surname + "-" + i);
        }
        // The database refuses this row (its surname is longer than the column), so the second chunk rolls back.
        answers.add(answers(surname + "x".repeat(400)));
        keys.add(surname + "-last");
        long uploadId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1_000_000_000L;

        assertThatThrownBy(() -> intake.submitChecked(answers, ReferralSource.BULK, new Referrer(manager, bury), keys,
                new BulkReferralIntake.Source(uploadId, bury, "stopped.csv")))
                .isInstanceOf(DataAccessException.class);

        List<String> saved = jdbc.sql("SELECT CAST(id AS VARCHAR(40)) FROM referral WHERE last_name = ? ORDER BY id")
                .param(surname).query(String.class).list();
        assertThat(saved).hasSize(BulkReferralIntake.CHUNK);
        List<Long> entries = jdbc.sql("""
                SELECT id FROM audit_event
                WHERE action = 'IMPORT' AND record_type = 'referral_upload' AND record_id = ? AND organisation_id = ?
                  AND actor_id IS NULL
                """).param(String.valueOf(uploadId)).param(bury).query(Long.class).list();
        assertThat(entries).hasSize(1);
        assertThat(jdbc.sql("""
                SELECT record_id FROM audit_event_record WHERE audit_event_id = ? AND record_type = 'referral'
                """).param(entries.get(0)).query(String.class).list()).containsExactlyInAnyOrderElementsOf(saved);
    }

    private static ReferralAnswers answers(String lastName) {
        return new ReferralAnswers(false, null, null, null, "Robin", lastName, LocalDate.of(1980, 4, 4), null,
                "07700900456", null, "7 Bank Street", null, "Bury", "BL9 0EJ", ContactPreference.PHONE, null, null,
                null, EmploymentStatus.UNEMPLOYED, LocalDate.of(2025, 1, 6), null, null, null, true, false, false,
                "Back pain", null, "Help to find work", true, false, null, null, null, null, null);
    }
}

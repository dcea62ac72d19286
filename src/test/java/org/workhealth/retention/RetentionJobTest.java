package org.workhealth.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.letters;

import java.sql.Date;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.casework.Casework;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.internal.ReferralIntake;

/**
 * The erasure job against the schedule, run "as at" 1 January 2005 so that only this test's records, dated in the
 * 1990s and early 2000s, are due: the demo data and other tests' records are years younger.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RetentionJobTest {

    static final Instant AS_AT = Instant.parse("2005-01-01T12:00:00Z");

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final RetentionJob job;
    private final Milestones milestones;
    private final Programmes programmes;
    private final RetentionTestCases cases;

    @Autowired
    RetentionJobTest(MockMvc mvc, JdbcClient jdbc, RetentionJob job, Milestones milestones, ReferralIntake intake,
            Programmes programmes, Organisations organisations, Casework casework) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.job = job;
        this.milestones = milestones;
        this.programmes = programmes;
        this.cases = new RetentionTestCases(jdbc, intake, programmes, organisations, casework);
    }

    @Test
    void erasesWhatIsDueKeepsTheMilestonesAndHoldsBackACaseUnderLegalHold() throws Exception {
        RetentionTestCases.TestCase due = cases.openCase(RetentionTestCases.BURY, SignIn.BURY_COACH);
        long engagement = milestones.record(new NewMilestone(MilestoneType.ENGAGEMENT, due.caseId(),
                due.referralId(), programmes.findByCode("WW").orElseThrow().id(), null,
                cases.org(RetentionTestCases.BURY), LocalDate.of(1995, 3, 1), Map.of("in_work", "false"), null));
        cases.close(due, LocalDate.of(1996, 6, 1));
        RetentionTestCases.TestCase held = cases.openCase(RetentionTestCases.BURY, SignIn.BURY_COACH);
        cases.close(held, LocalDate.of(1996, 6, 1));
        jdbc.sql("INSERT INTO case_legal_hold (case_id, reason, set_at, set_by) VALUES (?, 'Tribunal claim', ?, ?)")
                .params(held.caseId(), Timestamp.from(Instant.now()), cases.personId(SignIn.BURY_MANAGER)).update();
        RetentionTestCases.TestCase young = cases.openCase(RetentionTestCases.BURY, SignIn.BURY_COACH);
        cases.close(young, LocalDate.of(2003, 1, 1));
        long declinedLongAgo = declined("Declinedold" + letters(6), "2003-06-01T10:00:00Z");
        long declinedLately = declined("Declinednew" + letters(6), "2004-06-01T10:00:00Z");
        long oldUpload = upload("2004-11-01T10:00:00Z");
        long newUpload = upload("2004-12-20T10:00:00Z");
        long oldAudit = auditEntry("1997-01-01T10:00:00Z");
        long newAudit = auditEntry("1999-01-01T10:00:00Z");
        int milestonesBefore = cases.count("SELECT COUNT(*) FROM milestone WHERE case_id = ?", due.caseId());

        long runId = job.run(RetentionRun.Trigger.SCHEDULED, null, AS_AT);

        // The case due is erased: its personal data is gone, its row and milestones stay.
        assertThat(cases.count("SELECT COUNT(*) FROM support_case WHERE id = ? AND erased_at IS NOT NULL",
                due.caseId())).isEqualTo(1);
        assertThat(cases.count("SELECT COUNT(*) FROM contact_note WHERE case_id = ?", due.caseId())).isZero();
        assertThat(cases.count("SELECT COUNT(*) FROM case_employer WHERE case_id = ?", due.caseId())).isZero();
        assertThat(cases.count("SELECT COUNT(*) FROM case_event WHERE case_id = ? AND detail IS NOT NULL",
                due.caseId())).isZero();
        Map<String, Object> referral = jdbc.sql("SELECT * FROM referral WHERE id = ?").param(due.referralId())
                .query().singleRow();
        assertThat(referral).containsEntry("reference", due.reference()).containsEntry("first_name", "Erased")
                .containsEntry("last_name", "").containsEntry("nhs_number", null).containsEntry("phone", null)
                .containsEntry("email", null).containsEntry("address_line_1", null).containsEntry("town", null)
                .containsEntry("postcode", "BL9").containsEntry("condition_details", null)
                .containsEntry("help_wanted", null).containsEntry("date_of_birth", Date.valueOf("1980-01-01"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral WHERE last_name = ?").param(due.lastName())
                .query(Integer.class).single()).isZero();
        assertThat(cases.count("SELECT COUNT(*) FROM milestone WHERE case_id = ?", due.caseId()))
                .isEqualTo(milestonesBefore);
        assertThat(milestones.find(engagement).orElseThrow().occurredOn()).isEqualTo(LocalDate.of(1995, 3, 1));

        // Held back, and not yet due, stay as they were.
        for (RetentionTestCases.TestCase kept : List.of(held, young)) {
            assertThat(cases.count("SELECT COUNT(*) FROM contact_note WHERE case_id = ?", kept.caseId())).isOne();
            assertThat(cases.count("SELECT COUNT(*) FROM referral WHERE id = ? AND last_name = ?", kept.referralId(),
                    kept.lastName())).isOne();
        }
        assertThat(cases.count("SELECT COUNT(*) FROM referral WHERE id = ? AND erased_at IS NOT NULL AND "
                + "first_name = 'Erased'", declinedLongAgo)).isOne();
        assertThat(cases.count("SELECT COUNT(*) FROM referral WHERE id = ? AND erased_at IS NULL", declinedLately))
                .isOne();
        assertThat(cases.count("SELECT COUNT(*) FROM referral_upload WHERE id IN (?, ?)", oldUpload, newUpload))
                .isOne();
        assertThat(cases.count("SELECT COUNT(*) FROM referral_upload WHERE id = ?", newUpload)).isOne();
        // Its content is no referral file: gone once counted, so that no test walking the pages opens its report.
        jdbc.sql("DELETE FROM referral_upload WHERE id = ?").param(newUpload).update();
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE id IN (?, ?)", oldAudit, newAudit)).isOne();
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE id = ?", newAudit)).isOne();

        // The report says what it did, kind by kind.
        assertThat(counts(runId)).containsEntry("CASE_FILE", List.of(1, 1))
                .containsEntry("UNCONVERTED_REFERRAL", List.of(1, 0)).containsEntry("REFERRAL_UPLOAD", List.of(1, 0))
                .containsEntry("AUDIT_LOG", List.of(1, 0));
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE action = 'ERASE' AND record_type = "
                + "'retention-run' AND record_id = ?", String.valueOf(runId))).isOne();

        // Running again erases nothing more: what is erased is not counted twice.
        long again = job.run(RetentionRun.Trigger.SCHEDULED, null, AS_AT);
        assertThat(counts(again)).containsEntry("CASE_FILE", List.of(0, 1))
                .containsEntry("UNCONVERTED_REFERRAL", List.of(0, 0)).containsEntry("REFERRAL_UPLOAD", List.of(0, 0))
                .containsEntry("AUDIT_LOG", List.of(0, 0));

        // Lifting the hold lets the next run erase the held case.
        jdbc.sql("UPDATE case_legal_hold SET lifted_at = ?, lifted_by = ?, lift_reason = 'Claim settled' "
                + "WHERE case_id = ?").params(Timestamp.from(Instant.now()), cases.personId(SignIn.BURY_MANAGER),
                        held.caseId()).update();
        long afterLift = job.run(RetentionRun.Trigger.SCHEDULED, null, AS_AT);
        assertThat(counts(afterLift)).containsEntry("CASE_FILE", List.of(1, 0));
        assertThat(cases.count("SELECT COUNT(*) FROM contact_note WHERE case_id = ?", held.caseId())).isZero();

        // Administrators see the report; a practitioner cannot.
        MockHttpSession admin = SignIn.as(mvc, SignIn.GM_ADMIN);
        Document list = Jsoup.parse(mvc.perform(get("/admin/retention").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(list.select("#runs a").eachAttr("href")).contains("/admin/retention/runs/" + runId);
        Document report = Jsoup.parse(mvc.perform(get("/admin/retention/runs/" + runId).session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(report.select("h1").text()).isEqualTo("Erasure run");
        assertThat(report.select("#counts tbody tr").eachText()).contains(
                "Case files Before 1 January 1999, 12:00pm 1 1",
                "Audit log entries Before 1 January 1998, 12:00pm 1 0");
        mvc.perform(get("/admin/retention/runs/" + runId).session(SignIn.as(mvc, SignIn.BURY_COACH)))
                .andExpect(status().isNotFound());
    }

    private Map<String, List<Integer>> counts(long runId) {
        Map<String, List<Integer>> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT kind, erased, held_back FROM retention_run_count WHERE run_id = ?").param(runId)
                .query(rs -> {
                    counts.put(rs.getString("kind"), List.of(rs.getInt("erased"), rs.getInt("held_back")));
                });
        return counts;
    }

    private long declined(String lastName, String decidedAt) {
        long id = cases.referral(lastName, RetentionTestCases.BURY).id();
        jdbc.sql("UPDATE referral SET status = 'DECLINED', decision_reason = 'Not eligible', decided_at = ?, "
                + "received_at = ? WHERE id = ?").params(Timestamp.from(Instant.parse(decidedAt)),
                        Timestamp.from(Instant.parse(decidedAt)), id).update();
        return id;
    }

    /** A file as an upload keeps it, with its true checksum, so that other tests can still open its report. */
    private static final byte[] CONTENT = "first_name,last_name\nRobin,Hood\n".getBytes(StandardCharsets.UTF_8);

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long upload(String createdAt) {
        jdbc.sql("""
                INSERT INTO referral_upload (file_name, file_sha256, uploaded_by, organisation_id, created_at, status,
                                             row_count, valid_count, error_count, content)
                VALUES ('referrals.csv', ?, ?, ?, ?, 'CHECKED', 1, 1, 0, ?)
                """).params(sha256(CONTENT), cases.personId(SignIn.BURY_MANAGER), cases.org(RetentionTestCases.BURY),
                        Timestamp.from(Instant.parse(createdAt)), CONTENT).update();
        return jdbc.sql("SELECT MAX(id) FROM referral_upload").query(Long.class).single();
    }

    private long auditEntry(String at) {
        jdbc.sql("INSERT INTO audit_event (occurred_at, action, record_type, record_id) "
                + "VALUES (?, 'VIEW', 'case', '1')")
                .param(Timestamp.from(Instant.parse(at))).update();
        return jdbc.sql("SELECT MAX(id) FROM audit_event").query(Long.class).single();
    }
}

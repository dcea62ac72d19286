package org.workhealth.retention;

import org.workhealth.MilestoneText;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.casework.Casework;
import org.workhealth.milestone.Milestone;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.internal.ReferralIntake;

/**
 * The nightly erasure of a case file takes the reasons staff typed on its exit and reopened milestones (and the
 * reasons given for correcting them), and what they typed about consent to share with a service, while the
 * milestones stay with their coded attributes, so the figures still count them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MilestoneFreeTextErasureTest {

    private final JdbcClient jdbc;
    private final RetentionJob job;
    private final Milestones milestones;
    private final Programmes programmes;
    private final RetentionTestCases cases;

    @Autowired
    MilestoneFreeTextErasureTest(JdbcClient jdbc, RetentionJob job, Milestones milestones, ReferralIntake intake,
            Programmes programmes, Organisations organisations, Casework casework) {
        this.jdbc = jdbc;
        this.job = job;
        this.milestones = milestones;
        this.programmes = programmes;
        this.cases = new RetentionTestCases(jdbc, intake, programmes, organisations, casework);
    }

    @Test
    void erasureTakesTypedReasonsFromMilestonesAndKeepsThemCounting() {
        RetentionTestCases.TestCase due = cases.openCase(RetentionTestCases.BURY, SignIn.BURY_COACH);
        long coach = cases.personId(SignIn.BURY_COACH);
        long exit = milestones.record(milestone(MilestoneType.EXIT, due, LocalDate.of(1995, 3, 1),
                attributes("reason", "OTHER", "reason_text", "Moved to Leeds with " + due.lastName(),
                        "in_work_at_referral", "false"), coach));
        long reopened = milestones.record(milestone(MilestoneType.REOPENED, due, LocalDate.of(1995, 5, 1),
                attributes("reason", due.lastName() + " came back after a hospital stay"), coach));
        long exitAgain = milestones.record(milestone(MilestoneType.EXIT, due, LocalDate.of(1996, 6, 1),
                attributes("reason", "OTHER", "reason_text", "Carer for " + due.lastName() + "'s mother",
                        "in_work_at_referral", "false"), coach));
        long corrected = milestones.supersede(exitAgain, milestone(MilestoneType.EXIT, due, LocalDate.of(1996, 6, 2),
                attributes("reason", "OTHER", "reason_text", "Carer for " + due.lastName() + "'s mother",
                        "in_work_at_referral", "false"), coach), "Typed the wrong day for " + due.lastName());
        long service = jdbc.sql("SELECT MIN(id) FROM support_service").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO case_service_consent_change (case_id, service_id, change_kind, changed_on, told_by, note,
                                                         recorded_by, recorded_at)
                VALUES (?, ?, 'WITHDRAWN', ?, ?, ?, ?, ?)
                """).params(due.caseId(), service, java.sql.Date.valueOf(LocalDate.of(1995, 4, 1)),
                due.lastName() + " by phone", "Said " + due.lastName() + " is moving", coach,
                Timestamp.from(Instant.now())).update();
        cases.close(due, LocalDate.of(1996, 6, 2));
        List<Milestone> before = milestones.history(due.caseId());

        job.run(RetentionRun.Trigger.SCHEDULED, null, RetentionJobTest.AS_AT);

        List<Milestone> after = milestones.history(due.caseId());
        assertThat(after).hasSameSizeAs(before);
        assertThat(after).extracting(Milestone::id, Milestone::type, Milestone::occurredOn)
                .containsExactlyElementsOf(before.stream().map(m -> org.assertj.core.groups.Tuple.tuple(m.id(),
                        m.type(), m.occurredOn())).toList());
        assertThat(attributesOf(exit)).isEqualTo("reason=OTHER;in_work_at_referral=false");
        assertThat(attributesOf(reopened)).isNull();
        assertThat(attributesOf(corrected)).isEqualTo("reason=OTHER;in_work_at_referral=false");
        assertThat(cases.count("SELECT COUNT(*) FROM milestone WHERE case_id = ? AND correction_reason IS NOT NULL",
                due.caseId())).isZero();
        assertThat(attributesOf(jdbc.sql("SELECT milestone_id FROM milestone_first WHERE case_id = ? AND type = 'EXIT'")
                .param(due.caseId()).query(Long.class).single())).isEqualTo("reason=OTHER;in_work_at_referral=false");
        // Nothing the person or staff typed is left on the milestones; the current ones still count.
        assertThat(cases.count("SELECT COUNT(*) FROM milestone_attribute WHERE content LIKE ?",
                "%" + due.lastName() + "%")).isZero();
        assertThat(milestones.isCurrent(exit)).isTrue();
        assertThat(milestones.isCurrent(corrected)).isTrue();
        assertThat(milestones.isCurrent(reopened)).isTrue();
        assertThat(jdbc.sql("SELECT told_by, note FROM case_service_consent_change WHERE case_id = ?")
                .param(due.caseId()).query().singleRow()).containsEntry("told_by", null).containsEntry("note", null);
    }

    private String attributesOf(long milestoneId) {
        return MilestoneText.of(jdbc, milestoneId);
    }

    private NewMilestone milestone(MilestoneType type, RetentionTestCases.TestCase testCase, LocalDate on,
            Map<String, String> attributes, long by) {
        return new NewMilestone(type, testCase.caseId(), testCase.referralId(),
                programmes.findByCode("WW").orElseThrow().id(), null, cases.org(RetentionTestCases.BURY), on,
                attributes, by);
    }

    private static Map<String, String> attributes(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}

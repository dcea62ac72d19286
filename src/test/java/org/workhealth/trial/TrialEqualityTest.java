package org.workhealth.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.internal.TrialDesign;

/**
 * A trial's equality report from a record built for it: allocations to each arm, engagements and job starts on the
 * programme, and outcomes recorded at follow-up, counted by the referrals' characteristics with small numbers hidden.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TrialEqualityTest {

    private static final String IPS = "Individual placement and support";
    private static final String USUAL = "Usual care";

    @Autowired
    MockMvc mvc;
    @Autowired
    TrialFixtures fixtures;
    @Autowired
    Trials trials;
    @Autowired
    ReferralIntake intake;
    @Autowired
    Milestones milestones;
    @Autowired
    JdbcClient jdbc;

    private int position;

    @Test
    void countsTheRandomisedEachArmTheInterventionAndJobStartsBySexAndAreaWithSmallNumbersHidden() throws Exception {
        mvc.perform(multipart("/admin/area-deprivation/upload").file(new MockMultipartFile("file", "imd.csv",
                "text/csv", "postcode,imd_decile\nWS1 1TP,2\n".getBytes(StandardCharsets.UTF_8)))
                .session(SignIn.as(mvc, SignIn.NATIONAL_ADMIN)).with(csrf())).andExpect(status().is3xxRedirection());
        CurrentUser commissioner = fixtures.user(SignIn.WMCA_COMMISSIONER);
        Trial trial = fixtures.trial(commissioner, AllocationMethod.PERMUTED_BLOCKS, List.of());
        long bchft = fixtures.user("specialist@bchft.workhealth.example").organisationId();
        // IPS: 7 women (6 engaged, 5 of them starting a job) and 3 men. Usual care: 6 women, 2 men; one woman
        // engaged anyway (not the intervention), one starts a job and one man is in paid work at follow-up.
        List<Long> ipsWomen = allocate(trial, "IPS", "FEMALE", 7);
        allocate(trial, "IPS", "MALE", 3);
        List<Long> usualWomen = allocate(trial, "USUAL", "FEMALE", 6);
        List<Long> usualMen = allocate(trial, "USUAL", "MALE", 2);
        for (int i = 0; i < 6; i++) {
            milestone(ipsWomen.get(i), trial, bchft, MilestoneType.ENGAGEMENT);
        }
        for (int i = 0; i < 5; i++) {
            milestone(ipsWomen.get(i), trial, bchft, MilestoneType.JOB_START);
        }
        milestone(usualWomen.get(0), trial, bchft, MilestoneType.ENGAGEMENT);
        followUp(trial, usualWomen.get(1), "job_started_on = CURRENT_DATE");
        followUp(trial, usualMen.get(0), "in_paid_work = TRUE");
        // A follow-up not yet recorded says nothing.
        jdbc.sql("UPDATE trial_follow_up SET in_paid_work = TRUE WHERE allocation_id = (SELECT id FROM "
                + "trial_allocation WHERE trial_id = ? AND unit_id = ?) AND week = 26").params(trial.id(),
                usualWomen.get(2)).update();
        // A referral never randomised is not in the report.
        referral("FEMALE");

        Document page = page(SignIn.WMCA_COMMISSIONER, trial.id());
        assertThat(page.select("h1").text()).isEqualTo(trial.title() + ": equality report");
        assertThat(page.select("#equality-sex thead th").eachText()).containsExactly("Sex", "Randomised",
                "Allocated to " + IPS, "Allocated to " + USUAL, "Received the intervention", "Job start, " + IPS,
                "Job start, " + USUAL);
        assertThat(rows(page, "equality-sex")).containsExactly(
                List.of("Female", "13", "Not shown", "Not shown", "6", "5", "Fewer than 5"),
                List.of("Male", "5", "Fewer than 5", "Fewer than 5", "0", "0", "Fewer than 5"),
                List.of("Prefer not to say", "0", "0", "0", "0", "0", "0"),
                List.of("Not known", "0", "0", "0", "0", "0", "0"),
                List.of("Total", "18", "10", "8", "6", "5", "Fewer than 5"));
        assertThat(rows(page, "equality-area-deprivation")).contains(
                List.of("1 to 2 (most deprived)", "18", "10", "8", "6", "5", "Fewer than 5"),
                List.of("Not known", "0", "0", "0", "0", "0", "0"));
        assertThat(page.select("table caption").eachText()).containsExactly("Age at referral", "Sex", "Ethnic group",
                "Disability", "Area deprivation");
        assertThat(page.text()).doesNotContain("Equality" + trial.code().substring(2));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'VIEW' AND record_type = "
                + "'trial-equality' AND record_id = ?").param(String.valueOf(trial.id())).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void onlyThoseWhoMaySeeTheTrialSeeItsReport() throws Exception {
        CurrentUser commissioner = fixtures.user(SignIn.WMCA_COMMISSIONER);
        Trial trial = fixtures.trial(commissioner, AllocationMethod.PERMUTED_BLOCKS, List.of());
        allocate(trial, "IPS", "FEMALE", 1);
        long before = views(trial);
        for (String email : List.of(SignIn.GM_COMMISSIONER, SignIn.BURY_MANAGER, SignIn.BURY_COACH,
                "evaluator@workhealth.example")) {
            mvc.perform(get("/trials/" + trial.id() + "/equality").session(SignIn.as(mvc, email)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/trials/999999999/equality").session(SignIn.as(mvc, SignIn.WMCA_COMMISSIONER)))
                .andExpect(status().isNotFound());
        assertThat(views(trial)).isEqualTo(before);
        // National sees programmes everywhere, and so the counts, never a name.
        assertThat(rows(page(SignIn.NATIONAL, trial.id()), "equality-sex").get(4).get(1)).isEqualTo("Fewer than 5");
        assertThat(Jsoup.parse(mvc.perform(get("/trials/" + trial.id()).session(SignIn.as(mvc,
                SignIn.WMCA_COMMISSIONER))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .select("a[href=/trials/" + trial.id() + "/equality]").text()).isEqualTo("Equality report");
    }

    @Test
    void anEmployerTrialSaysTheReportIsForParticipantTrials() throws Exception {
        CurrentUser commissioner = fixtures.user(SignIn.WMCA_COMMISSIONER);
        TrialDesign d = fixtures.design(AllocationMethod.PERMUTED_BLOCKS, List.of());
        Trial trial = trials.create(commissioner, new TrialDesign(d.programmeId(), d.code(), "Wellbeing Premium",
                TrialUnit.EMPLOYER, d.method(), d.arms(), d.factors(), d.blockMultipliers(),
                d.minimisationProbability(), d.recruitmentStarts(), d.recruitmentEnds(), d.recruitmentTarget(),
                d.allocationViewers(), d.controlAction(), d.followUpWeeks()));
        Document page = page(SignIn.WMCA_COMMISSIONER, trial.id());
        assertThat(page.select("#not-participants").text()).contains("for trials that randomise participants");
        assertThat(page.select("table")).isEmpty();
    }

    private long views(Trial trial) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'VIEW' AND record_type = 'trial-equality' "
                + "AND record_id = ?").param(String.valueOf(trial.id())).query(Long.class).single();
    }

    /** Referrals allocated to the arm, as the randomiser records them, with follow-ups at 12 and 26 weeks. */
    private List<Long> allocate(Trial trial, String arm, String sex, int count) {
        List<Long> ids = new ArrayList<>();
        long by = fixtures.user("specialist@bchft.workhealth.example").id();
        for (int i = 0; i < count; i++) {
            long referral = referral(sex);
            ids.add(referral);
            long allocation = jdbc.sql("""
                    INSERT INTO trial_allocation (trial_id, unit_type, unit_id, unit_organisation_id, stratum_key,
                        position, arm_code, allocated_by, allocated_at) VALUES (?, 'PARTICIPANT', ?, 1, 'ALL', ?, ?, ?, ?)
                    """).params(trial.id(), referral, position++, arm, by, Timestamp.from(Instant.now())).update() > 0
                    ? jdbc.sql("SELECT id FROM trial_allocation WHERE trial_id = ? AND unit_id = ?")
                            .params(trial.id(), referral).query(Long.class).single() : 0;
            for (int week : List.of(12, 26)) {
                jdbc.sql("INSERT INTO trial_follow_up (allocation_id, week, due_on) VALUES (?, ?, ?)")
                        .params(allocation, week, LocalDate.now().plusWeeks(week)).update();
            }
        }
        return ids;
    }

    private void followUp(Trial trial, long referral, String outcome) {
        jdbc.sql("UPDATE trial_follow_up SET status = 'RECORDED', assessed_on = CURRENT_DATE, " + outcome
                + " WHERE week = 12 AND allocation_id = (SELECT id FROM trial_allocation WHERE trial_id = ? AND "
                + "unit_id = ?)").params(trial.id(), referral).update();
    }

    private void milestone(long referral, Trial trial, long organisation, MilestoneType type) {
        milestones.record(new NewMilestone(type, null, referral, trial.programmeId(), null, organisation,
                LocalDate.now(), Map.of(), null));
    }

    private long referral(String sex) {
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Sam", "Equality" + UUID.randomUUID()
                .toString().replaceAll("[^a-f]", ""), LocalDate.of(1984, 2, 2), null, "07700 900123", null, null,
                null, null, "WS1 1TP", ContactPreference.PHONE, null, null, null, EmploymentStatus.UNEMPLOYED,
                LocalDate.now().minusWeeks(8), null, null, null, true, false, false, "Anxiety", "NO",
                "Help to find work", true, false, sex, null, null, null, null);
        return intake.submit(answers, ReferralSource.PUBLIC, null, null).id();
    }

    private Document page(String email, long trialId) throws Exception {
        return Jsoup.parse(mvc.perform(get("/trials/" + trialId + "/equality").session(SignIn.as(mvc, email)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<List<String>> rows(Document page, String tableId) {
        return page.getElementById(tableId).select("tbody tr").stream().map(tr -> tr.children().eachText()).toList();
    }
}

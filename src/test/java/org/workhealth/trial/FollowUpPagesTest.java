package org.workhealth.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workhealth.SignIn;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.internal.UnitFacts;
import org.workhealth.trial.internal.Randomiser;

/** The follow-up due list, recording and correcting outcomes, lost to follow-up and drop-outs, as people use them. */
@SpringBootTest
@AutoConfigureMockMvc
class FollowUpPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TrialFixtures fixtures;
    @Autowired
    Randomiser randomiser;
    @Autowired
    JdbcClient jdbc;

    private CurrentUser commissioner;
    private MockHttpSession session;
    private Trial trial;
    private final List<Allocation> made = new ArrayList<>();

    @BeforeEach
    void aTrialWithFourParticipants() throws Exception {
        commissioner = fixtures.user(SignIn.WMCA_COMMISSIONER);
        session = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        trial = fixtures.trial(commissioner, AllocationMethod.PERMUTED_BLOCKS, List.of());
        made.clear();
        for (int i = 0; i < 4; i++) {
            long referral = fixtures.buryReferral();
            made.add(randomiser.randomise(commissioner, trial.id(), new UnitFacts(referral, 1L, Map.of())));
        }
    }

    private String reference(Allocation a) {
        return jdbc.sql("SELECT reference FROM referral WHERE id = ?").param(a.unitId()).query(String.class).single();
    }

    private void dueOn(Allocation a, int week, LocalDate due) {
        jdbc.sql("UPDATE trial_follow_up SET due_on = ? WHERE allocation_id = ? AND week = ?")
                .params(due, a.id(), week).update();
    }

    private void withdraw(Allocation a, boolean contact, boolean furtherData, boolean collectedData, LocalDate on) {
        jdbc.sql("""
                INSERT INTO research_consent (study_code, referral_id, organisation_id, information_sheet_version,
                    consented_on, recorded_by, recorded_at, withdrawn_on, withdrawal_recorded_by,
                    withdrawal_recorded_at, withdraws_contact, withdraws_further_data, withdraws_collected_data)
                VALUES (?, ?, 1, 'v1', ?, ?, CURRENT_TIMESTAMP, ?, ?, CURRENT_TIMESTAMP, ?, ?, ?)""")
                .params(trial.code(), a.unitId(), LocalDate.now().minusDays(30), commissioner.id(), on,
                        commissioner.id(), contact, furtherData, collectedData).update();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpServletRequestBuilder outcome(Allocation a, int week, String... params) {
        MockHttpServletRequestBuilder request = post("/trials/" + trial.id() + "/follow-ups/" + a.id() + "/" + week)
                .session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request;
    }

    private MockHttpServletRequestBuilder measured(Allocation a, int week, LocalDate on, String... more) {
        Map<String, String> params = new java.util.LinkedHashMap<>(Map.of("result", "RECORDED", "assessedOnDay",
                String.valueOf(on.getDayOfMonth()), "assessedOnMonth", String.valueOf(on.getMonthValue()),
                "assessedOnYear", String.valueOf(on.getYear()), "inPaidWork", "yes", "hoursPerWeek", "30",
                "wellbeingScore", "24"));
        for (int i = 0; i < more.length; i += 2) {
            params.put(more[i], more[i + 1]);
        }
        List<String> flat = new ArrayList<>();
        params.forEach((k, v) -> {
            flat.add(k);
            flat.add(v);
        });
        return outcome(a, week, flat.toArray(String[]::new));
    }

    private Map<String, Object> point(Allocation a, int week) {
        return jdbc.sql("SELECT * FROM trial_follow_up WHERE allocation_id = ? AND week = ?").params(a.id(), week)
                .query().singleRow();
    }

    @Test
    void theDueListShowsBothArmsAndLeavesOutThoseNotToBeContacted() throws Exception {
        dueOn(made.get(0), 12, LocalDate.now());
        dueOn(made.get(1), 12, LocalDate.now().minusDays(40));
        withdraw(made.get(3), true, false, false, LocalDate.now());
        String list = page("/trials/" + trial.id() + "/follow-ups");
        assertThat(list).contains(reference(made.get(0)), reference(made.get(1)), reference(made.get(2)))
                .doesNotContain(reference(made.get(3))).contains("1 person not to be contacted");
        // both arms: four allocations of a 1:1 trial in blocks of 2, 4 or 6 have both arms unless all four share one
        made.subList(0, 3).stream().map(Allocation::armCode).distinct()
                .forEach(arm -> assertThat(list).contains(trial.arm(arm).name()));
        String overdue = page("/trials/" + trial.id() + "/follow-ups?status=OVERDUE");
        assertThat(overdue).contains(reference(made.get(1))).doesNotContain(reference(made.get(0)))
                .contains("1 follow-up point");
        String due = page("/trials/" + trial.id() + "/follow-ups?status=DUE&week=12");
        assertThat(due).contains(reference(made.get(0))).doesNotContain(reference(made.get(1)));
        String week26 = page("/trials/" + trial.id() + "/follow-ups?week=26");
        assertThat(week26).contains("3 follow-up points").contains(reference(made.get(2)));
        // a code that is not one of the filter's is ignored, not an error
        page("/trials/" + trial.id() + "/follow-ups?status=%3Cscript%3E&week=x&page=-3");
        Long entry = jdbc.sql("SELECT MAX(id) FROM audit_event WHERE action = 'VIEW' AND record_type = 'trial_follow_ups'")
                .query(Long.class).single();
        assertThat(entry).isNotNull();
    }

    @Test
    void anOutcomeIsRecordedThenCorrectedOnlyWithAReasonKeepingTheOldValuesInTheAuditLog() throws Exception {
        Allocation a = made.get(0);
        LocalDate today = LocalDate.now();
        mvc.perform(measured(a, 12, today, "jobStartedOnDay", String.valueOf(today.getDayOfMonth()),
                "jobStartedOnMonth", String.valueOf(today.getMonthValue()), "jobStartedOnYear",
                String.valueOf(today.getYear()))).andExpect(status().is3xxRedirection());
        Map<String, Object> row = point(a, 12);
        assertThat(row.get("STATUS")).isEqualTo("RECORDED");
        assertThat(row.get("HOURS_PER_WEEK")).isEqualTo(30);
        assertThat(row.get("WELLBEING_SCORE")).isEqualTo(24);
        assertThat(row.get("IN_PAID_WORK")).isEqualTo(true);
        assertThat(page("/trials/" + trial.id() + "/follow-ups/" + a.id() + "/12")).contains("Correct the outcome")
                .contains("SWEMWBS");

        String refused = mvc.perform(measured(a, 12, today, "hoursPerWeek", "12")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Enter why the recorded outcome is being corrected");
        assertThat(point(a, 12).get("HOURS_PER_WEEK")).isEqualTo(30);

        mvc.perform(outcome(a, 12, "result", "RECORDED", "assessedOnDay", String.valueOf(today.getDayOfMonth()),
                "assessedOnMonth", String.valueOf(today.getMonthValue()), "assessedOnYear",
                String.valueOf(today.getYear()), "inPaidWork", "yes", "hoursPerWeek", "16", "wellbeingScore", "24",
                "correctionReason", "Hours misheard on the phone")).andExpect(status().is3xxRedirection());
        assertThat(point(a, 12).get("HOURS_PER_WEEK")).isEqualTo(16);
        String detail = jdbc.sql("SELECT detail FROM audit_event WHERE action = 'CORRECT_OUTCOME' AND record_id = ?")
                .param(String.valueOf(a.id())).query(String.class).single();
        assertThat(detail).contains("Hours misheard on the phone").contains("hours per week 30");
    }

    @Test
    void badAnswersAreShownNextToTheirFieldsWithTheOthersKeptAndNothingSaved() throws Exception {
        Allocation a = made.get(1);
        String page = mvc.perform(measured(a, 12, LocalDate.now().plusDays(3), "hoursPerWeek", "101",
                "wellbeingScore", "6")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Date assessed must be today or in the past")
                .contains("Hours per week must be a whole number from 0 to 100")
                .contains("Wellbeing score must be a whole number from 7 to 35").contains("value=\"101\"");
        String before = mvc.perform(measured(a, 12, LocalDate.now().minusYears(1))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(before).contains("Date assessed must be on or after the date of randomisation");
        String none = mvc.perform(outcome(a, 12)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(none).contains("Select whether the outcome was collected or lost to follow-up");
        String inWork = mvc.perform(measured(a, 12, LocalDate.now(), "hoursPerWeek", "")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(inWork).contains("Enter the hours they work each week");
        assertThat(point(a, 12).get("STATUS")).isEqualTo("DUE");
    }

    @Test
    void lostToFollowUpNeedsAReason() throws Exception {
        Allocation a = made.get(2);
        assertThat(mvc.perform(outcome(a, 52, "result", "LOST")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("Enter why the outcome could not be collected");
        mvc.perform(outcome(a, 52, "result", "LOST", "lostReason", "No answer to 3 calls and a letter"))
                .andExpect(status().is3xxRedirection());
        assertThat(point(a, 52).get("STATUS")).isEqualTo("LOST");
        assertThat(point(a, 52).get("LOST_REASON")).isEqualTo("No answer to 3 calls and a letter");
    }

    @Test
    void dataDatedAfterANoFurtherDataWithdrawalIsRefused() throws Exception {
        Allocation a = made.get(0);
        jdbc.sql("UPDATE trial_allocation SET allocated_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(10))), a.id())
                .update();
        withdraw(a, false, true, false, LocalDate.now().minusDays(1));
        String page = mvc.perform(measured(a, 12, LocalDate.now())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("withdrew from further data collection");
        assertThat(point(a, 12).get("STATUS")).isEqualTo("DUE");
        mvc.perform(measured(a, 12, LocalDate.now().minusDays(1))).andExpect(status().is3xxRedirection());
        assertThat(point(a, 12).get("STATUS")).isEqualTo("RECORDED");
    }

    @Test
    void aDropOutIsRecordedOnceAndTheParticipantStaysInTheirArm() throws Exception {
        Allocation a = made.get(1);
        String path = "/trials/" + trial.id() + "/allocations/" + a.id() + "/drop-out";
        assertThat(page(path)).contains(reference(a)).contains("Why they stopped");
        LocalDate today = LocalDate.now();
        assertThat(mvc.perform(post(path).session(session).with(csrf()).param("reason", "HEALTH"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Enter the date they stopped");
        mvc.perform(post(path).session(session).with(csrf()).param("droppedOnDay", String.valueOf(today.getDayOfMonth()))
                .param("droppedOnMonth", String.valueOf(today.getMonthValue()))
                .param("droppedOnYear", String.valueOf(today.getYear())).param("reason", "HEALTH")
                .param("detail", "Surgery")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT reason FROM trial_drop_out WHERE allocation_id = ?").param(a.id())
                .query(String.class).single()).isEqualTo("HEALTH");
        String again = mvc.perform(post(path).session(session).with(csrf())
                .param("droppedOnDay", String.valueOf(today.getDayOfMonth()))
                .param("droppedOnMonth", String.valueOf(today.getMonthValue()))
                .param("droppedOnYear", String.valueOf(today.getYear())).param("reason", "OTHER"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("already recorded");
        assertThat(jdbc.sql("SELECT arm_code FROM trial_allocation WHERE id = ?").param(a.id()).query(String.class)
                .single()).isEqualTo(a.armCode());
        assertThat(page("/trials/" + trial.id() + "/follow-ups/" + a.id() + "/12")).contains("Stopped on");
    }

    @Test
    void anotherHubCannotReachTheListAPointOrADropOutNorRecordAnything() throws Exception {
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        Allocation a = made.get(0);
        for (MockHttpSession other : List.of(gm, coach)) {
            mvc.perform(get("/trials/" + trial.id() + "/follow-ups").session(other)).andExpect(status().isNotFound());
            mvc.perform(get("/trials/" + trial.id() + "/follow-ups/" + a.id() + "/12").session(other))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/trials/" + trial.id() + "/allocations/" + a.id() + "/drop-out").session(other))
                    .andExpect(status().isNotFound());
            mvc.perform(measured(a, 12, LocalDate.now()).session(other)).andExpect(status().isNotFound());
            mvc.perform(post("/trials/" + trial.id() + "/allocations/" + a.id() + "/drop-out").session(other)
                    .with(csrf()).param("reason", "HEALTH")).andExpect(status().isNotFound());
        }
        assertThat(point(a, 12).get("STATUS")).isEqualTo("DUE");
        // an allocation of another trial, through this trial's address, is not found either
        Trial other = fixtures.trial(commissioner, AllocationMethod.PERMUTED_BLOCKS, List.of());
        Allocation elsewhere = randomiser.randomise(commissioner, other.id(),
                new UnitFacts(fixtures.buryReferral(), 1L, Map.of()));
        mvc.perform(get("/trials/" + trial.id() + "/follow-ups/" + elsewhere.id() + "/12").session(session))
                .andExpect(status().isNotFound());
        mvc.perform(get("/trials/" + trial.id() + "/allocations/" + elsewhere.id() + "/drop-out").session(session))
                .andExpect(status().isNotFound());
        mvc.perform(get("/trials/" + trial.id() + "/follow-ups/" + a.id() + "/13").session(session))
                .andExpect(status().isNotFound());
    }
}

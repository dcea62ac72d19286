package org.workhealth.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.today;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;

/** The practitioner home at /cases: their own cases and what is due on them, and nobody else's. */
@SpringBootTest
@AutoConfigureMockMvc
class PractitionerHomeTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ViewsTestCases cases;

    @Autowired
    PractitionerHomeTest(MockMvc mvc, JdbcClient jdbc, Programmes programmes,
            Organisations organisations, Casework casework, People people) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.cases = new ViewsTestCases(jdbc, programmes, organisations, casework, people);
    }

    @Test
    void aPractitionerSeesOnlyTheirOwnOpenCases() throws Exception {
        Programme programme = cases.programme(SupportType.LOW_INTENSITY);
        ViewsTestCases.Staff me = cases.practitioner(ViewsTestCases.BURY);
        ViewsTestCases.Staff colleague = cases.practitioner(ViewsTestCases.BURY);
        ViewsTestCases.TestCase mine = cases.open(programme, ViewsTestCases.BURY, me.id(), "UNEMPLOYED");
        ViewsTestCases.TestCase closed = cases.open(programme, ViewsTestCases.BURY, me.id(),
                "UNEMPLOYED");
        jdbc.sql("UPDATE support_case SET status = 'CLOSED' WHERE id = ?").param(closed.id()).update();
        ViewsTestCases.TestCase theirs = cases.open(programme, ViewsTestCases.BURY, colleague.id(),
                "UNEMPLOYED");
        ViewsTestCases.TestCase elsewhere = cases.open(programme, ViewsTestCases.BCHFT,
                cases.personId(ViewsTestCases.BCHFT_SPECIALIST), "UNEMPLOYED");

        Document home = home(SignIn.as(mvc, me.email()));
        assertThat(home.select("h1").text()).isEqualTo("Your cases");
        assertThat(home.select(".govuk-service-navigation a[href=/cases]").text()).isEqualTo("Cases");
        String table = home.select("table[aria-labelledby=open-cases]").text();
        assertThat(table).contains(mine.reference(), mine.fullName(), programme.name(),
                DateAnswer.format(today().minusDays(20)));
        assertThat(home.select("a[href=/cases/" + mine.id() + "]").text()).isEqualTo(mine.reference());
        assertThat(home.text()).doesNotContain(closed.fullName(), theirs.fullName(), elsewhere.fullName());
        // One entry for the page, naming the cases it listed.
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event e JOIN audit_event_record r ON r.audit_event_id = e.id "
                + "WHERE e.action = 'VIEW' AND e.record_type = 'case-home' AND e.actor_email = ? AND r.record_type = 'case' "
                + "AND r.record_id = ?", me.email(), String.valueOf(mine.id()))).isEqualTo(1);

        // Another provider's practitioner sees their own home, with none of these cases on it.
        Document specialist = home(SignIn.as(mvc, ViewsTestCases.BCHFT_SPECIALIST));
        assertThat(specialist.text()).contains(elsewhere.fullName())
                .doesNotContain(mine.fullName(), theirs.fullName());
    }

    @Test
    void appointmentsReviewsActionsAndSustainmentChecksDueAreListed() throws Exception {
        Programme programme = cases.programme(SupportType.INTENSIVE_IPS);
        ViewsTestCases.Staff me = cases.practitioner(ViewsTestCases.BURY);
        ViewsTestCases.Staff colleague = cases.practitioner(ViewsTestCases.BURY);
        ViewsTestCases.TestCase mine = cases.open(programme, ViewsTestCases.BURY, me.id(), "UNEMPLOYED");
        ViewsTestCases.TestCase theirs = cases.open(programme, ViewsTestCases.BURY, colleague.id(),
                "UNEMPLOYED");
        LocalDate today = today();

        appointment(mine.id(), today, 10, "PHONE", null, "PLANNED", me.id());
        appointment(mine.id(), today.plusDays(3), 14, "FACE_TO_FACE", "Bury Library", "PLANNED", me.id());
        appointment(mine.id(), today.plusDays(2), 9, "VIDEO", null, "ATTENDED", me.id());
        appointment(mine.id(), today.minusDays(1), 9, "VIDEO", null, "PLANNED", me.id());
        appointment(theirs.id(), today, 11, "PHONE", null, "PLANNED", colleague.id());

        long plan = plan(mine.id(), today.minusDays(3), me.id());
        action(plan, 1, "Update CV", today.minusDays(2), "NOT_STARTED");
        action(plan, 2, "Register with the National Careers Service", today.minusDays(5), "DONE");
        action(plan, 3, "Visit the job fair", today.plusDays(5), "IN_PROGRESS");
        long theirPlan = plan(theirs.id(), today.minusDays(3), colleague.id());
        action(theirPlan, 1, "Their action", today.minusDays(2), "NOT_STARTED");

        sustainmentCheck(mine.id(), today.minusWeeks(13).plusDays(4), 13, me.id());
        sustainmentCheck(theirs.id(), today.minusWeeks(13).plusDays(4), 13, colleague.id());

        Document home = home(SignIn.as(mvc, me.email()));
        assertThat(home.select("#appointments-today-table tbody tr").eachText()).containsExactly(
                DateAnswer.format(today) + " 10:00am " + mine.reference() + " " + mine.fullName() + " Phone");
        assertThat(home.select("#appointments-coming-table tbody tr").eachText()).containsExactly(
                DateAnswer.format(today.plusDays(3)) + " 2:00pm " + mine.reference() + " " + mine.fullName()
                        + " Face to face, Bury Library");
        assertThat(home.select("#reviews-overdue-table tbody tr").eachText()).containsExactly(
                DateAnswer.format(today.minusDays(3)) + " " + mine.reference() + " " + mine.fullName() + " Review");
        assertThat(home.select("#actions-overdue-table tbody tr").eachText()).containsExactly(
                DateAnswer.format(today.minusDays(2)) + " " + mine.reference() + " " + mine.fullName()
                        + " Update CV");
        assertThat(home.select("#sustainment-due-table tbody tr").eachText()).containsExactly(
                DateAnswer.format(today.plusDays(4)) + " " + mine.reference() + " " + mine.fullName()
                        + " 13-week check");
        assertThat(home.text()).doesNotContain(theirs.fullName(), "Their action");

        // A colleague with nothing due sees the empty messages, not the other practitioner's work.
        ViewsTestCases.Staff idle = cases.practitioner(ViewsTestCases.BURY);
        Document empty = home(SignIn.as(mvc, idle.email()));
        assertThat(empty.text()).contains("You have no appointments today.", "No reviews are overdue.",
                "No plan actions are overdue.", "No sustainment checks are due in the next 4 weeks.",
                "You are not key worker for any open cases.");
    }

    @Test
    void peopleWhoDoNotManageCasesGetNotFound() throws Exception {
        mvc.perform(get("/cases").session(SignIn.as(mvc, "referrer@townside.workhealth.example")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cases").session(SignIn.as(mvc, SignIn.GM_COMMISSIONER))).andExpect(status().isNotFound());
    }

    // --- helpers ---

    private Document home(MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get("/cases").session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private void appointment(long caseId, LocalDate on, int hour, String channel, String place, String status,
            long by) {
        jdbc.sql("""
                INSERT INTO appointment (case_id, starts_at, channel, place, one_to_one, status, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, TRUE, ?, ?, ?)
                """).params(caseId, Timestamp.valueOf(on.atTime(hour, 0)), channel, place, status, by,
                Timestamp.valueOf(on.atStartOfDay())).update();
    }

    private long plan(long caseId, LocalDate reviewDue, long by) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO action_plan (case_id, version, status, plan_type, review_interval_weeks, agreed_on,
                                         review_due_on, created_by, created_at)
                VALUES (?, 1, 'AGREED', 'BACK_TO_WORK', 4, ?, ?, ?, ?)
                """).params(caseId, Date.valueOf(reviewDue.minusWeeks(4)), Date.valueOf(reviewDue), by,
                Timestamp.valueOf(reviewDue.minusWeeks(4).atStartOfDay())).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    private void action(long planId, int position, String description, LocalDate due, String status) {
        jdbc.sql("""
                INSERT INTO plan_action (plan_id, position, description, owner, due_on, status)
                VALUES (?, ?, ?, 'PARTICIPANT', ?, ?)
                """).params(planId, position, description, Date.valueOf(due), status).update();
    }

    private void sustainmentCheck(long caseId, LocalDate jobStart, int weeks, long by) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_outcome (case_id, kind, occurred_on, employer, job_title, paid, recorded_at, recorded_by)
                VALUES (?, 'JOB_START', ?, 'Bury Foods Ltd', 'Packer', TRUE, ?, ?)
                """).params(caseId, Date.valueOf(jobStart), Timestamp.valueOf(jobStart.atStartOfDay()), by)
                .update(key, "id");
        jdbc.sql("INSERT INTO sustainment_check (case_id, outcome_id, weeks, due_on) VALUES (?, ?, ?, ?)")
                .params(caseId, key.getKeyAs(Long.class), weeks, Date.valueOf(jobStart.plusWeeks(weeks))).update();
    }
}

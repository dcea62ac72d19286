package org.workhealth.casework;

import org.workhealth.MilestoneText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.today;
import static org.workhealth.casework.OutcomeTestCases.date;
import static org.workhealth.casework.OutcomeTestCases.page;
import static org.workhealth.casework.OutcomeTestCases.postTo;

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
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralIntake;

/** Closing a case with an exit reason, and reopening it with a reason that stays on the record. */
@SpringBootTest
@AutoConfigureMockMvc
class ExitTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final OutcomeTestCases cases;

    @Autowired
    ExitTest(MockMvc mvc, JdbcClient jdbc, ReferralIntake intake, Programmes programmes, Organisations organisations,
            Casework casework) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.cases = new OutcomeTestCases(jdbc, intake, programmes, organisations, casework);
    }

    @Test
    void exitClosesTheCaseAndWritesTheExitMilestoneOnce() throws Exception {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.LOW_INTENSITY);
        long caseId = cases.open(setup, EmploymentStatus.UNEMPLOYED, today().minusWeeks(8));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        Document form = page(mvc, coach, "/cases/" + caseId + "/exit");
        assertThat(form.select("h1").text()).isEqualTo("Close the case");
        assertThat(form.select("input[name=reason] + label").eachText()).containsExactly("Completed support",
                "Moved into work and left support", "Withdrew", "Unable to contact", "Moved away", "Other");
        assertThat(form.select(".govuk-back-link").attr("href")).isEqualTo("/cases/" + caseId);

        mvc.perform(date(postTo("/cases/" + caseId + "/exit", coach).param("reason", "WITHDREW"), "exitedOn",
                today().minusDays(1))).andExpect(redirectedUrl("/cases/" + caseId + "/exit"));

        assertThat(caseStatus(caseId)).isEqualTo("CLOSED");
        Map<String, Object> milestone = jdbc.sql("SELECT * FROM milestone WHERE case_id = ? AND type = 'EXIT'")
                .param(caseId).query().singleRow();
        assertThat(milestone).containsEntry("occurred_on", java.sql.Date.valueOf(today().minusDays(1)))
                .containsEntry("contract_id", setup.contractId());
        assertThat(MilestoneText.of(jdbc, (Long) milestone.get("id"))).isEqualTo("reason=WITHDREW;in_work_at_referral=false");
        assertThat(cases.count("SELECT COUNT(*) FROM case_event WHERE case_id = ? AND kind = 'EXITED' "
                + "AND reason = 'WITHDREW'", caseId)).isEqualTo(1);
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE action = 'EXIT' AND record_type = 'case' "
                + "AND record_id = ?", String.valueOf(caseId))).isEqualTo(1);

        Document closed = page(mvc, coach, "/cases/" + caseId + "/exit");
        assertThat(closed.select("h1").text()).isEqualTo("Case closed");
        assertThat(closed.select("#events").text()).contains("Closed on", "Withdrew", "Daniel Brooks");
        assertThat(closed.select("main button").eachText()).containsExactly("Reopen the case");

        // Closing again changes nothing.
        mvc.perform(date(postTo("/cases/" + caseId + "/exit", coach).param("reason", "COMPLETED"), "exitedOn",
                today())).andExpect(redirectedUrl("/cases/" + caseId + "/exit"));
        assertThat(cases.count("SELECT COUNT(*) FROM milestone WHERE case_id = ? AND type = 'EXIT'", caseId))
                .isEqualTo(1);
    }

    @Test
    void theReasonAndDateAreNeededAndOtherNeedsItsText() throws Exception {
        long caseId = cases.open(cases.programme(SupportType.LOW_INTENSITY), EmploymentStatus.UNEMPLOYED,
                today().minusWeeks(8));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        Document none = html(mvc.perform(postTo("/cases/" + caseId + "/exit", coach)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(none.title()).startsWith("Error: ");
        assertThat(none.select(".govuk-error-summary a").eachText()).containsExactly(
                "Select why they are leaving support", "Enter the date they left support");

        Document other = html(mvc.perform(date(postTo("/cases/" + caseId + "/exit", coach).param("reason", "OTHER"),
                "exitedOn", today().plusDays(1))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(other.select(".govuk-error-summary a").eachText()).containsExactly(
                "Enter the reason they are leaving support", "Date they left support must be today or in the past");
        assertThat(other.select("input[name=reason][value=OTHER]").hasAttr("checked")).isTrue();

        mvc.perform(date(postTo("/cases/" + caseId + "/exit", coach).param("reason", "OTHER")
                .param("otherReason", "Started caring for a relative; moved away"), "exitedOn", today()))
                .andExpect(status().is3xxRedirection());
        assertThat(MilestoneText.ofOnly(jdbc, caseId, "EXIT"))
                .isEqualTo("reason=OTHER;reason_text=Started caring for a relative; moved away;in_work_at_referral=false");
    }

    @Test
    void reopeningNeedsAReasonAndIsRecordedNotSilent() throws Exception {
        long caseId = cases.open(cases.programme(SupportType.LOW_INTENSITY), EmploymentStatus.EMPLOYED,
                today().minusWeeks(8));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(date(postTo("/cases/" + caseId + "/exit", coach).param("reason", "UNABLE_TO_CONTACT"),
                "exitedOn", today())).andExpect(status().is3xxRedirection());
        long exitId = jdbc.sql("SELECT id FROM milestone WHERE case_id = ? AND type = 'EXIT'").param(caseId)
                .query(Long.class).single();

        Document blank = html(mvc.perform(postTo("/cases/" + caseId + "/reopen", coach).param("reopenReason", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(blank.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter why the case is being reopened");
        assertThat(caseStatus(caseId)).isEqualTo("CLOSED");

        mvc.perform(postTo("/cases/" + caseId + "/reopen", coach).param("reopenReason", "They got back in touch; ready again"))
                .andExpect(redirectedUrl("/cases/" + caseId + "/exit"));

        assertThat(caseStatus(caseId)).isEqualTo("OPEN");
        assertThat(cases.count("SELECT COUNT(*) FROM case_event WHERE case_id = ? AND kind = 'REOPENED' "
                + "AND detail = 'They got back in touch; ready again'", caseId)).isEqualTo(1);
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE action = 'REOPEN' AND record_type = 'case' "
                + "AND record_id = ?", String.valueOf(caseId))).isEqualTo(1);
        // The exit stays; the reopening is a milestone of its own.
        assertThat(cases.count("SELECT COUNT(*) FROM milestone m WHERE m.id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)", exitId)).isEqualTo(1);
        assertThat(MilestoneText.ofOnly(jdbc, caseId, "REOPENED")).isEqualTo("reason=They got back in touch; ready again");

        Document exitPage = page(mvc, coach, "/cases/" + caseId + "/exit");
        assertThat(exitPage.select("h1").text()).isEqualTo("Close the case");
        assertThat(exitPage.select("#events tbody tr").eachText()).hasSize(2);
        assertThat(exitPage.select("#events tbody tr").first().text()).contains("Reopened: They got back in touch; ready again");
        assertThat(page(mvc, coach, "/cases/" + caseId).select("table").text()).contains("Exit", "Case reopened");

        // Reopening an open case changes nothing.
        mvc.perform(postTo("/cases/" + caseId + "/reopen", coach).param("reopenReason", "Again"))
                .andExpect(status().is3xxRedirection());
        assertThat(cases.count("SELECT COUNT(*) FROM case_event WHERE case_id = ? AND kind = 'REOPENED'", caseId))
                .isEqualTo(1);
    }

    @Test
    void aPractitionerOfAnotherProviderGetsNotFoundAndChangesNothing() throws Exception {
        long open = cases.open(cases.programme(SupportType.LOW_INTENSITY), EmploymentStatus.UNEMPLOYED,
                today().minusWeeks(8));
        long closed = cases.open(cases.programme(SupportType.LOW_INTENSITY), EmploymentStatus.UNEMPLOYED,
                today().minusWeeks(8));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(date(postTo("/cases/" + closed + "/exit", coach).param("reason", "MOVED_AWAY"), "exitedOn",
                today())).andExpect(status().is3xxRedirection());
        MockHttpSession specialist = SignIn.as(mvc, OutcomeTestCases.BCHFT_SPECIALIST);

        mvc.perform(get("/cases/" + open + "/exit").session(specialist)).andExpect(status().isNotFound());
        mvc.perform(date(postTo("/cases/" + open + "/exit", specialist).param("reason", "WITHDREW"), "exitedOn",
                today())).andExpect(status().isNotFound());
        mvc.perform(postTo("/cases/" + closed + "/reopen", specialist).param("reopenReason", "Mine now"))
                .andExpect(status().isNotFound());

        assertThat(caseStatus(open)).isEqualTo("OPEN");
        assertThat(caseStatus(closed)).isEqualTo("CLOSED");
        assertThat(cases.count("SELECT COUNT(*) FROM case_event WHERE case_id IN (?, ?)", open, closed))
                .isEqualTo(1);
        assertThat(cases.count("SELECT COUNT(*) FROM milestone WHERE case_id IN (?, ?)", open, closed))
                .isEqualTo(1);
    }

    private String caseStatus(long caseId) {
        return jdbc.sql("SELECT status FROM support_case WHERE id = ?").param(caseId).query(String.class).single();
    }

    private static Document html(String content) {
        return Jsoup.parse(content);
    }
}

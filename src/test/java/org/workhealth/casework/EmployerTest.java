package org.workhealth.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.today;

import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.workhealth.SignIn;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralIntake;

/** The employer page: nothing without the person's consent; with it, the contact and the adjustments. */
@SpringBootTest
@AutoConfigureMockMvc
class EmployerTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final SupportTestCases cases;

    @Autowired
    EmployerTest(MockMvc mvc, JdbcClient jdbc, ReferralIntake intake, Programmes programmes,
            Organisations organisations, Casework casework) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.cases = new SupportTestCases(jdbc, intake, programmes, organisations, casework);
    }

    @Test
    void withoutConsentThePageRefusesUntilConsentIsRecorded() throws Exception {
        SupportTestCases.TestCase supportCase = cases.open(EmploymentStatus.OFF_SICK, false);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        String path = "/cases/" + supportCase.id() + "/employer";

        Document refused = page(coach, path);
        assertThat(refused.select("h1").text()).isEqualTo("Employer");
        assertThat(refused.select(".govuk-warning-text").text())
                .contains(supportCase.fullName() + " has not agreed to contact with their employer");
        assertThat(refused.select("input[name=name]")).isEmpty();
        assertThat(refused.select("a.govuk-back-link").attr("href")).isEqualTo("/cases/" + supportCase.id());

        // Saving a contact or adjustments is refused and saves nothing.
        contact(coach, supportCase.id(), "Pat Manager", "pat@bury-foods.example").andExpect(redirectedUrl(path));
        adjust(coach, supportCase.id(), "AGREED", today(), "PHASED_RETURN")
                .andExpect(redirectedUrl(path));
        assertThat(cases.count("SELECT COUNT(*) FROM case_employer WHERE case_id = ?", supportCase.id())).isZero();
        assertThat(cases.count("SELECT COUNT(*) FROM case_adjustment WHERE case_id = ?", supportCase.id())).isZero();

        // Consent given later: GOV.UK errors first, then recorded and audited.
        Document errors = Jsoup.parse(consent(coach, supportCase.id(), today().plusDays(1), "")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(errors.title()).startsWith("Error: ");
        assertThat(errors.select(".govuk-error-summary a").eachText()).containsExactly(
                "Date consent was given must be today or in the past", "Enter how they gave consent");
        assertThat(errors.select(".govuk-error-summary a").first().attr("href")).isEqualTo("#givenOn-day");

        LocalDate given = today().minusDays(1);
        consent(coach, supportCase.id(), given, "Verbally at an appointment").andExpect(redirectedUrl(path));
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE record_type = 'case' AND action = 'CONSENT' "
                + "AND record_id = ?", String.valueOf(supportCase.id()))).isEqualTo(1);

        Document allowed = page(coach, path);
        assertThat(allowed.select(".govuk-warning-text")).isEmpty();
        assertThat(allowed.select(".govuk-summary-list").text())
                .contains("Given on " + DateAnswer.format(given) + ": Verbally at an appointment");
        contact(coach, supportCase.id(), "Pat Manager", "pat@bury-foods.example").andExpect(redirectedUrl(path));
        assertThat(page(coach, path).select("input[name=name]").val()).isEqualTo("Pat Manager");
    }

    @Test
    void withConsentOnTheReferralContactAndAdjustmentsAreRecorded() throws Exception {
        SupportTestCases.TestCase supportCase = cases.open(EmploymentStatus.EMPLOYED, true);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        String path = "/cases/" + supportCase.id() + "/employer";
        LocalDate today = today();

        Document page = page(coach, path);
        assertThat(page.select(".govuk-summary-list").text()).contains("Given on the referral");
        assertThat(page.select("input[name=kinds]").eachAttr("value")).containsExactly("PHASED_RETURN",
                "ALTERED_HOURS", "AMENDED_DUTIES", "WORKPLACE_ADAPTATIONS");

        Document contactErrors = Jsoup.parse(mvc.perform(post(path).session(coach).with(csrf())
                .param("name", "").param("role", "HR").param("email", "not-an-email"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(contactErrors.select(".govuk-error-summary a").eachText()).containsExactly(
                "Enter the name of the contact at their employer",
                "Enter an email address in the correct format, like name@example.com");
        assertThat(contactErrors.select("input[name=role]").val()).isEqualTo("HR");

        contact(coach, supportCase.id(), "Sam Lee", "sam@bury-foods.example").andExpect(redirectedUrl(path));
        assertThat(jdbc.sql("SELECT contact_name, contact_email FROM case_employer WHERE case_id = ?")
                .param(supportCase.id()).query().singleRow()).containsEntry("contact_name", "Sam Lee")
                .containsEntry("contact_email", "sam@bury-foods.example");

        Document adjustmentErrors = Jsoup.parse(adjust(coach, supportCase.id(), null, today)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(adjustmentErrors.select(".govuk-error-summary a").eachText()).containsExactly(
                "Select the adjustments", "Select whether the adjustments were discussed or agreed");

        adjust(coach, supportCase.id(), "DISCUSSED", today.minusDays(3), "PHASED_RETURN", "ALTERED_HOURS")
                .andExpect(redirectedUrl(path));
        adjust(coach, supportCase.id(), "AGREED", today, "PHASED_RETURN").andExpect(redirectedUrl(path));
        Document after = page(coach, path);
        assertThat(after.select("#adjustments tbody tr").eachText()).containsExactly(
                "Phased return to work " + DateAnswer.format(today.minusDays(3)) + " " + DateAnswer.format(today)
                        + " Notes for the employer",
                "Altered hours " + DateAnswer.format(today.minusDays(3)) + " Not yet Notes for the employer");
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE record_type = 'case-adjustment' "
                + "AND record_id = ?", String.valueOf(supportCase.id()))).isEqualTo(2);
    }

    @Test
    void withdrawnConsentIsHonouredUntilGivenAgain() throws Exception {
        SupportTestCases.TestCase supportCase = cases.open(EmploymentStatus.EMPLOYED, true);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        String path = "/cases/" + supportCase.id() + "/employer";
        LocalDate today = today();
        contact(coach, supportCase.id(), "Sam Lee", "sam@bury-foods.example").andExpect(redirectedUrl(path));

        Document errors = Jsoup.parse(withdraw(coach, supportCase.id(), today.plusDays(1), "")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(errors.select(".govuk-error-summary a").eachText()).containsExactly(
                "Date consent was withdrawn must be today or in the past", "Enter how they withdrew consent");
        assertThat(errors.select(".govuk-error-summary a").first().attr("href")).isEqualTo("#withdrawnOn-day");
        assertThat(employerConsentChanges(supportCase.id())).isZero();

        withdraw(coach, supportCase.id(), today.minusDays(2), "By phone to their coach")
                .andExpect(redirectedUrl(path));
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE record_type = 'case' "
                + "AND action = 'CONSENT_WITHDRAWN' AND record_id = ?", String.valueOf(supportCase.id()))).isEqualTo(1);
        Document withdrawn = page(coach, path);
        assertThat(withdrawn.select(".govuk-warning-text").text())
                .contains(supportCase.fullName() + " has withdrawn their consent to contact with their employer");
        assertThat(withdrawn.select(".govuk-summary-list").text())
                .contains("Withdrawn on " + DateAnswer.format(today.minusDays(2)) + ": By phone to their coach");
        assertThat(withdrawn.select("input[name=name]")).isEmpty();

        // From then on nothing about the employer is recorded, and a second withdrawal changes nothing.
        contact(coach, supportCase.id(), "Someone Else", "else@bury-foods.example").andExpect(redirectedUrl(path));
        adjust(coach, supportCase.id(), "AGREED", today, "PHASED_RETURN").andExpect(redirectedUrl(path));
        withdraw(coach, supportCase.id(), today, "Again").andExpect(redirectedUrl(path));
        assertThat(jdbc.sql("SELECT contact_name FROM case_employer WHERE case_id = ?").param(supportCase.id())
                .query(String.class).single()).isEqualTo("Sam Lee");
        assertThat(cases.count("SELECT COUNT(*) FROM case_adjustment WHERE case_id = ?", supportCase.id())).isZero();
        assertThat(employerConsentChanges(supportCase.id())).isEqualTo(1);

        // Given again: not dated before the withdrawal, then the employer may be contacted once more.
        Document early = Jsoup.parse(consent(coach, supportCase.id(), today.minusDays(3), "In person")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(early.select(".govuk-error-summary a").eachText()).containsExactly("Date consent was given must be "
                + "on or after " + DateAnswer.format(today.minusDays(2)) + ", when they withdrew it");
        consent(coach, supportCase.id(), today, "In person at an appointment").andExpect(redirectedUrl(path));
        assertThat(page(coach, path).select("input[name=name]").val()).isEqualTo("Sam Lee");
    }

    @Test
    void someoneNotInWorkHasNoEmployerToContact() throws Exception {
        SupportTestCases.TestCase supportCase = cases.open(EmploymentStatus.UNEMPLOYED, true);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        Document page = page(coach, "/cases/" + supportCase.id() + "/employer");
        assertThat(page.select(".govuk-inset-text").text()).contains("was not in work");
        assertThat(page.select("main form")).isEmpty();
        contact(coach, supportCase.id(), "Sam Lee", "sam@example.com").andExpect(status().is3xxRedirection());
        assertThat(cases.count("SELECT COUNT(*) FROM case_employer WHERE case_id = ?", supportCase.id())).isZero();
    }

    @Test
    void anotherProvidersPractitionerGetsNotFoundAndNothingChanges() throws Exception {
        SupportTestCases.TestCase supportCase = cases.open(EmploymentStatus.EMPLOYED, false);
        MockHttpSession specialist = SignIn.as(mvc, SupportTestCases.BCHFT_SPECIALIST);
        mvc.perform(get("/cases/" + supportCase.id() + "/employer").session(specialist))
                .andExpect(status().isNotFound());
        consent(specialist, supportCase.id(), today(), "By phone").andExpect(status().isNotFound());
        withdraw(specialist, supportCase.id(), today(), "By phone").andExpect(status().isNotFound());
        contact(specialist, supportCase.id(), "Sam Lee", "sam@example.com").andExpect(status().isNotFound());
        adjust(specialist, supportCase.id(), "AGREED", today(), "ALTERED_HOURS")
                .andExpect(status().isNotFound());
        assertThat(employerConsentChanges(supportCase.id())).isZero();
        assertThat(cases.count("SELECT COUNT(*) FROM case_employer WHERE case_id = ?", supportCase.id())).isZero();
        assertThat(cases.count("SELECT COUNT(*) FROM case_adjustment WHERE case_id = ?", supportCase.id())).isZero();
    }

    private ResultActions consent(MockHttpSession session, long caseId, LocalDate on, String how) throws Exception {
        return mvc.perform(post("/cases/" + caseId + "/employer/consent").session(session).with(csrf())
                .param("givenOnDay", String.valueOf(on.getDayOfMonth()))
                .param("givenOnMonth", String.valueOf(on.getMonthValue()))
                .param("givenOnYear", String.valueOf(on.getYear())).param("how", how));
    }

    private ResultActions withdraw(MockHttpSession session, long caseId, LocalDate on, String how) throws Exception {
        return mvc.perform(post("/cases/" + caseId + "/employer/consent/withdraw").session(session).with(csrf())
                .param("withdrawnOnDay", String.valueOf(on.getDayOfMonth()))
                .param("withdrawnOnMonth", String.valueOf(on.getMonthValue()))
                .param("withdrawnOnYear", String.valueOf(on.getYear())).param("withdrawnHow", how));
    }

    private long employerConsentChanges(long caseId) {
        return cases.count("SELECT COUNT(*) FROM case_employer_consent_change WHERE case_id = ?", caseId);
    }

    private ResultActions contact(MockHttpSession session, long caseId, String name, String email) throws Exception {
        return mvc.perform(post("/cases/" + caseId + "/employer").session(session).with(csrf()).param("name", name)
                .param("role", "Line manager").param("phone", "01632 960 001").param("email", email));
    }

    private ResultActions adjust(MockHttpSession session, long caseId, String stage, LocalDate on, String... kinds)
            throws Exception {
        var request = post("/cases/" + caseId + "/employer/adjustments").session(session).with(csrf())
                .param("onDay", String.valueOf(on.getDayOfMonth()))
                .param("onMonth", String.valueOf(on.getMonthValue())).param("onYear", String.valueOf(on.getYear()))
                .param("notes", "Notes for the employer");
        if (stage != null) {
            request.param("stage", stage);
        }
        if (kinds.length > 0) {
            request.param("kinds", kinds);
        }
        return mvc.perform(request);
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }
}

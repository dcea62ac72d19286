package org.workhealth.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.letters;
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
import org.workhealth.casework.internal.ServiceType;

/** Consent to share with a service: given with the onward referral, withdrawn, honoured, given again. */
@SpringBootTest
@AutoConfigureMockMvc
class ServiceConsentsTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ServiceDirectory directory;
    private final SupportTestCases cases;
    private final CaseHeldRecords held;

    @Autowired
    ServiceConsentsTest(MockMvc mvc, JdbcClient jdbc, ServiceDirectory directory, ReferralIntake intake,
            Programmes programmes, Organisations organisations, Casework casework, CaseHeldRecords held) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.directory = directory;
        this.held = held;
        this.cases = new SupportTestCases(jdbc, intake, programmes, organisations, casework);
    }

    @Test
    void anOnwardReferralNeedsTheirConsentToShareAndRecordsIt() throws Exception {
        SupportTestCases.TestCase supportCase = cases.open(EmploymentStatus.UNEMPLOYED, false);
        long service = directory.add(service("Talking " + letters(6)));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        LocalDate today = today();

        Document noAnswer = Jsoup.parse(refer(coach, supportCase.id(), service, today, null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(noAnswer.select(".govuk-error-summary a").eachText())
                .containsExactly("Select yes if they agreed that you can share their details with the service");
        Document no = Jsoup.parse(refer(coach, supportCase.id(), service, today, "no")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(no.select(".govuk-error-summary a").eachText()).containsExactly(
                "You can only make an onward referral when they agree to share their details with the service");
        assertThat(cases.count("SELECT COUNT(*) FROM onward_referral WHERE case_id = ?", supportCase.id())).isZero();
        assertThat(consentRows(supportCase.id())).isZero();

        refer(coach, supportCase.id(), service, today, "yes").andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT change_kind, changed_on FROM case_service_consent_change WHERE case_id = ?")
                .param(supportCase.id()).query().singleRow()).containsEntry("change_kind", "GIVEN")
                .containsEntry("changed_on", java.sql.Date.valueOf(today));
        // A second referral to the same service does not record consent twice.
        refer(coach, supportCase.id(), service, today, "yes").andExpect(status().is3xxRedirection());
        assertThat(consentRows(supportCase.id())).isEqualTo(1);

        Document list = page(coach, "/cases/" + supportCase.id() + "/service-consents");
        assertThat(list.select("#service-consents tbody tr").text()).contains("Talking", "Given",
                DateAnswer.format(today));
    }

    @Test
    void withdrawnConsentStopsReferralsToThatServiceUntilGivenAgain() throws Exception {
        SupportTestCases.TestCase supportCase = cases.open(EmploymentStatus.UNEMPLOYED, false);
        String name = "Debt help " + letters(6);
        long service = directory.add(service(name));
        long other = directory.add(service("Other " + letters(6)));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        LocalDate today = today();
        refer(coach, supportCase.id(), service, today.minusDays(3), "yes").andExpect(status().is3xxRedirection());
        long referral = jdbc.sql("SELECT id FROM onward_referral WHERE case_id = ?").param(supportCase.id())
                .query(Long.class).single();
        String consentPage = "/cases/" + supportCase.id() + "/service-consents/" + service;

        // Bad answers: nothing is saved and the answers are kept.
        Document bad = Jsoup.parse(change(coach, consentPage + "/withdraw", today.minusDays(4), "", "x".repeat(501))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(bad.select(".govuk-error-summary a").eachText()).containsExactly(
                "Date consent was withdrawn must be on or after " + DateAnswer.format(today.minusDays(3))
                        + ", when they gave it",
                "Enter who told us", "Note must be 500 characters or fewer");
        assertThat(bad.select("textarea[name=note]").text()).hasSize(501);
        Document tooLong = Jsoup.parse(change(coach, consentPage + "/withdraw", today, "y".repeat(201), null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(tooLong.select(".govuk-error-summary a").eachText())
                .containsExactly("Who told us must be 200 characters or fewer");
        assertThat(consentRows(supportCase.id())).isEqualTo(1);

        change(coach, consentPage + "/withdraw", today, "The person, by phone", "Moving away")
                .andExpect(redirectedUrl(consentPage));
        assertThat(jdbc.sql("SELECT change_kind, told_by, note FROM case_service_consent_change WHERE case_id = ? "
                + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY").param(supportCase.id()).query().singleRow())
                .containsEntry("change_kind", "WITHDRAWN").containsEntry("told_by", "The person, by phone")
                .containsEntry("note", "Moving away");
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE action = 'CONSENT_WITHDRAWN' "
                + "AND record_type = 'case' AND record_id = ?", String.valueOf(supportCase.id()))).isEqualTo(1);

        Document withdrawn = page(coach, consentPage);
        assertThat(withdrawn.select("#consent-withdrawn").text()).contains("has withdrawn their consent to share with "
                + name);
        assertThat(withdrawn.select("#history tbody tr").eachText()).hasSize(2).first().asString()
                .contains("Withdrawn", "The person, by phone", "Moving away");
        assertThat(page(coach, "/cases/" + supportCase.id() + "/onward-referrals/" + referral)
                .select("#consent-withdrawn").text()).contains("has withdrawn their consent to share with " + name);
        assertThat(page(coach, "/cases/" + supportCase.id() + "/onward-referrals").select("tbody tr").text())
                .contains("Consent withdrawn");
        assertThat(page(coach, "/cases/" + supportCase.id()).select("#timeline, table").text())
                .contains("Consent to share with " + name + " withdrawn", "Told us: The person, by phone");

        // No new referral to that service, whatever the form says; another service is still fine.
        Document refused = Jsoup.parse(refer(coach, supportCase.id(), service, today, "yes")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select(".govuk-error-summary a").eachText()).singleElement().asString()
                .contains("has withdrawn their consent to share with " + name);
        assertThat(cases.count("SELECT COUNT(*) FROM onward_referral WHERE case_id = ? AND service_id = ?",
                supportCase.id(), service)).isEqualTo(1);
        refer(coach, supportCase.id(), other, today, "yes").andExpect(status().is3xxRedirection());
        // Withdrawing twice changes nothing.
        change(coach, consentPage + "/withdraw", today, "Again", null).andExpect(redirectedUrl(consentPage));
        assertThat(cases.count("SELECT COUNT(*) FROM case_service_consent_change WHERE case_id = ? AND service_id = ?",
                supportCase.id(), service)).isEqualTo(2);

        // Given again: a new row, and referrals may be made again.
        change(coach, consentPage + "/give", today, "The person, at an appointment", null)
                .andExpect(redirectedUrl(consentPage));
        assertThat(cases.count("SELECT COUNT(*) FROM case_service_consent_change WHERE case_id = ? AND service_id = ?",
                supportCase.id(), service)).isEqualTo(3);
        refer(coach, supportCase.id(), service, today, "yes").andExpect(status().is3xxRedirection());
        assertThat(cases.count("SELECT COUNT(*) FROM onward_referral WHERE case_id = ? AND service_id = ?",
                supportCase.id(), service)).isEqualTo(2);

        // The subject access export holds the history.
        assertThat(held.heldAbout(referralOf(supportCase.id())).stream().map(r -> r.title()))
                .contains("Consent to share with services, given or withdrawn");
    }

    @Test
    void anotherProviderCannotSeeOrRecordConsentByEditingTheUrl() throws Exception {
        SupportTestCases.TestCase supportCase = cases.open(EmploymentStatus.UNEMPLOYED, false);
        long service = directory.add(service("Hub " + letters(6)));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        refer(coach, supportCase.id(), service, today(), "yes").andExpect(status().is3xxRedirection());
        String consentPage = "/cases/" + supportCase.id() + "/service-consents/" + service;

        MockHttpSession specialist = SignIn.as(mvc, SupportTestCases.BCHFT_SPECIALIST);
        mvc.perform(get("/cases/" + supportCase.id() + "/service-consents").session(specialist))
                .andExpect(status().isNotFound());
        mvc.perform(get(consentPage).session(specialist)).andExpect(status().isNotFound());
        change(specialist, consentPage + "/withdraw", today(), "Someone", null)
                .andExpect(status().isNotFound());
        change(specialist, consentPage + "/give", today(), "Someone", null)
                .andExpect(status().isNotFound());
        // A service this case has no consent for is not found either, for its own provider.
        long unrelated = directory.add(service("Unrelated " + letters(6)));
        mvc.perform(get("/cases/" + supportCase.id() + "/service-consents/" + unrelated).session(coach))
                .andExpect(status().isNotFound());
        change(coach, "/cases/" + supportCase.id() + "/service-consents/" + unrelated + "/withdraw",
                today(), "Someone", null).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT change_kind FROM case_service_consent_change WHERE case_id = ?")
                .param(supportCase.id()).query(String.class).list()).containsExactly("GIVEN");
    }

    private long referralOf(long caseId) {
        return jdbc.sql("SELECT referral_id FROM support_case WHERE id = ?").param(caseId).query(Long.class).single();
    }

    private int consentRows(long caseId) {
        return cases.count("SELECT COUNT(*) FROM case_service_consent_change WHERE case_id = ?", caseId);
    }

    private ResultActions refer(MockHttpSession session, long caseId, long serviceId, LocalDate on, String consent)
            throws Exception {
        var request = post("/cases/" + caseId + "/onward-referrals").session(session).with(csrf())
                .param("serviceId", String.valueOf(serviceId))
                .param("madeOnDay", String.valueOf(on.getDayOfMonth()))
                .param("madeOnMonth", String.valueOf(on.getMonthValue()))
                .param("madeOnYear", String.valueOf(on.getYear())).param("notes", "");
        return mvc.perform(consent == null ? request : request.param("consent", consent));
    }

    private ResultActions change(MockHttpSession session, String path, LocalDate on, String toldBy, String note)
            throws Exception {
        var request = post(path).session(session).with(csrf())
                .param("onDay", String.valueOf(on.getDayOfMonth())).param("onMonth", String.valueOf(on.getMonthValue()))
                .param("onYear", String.valueOf(on.getYear())).param("toldBy", toldBy);
        return mvc.perform(note == null ? request : request.param("note", note));
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private ServiceDirectory.ServiceDetails service(String name) {
        return new ServiceDirectory.ServiceDetails(cases.org("NHS Greater Manchester"), name,
                ServiceType.MENTAL_HEALTH, "Greater Manchester", "0161 000 0000", null);
    }
}

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

/** Onward referrals from a case to a service: made, then accepted or declined, then attended. */
@SpringBootTest
@AutoConfigureMockMvc
class OnwardReferralsTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ServiceDirectory directory;
    private final SupportTestCases cases;

    @Autowired
    OnwardReferralsTest(MockMvc mvc, JdbcClient jdbc, ServiceDirectory directory, ReferralIntake intake,
            Programmes programmes, Organisations organisations, Casework casework) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.directory = directory;
        this.cases = new SupportTestCases(jdbc, intake, programmes, organisations, casework);
    }

    @Test
    void aReferralIsMadeThenAcceptedThenAttended() throws Exception {
        SupportTestCases.TestCase supportCase = cases.open(EmploymentStatus.UNEMPLOYED, false);
        String name = "Talking service " + letters(6);
        long service = directory.add(service(cases.org("NHS Greater Manchester"), name));
        long oldham = directory.add(service(cases.org("Oldham"), "Oldham only " + letters(6)));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        LocalDate today = today();

        Document empty = page(coach, "/cases/" + supportCase.id() + "/onward-referrals");
        assertThat(empty.select("h1").text()).isEqualTo("Onward referrals");
        assertThat(empty.text()).contains("No onward referrals have been made yet.");
        assertThat(empty.select("select[name=serviceId] option").eachAttr("value"))
                .contains(String.valueOf(service)).doesNotContain(String.valueOf(oldham));
        assertThat(empty.select("a.govuk-back-link").attr("href")).isEqualTo("/cases/" + supportCase.id());

        make(coach, supportCase.id(), service, today.minusDays(2), "Anxiety support")
                .andExpect(redirectedUrl("/cases/" + supportCase.id() + "/onward-referrals"));
        long referral = jdbc.sql("SELECT id FROM onward_referral WHERE case_id = ?").param(supportCase.id())
                .query(Long.class).single();
        Document made = page(coach, "/cases/" + supportCase.id() + "/onward-referrals");
        assertThat(made.select("tbody tr").text()).contains(name, "Made", DateAnswer.format(today.minusDays(2)),
                "Anxiety support");

        // Attended is not a step straight from made.
        Document skipped = Jsoup.parse(move(coach, supportCase.id(), referral, "ATTENDED", today)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(skipped.select(".govuk-error-summary a").eachText())
                .containsExactly("Select what happened to the referral");
        assertThat(referralStatus(referral)).isEqualTo("MADE");

        move(coach, supportCase.id(), referral, "ACCEPTED", today.minusDays(1)).andExpect(status().is3xxRedirection());
        Document accepted = page(coach, "/cases/" + supportCase.id() + "/onward-referrals/" + referral);
        assertThat(accepted.select("input[name=status]").eachAttr("value")).containsExactly("ATTENDED");
        move(coach, supportCase.id(), referral, "ATTENDED", today).andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("SELECT status, made_on, accepted_on, attended_on, declined_on FROM onward_referral "
                + "WHERE id = ?").param(referral).query().singleRow())
                .containsEntry("status", "ATTENDED")
                .containsEntry("accepted_on", java.sql.Date.valueOf(today.minusDays(1)))
                .containsEntry("attended_on", java.sql.Date.valueOf(today))
                .containsEntry("declined_on", null);
        Document done = page(coach, "/cases/" + supportCase.id() + "/onward-referrals");
        assertThat(done.select("tbody tr").text()).contains("Attended", DateAnswer.format(today.minusDays(1)),
                DateAnswer.format(today));
        assertThat(done.select("a[href=/cases/" + supportCase.id() + "/onward-referrals/" + referral + "]")).isEmpty();
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE record_type = 'onward-referral' "
                + "AND record_id = ?", String.valueOf(referral))).isEqualTo(3);

        // A finished referral takes no more steps.
        move(coach, supportCase.id(), referral, "DECLINED", today).andExpect(status().isOk());
        assertThat(referralStatus(referral)).isEqualTo("ATTENDED");
    }

    @Test
    void aDeclinedReferralEnds() throws Exception {
        SupportTestCases.TestCase supportCase = cases.open(EmploymentStatus.UNEMPLOYED, false);
        long service = directory.add(service(cases.org("Bury"), "Debt advice " + letters(6)));
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        make(manager, supportCase.id(), service, today(), "").andExpect(status().is3xxRedirection());
        long referral = jdbc.sql("SELECT id FROM onward_referral WHERE case_id = ?").param(supportCase.id())
                .query(Long.class).single();
        move(manager, supportCase.id(), referral, "DECLINED", today())
                .andExpect(status().is3xxRedirection());
        assertThat(referralStatus(referral)).isEqualTo("DECLINED");
        move(manager, supportCase.id(), referral, "ATTENDED", today()).andExpect(status().isOk());
        assertThat(referralStatus(referral)).isEqualTo("DECLINED");
    }

    @Test
    void missingOrWrongAnswersShowGovukErrors() throws Exception {
        SupportTestCases.TestCase supportCase = cases.open(EmploymentStatus.UNEMPLOYED, false);
        long oldham = directory.add(service(cases.org("Oldham"), "Oldham only " + letters(6)));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        LocalDate tomorrow = today().plusDays(1);

        Document page = Jsoup.parse(make(coach, supportCase.id(), oldham, tomorrow, "Kept notes")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary a").eachText()).containsExactly(
                "Select the service you referred them to", "Date the referral was made must be today or in the past");
        assertThat(page.select(".govuk-error-summary a").get(1).attr("href")).isEqualTo("#madeOn-day");
        assertThat(page.select("textarea[name=notes]").text()).isEqualTo("Kept notes");
        assertThat(cases.count("SELECT COUNT(*) FROM onward_referral WHERE case_id = ?", supportCase.id())).isZero();
    }

    @Test
    void anotherProvidersPractitionerGetsNotFoundAndNothingChanges() throws Exception {
        SupportTestCases.TestCase supportCase = cases.open(EmploymentStatus.UNEMPLOYED, false);
        long service = directory.add(service(cases.org("NHS Greater Manchester"), "Hub " + letters(6)));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        make(coach, supportCase.id(), service, today(), "").andExpect(status().is3xxRedirection());
        long referral = jdbc.sql("SELECT id FROM onward_referral WHERE case_id = ?").param(supportCase.id())
                .query(Long.class).single();

        MockHttpSession specialist = SignIn.as(mvc, SupportTestCases.BCHFT_SPECIALIST);
        mvc.perform(get("/cases/" + supportCase.id() + "/onward-referrals").session(specialist))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cases/" + supportCase.id() + "/onward-referrals/" + referral).session(specialist))
                .andExpect(status().isNotFound());
        make(specialist, supportCase.id(), service, today(), "").andExpect(status().isNotFound());
        move(specialist, supportCase.id(), referral, "ACCEPTED", today())
                .andExpect(status().isNotFound());
        assertThat(cases.count("SELECT COUNT(*) FROM onward_referral WHERE case_id = ?", supportCase.id()))
                .isEqualTo(1);
        assertThat(referralStatus(referral)).isEqualTo("MADE");
    }

    private ResultActions make(MockHttpSession session, long caseId, long serviceId, LocalDate on, String notes)
            throws Exception {
        return mvc.perform(post("/cases/" + caseId + "/onward-referrals").session(session).with(csrf())
                .param("serviceId", String.valueOf(serviceId))
                .param("madeOnDay", String.valueOf(on.getDayOfMonth()))
                .param("madeOnMonth", String.valueOf(on.getMonthValue()))
                .param("madeOnYear", String.valueOf(on.getYear())).param("notes", notes).param("consent", "yes"));
    }

    private ResultActions move(MockHttpSession session, long caseId, long referralId, String to, LocalDate on)
            throws Exception {
        return mvc.perform(post("/cases/" + caseId + "/onward-referrals/" + referralId).session(session).with(csrf())
                .param("status", to).param("onDay", String.valueOf(on.getDayOfMonth()))
                .param("onMonth", String.valueOf(on.getMonthValue())).param("onYear", String.valueOf(on.getYear())));
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private String referralStatus(long referralId) {
        return jdbc.sql("SELECT status FROM onward_referral WHERE id = ?").param(referralId).query(String.class)
                .single();
    }

    private static ServiceDirectory.ServiceDetails service(long owner, String name) {
        return new ServiceDirectory.ServiceDetails(owner, name, ServiceType.MENTAL_HEALTH, "Greater Manchester",
                "0161 000 0000", null);
    }
}

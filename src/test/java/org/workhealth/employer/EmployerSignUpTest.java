package org.workhealth.employer;

import org.workhealth.employer.internal.EmployerSignedUp;
import org.workhealth.employer.internal.SignUpSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workhealth.SignIn;

/**
 * Signing up to Thrive at Work: the public question pages (no sign-in), check answers and a reference; an advisor
 * confirming or declining; the wellbeing lead's account; an advisor's own sign-up; a diagnostic referral; and the
 * refusals of bad answers, which keep the other answers and save nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class EmployerSignUpTest {

    static final String ADVISOR = "advisor@wmca.workhealth.example";
    static final String PARTNER_ADVISOR = "advisor@bgwm.workhealth.example";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignUpRateLimit rateLimit;
    @Autowired
    ApplicationEvents events;

    @Test
    void anEmployerSignsUpWithoutSigningInAnAdvisorConfirmsAndTheLeadSignsInToTheirEmployer() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String name = "Tame Valley Canal Boats " + letters();
        String email = "lead-" + UUID.randomUUID() + "@example.com";
        answerEveryPage(session, "/thrive-at-work/sign-up", name, email);
        String check = page(session, "/thrive-at-work/sign-up/check");
        assertThat(check).contains("Check your answers").contains(name).contains("Head office")
                .contains("B1 1BB, Birmingham").contains("45 (Small (10 to 49 employees))");

        MvcResult sent = mvc.perform(post("/thrive-at-work/sign-up/submit").session(session).with(csrf())
                .with(from("198.51.100.1")).param("submissionKey", key(check))).andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/thrive-at-work/sign-up/confirmation");
        String reference = (String) sent.getFlashMap().get("reference");
        assertThat(reference).matches("TAW-[A-Z2-9]{6}");
        Map<String, Object> stored = jdbc.sql("""
                SELECT e.id, e.status, e.source, e.size_band, o.name AS hub FROM employer e
                JOIN organisation o ON o.id = e.hub_organisation_id WHERE e.reference = ?
                """).param(reference).query().singleRow();
        assertThat(stored).containsEntry("status", "PENDING").containsEntry("source", "SELF_SIGN_UP")
                .containsEntry("size_band", "SMALL").containsEntry("hub", "West Midlands Combined Authority");
        long id = ((Number) stored.get("id")).longValue();
        // Sending again (a second press) makes nothing more.
        mvc.perform(post("/thrive-at-work/sign-up/submit").session(session).with(csrf()).param("submissionKey",
                key(check)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM employer WHERE name = ?").param(name).query(Integer.class).single())
                .isEqualTo(1);

        MockHttpSession advisor = SignIn.as(mvc, ADVISOR);
        assertThat(page(advisor, "/employers/queue")).contains(name);
        assertThat(page(advisor, "/employers/" + id)).contains(name).contains(email).contains("Confirm or decline");
        long signUpsBefore = events.stream(EmployerSignedUp.class).count();
        MvcResult confirmed = mvc.perform(post("/employers/" + id + "/decision").session(advisor).with(csrf())
                .param("decision", "CONFIRM")).andReturn();
        assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/employers/" + id);
        String temporary = (String) confirmed.getFlashMap().get("temporaryPassword");
        assertThat(temporary).matches("[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}");
        assertThat(events.stream(EmployerSignedUp.class).skip(signUpsBefore).toList())
                .extracting(EmployerSignedUp::employerId, EmployerSignedUp::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, SignUpSource.SELF_SIGN_UP));
        assertThat(jdbc.sql("SELECT status FROM employer WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("CONFIRMED");
        // The page the advisor is sent to shows the password, once only.
        assertThat(page(advisor, "/employers/" + id)).contains(temporary).contains("Temporary password");
        assertThat(page(advisor, "/employers/" + id)).doesNotContain(temporary).contains("Wellbeing lead");

        MockHttpSession lead = SignIn.as(mvc, email, temporary);
        mvc.perform(get("/home").session(lead)).andReturn();
        mvc.perform(post("/account/password").session(lead).with(csrf()).param("currentPassword", temporary)
                .param("newPassword", "correct horse battery").param("confirmPassword", "correct horse battery"));
        assertThat(mvc.perform(get("/home").session(lead)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/employer");
        assertThat(page(lead, "/employer")).contains(name).contains("Your accreditation")
                .contains("/employer/accreditation");
    }

    @Test
    void theSignUpFormsNeedACsrfTokenAndPublicSignUpsAreLimitedPerAddress() throws Exception {
        MockHttpSession session = new MockHttpSession();
        // Without the form's token the answer is refused as every form's is (sent back to start) and not kept.
        assertThat(mvc.perform(post("/thrive-at-work/sign-up/organisation").session(session).param("name", "Forged"))
                .andReturn().getResponse().getRedirectedUrl()).startsWith("/sign-in");
        assertThat(page(session, "/thrive-at-work/sign-up/organisation")).doesNotContain("Forged");
        String address = "203.0.113." + (int) (Math.random() * 200 + 20);
        while (rateLimit.claim(address).isPresent()) {
            // Use up the address's places for the hour.
        }
        answerEveryPage(session, "/thrive-at-work/sign-up", "Limited Ltd " + letters(), "limit@example.com");
        String check = page(session, "/thrive-at-work/sign-up/check");
        MockHttpServletResponse refused = mvc.perform(post("/thrive-at-work/sign-up/submit").session(session)
                .with(csrf()).with(from(address)).param("submissionKey", key(check))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString()).contains("too many sign-ups");
        // The answers are kept for later.
        assertThat(page(session, "/thrive-at-work/sign-up/check")).contains("Limited Ltd");
    }

    @Test
    void badAnswersAreRefusedOnTheirOwnPageKeepingTheOtherAnswers() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String page = answer(session, "/thrive-at-work/sign-up/organisation", Map.of("name", "x".repeat(161),
                "companiesHouseNumber", "12345"));
        assertThat(page).contains("There is a problem").contains("Organisation name must be 160 characters or fewer")
                .contains("Enter a Companies House number of 8 characters").contains("href=\"#name\"");
        page = answer(session, "/thrive-at-work/sign-up/organisation", Map.of("name", "Kept Ltd",
                "companiesHouseNumber", "SC12345X"));
        assertThat(page).contains("value=\"Kept Ltd\"").contains("value=\"SC12345X\"");
        assertThat(answer(session, "/thrive-at-work/sign-up/sector", Map.of("sicSection", "Z")))
                .contains("Select what your organisation mainly does");
        assertThat(answer(session, "/thrive-at-work/sign-up/employees", Map.of("employees", "lots")))
                .contains("Number of employees must be a whole number");
        assertThat(answer(session, "/thrive-at-work/sign-up/employees", Map.of("employees", "0")))
                .contains("Number of employees must be 1 or more");
        assertThat(answer(session, "/thrive-at-work/sign-up/employees", Map.of("employees", "99999999999999999999")))
                .contains("Number of employees must be 1,000,000 or fewer");
        assertThat(answer(session, "/thrive-at-work/sign-up/sites", Map.of("siteName", "")))
                .contains("Enter at least one site");
        assertThat(answer(session, "/thrive-at-work/sign-up/sites", Map.of("siteName", "Depot", "sitePostcode",
                "NOT A CODE", "siteAuthority", "<script>"))).contains("Enter a real postcode")
                .contains("Select the local authority").contains("value=\"Depot\"");
        assertThat(answer(session, "/thrive-at-work/sign-up/contact", Map.of("contactName", "Ann",
                "contactEmail", "not-an-email", "contactPhone", "=HYPERLINK(1)")))
                .contains("Enter an email address in the correct format").contains("Enter a phone number");
        assertThat(answer(session, "/thrive-at-work/sign-up/agreement", Map.of())).contains("Confirm that the");
        // Nothing is sent while any page has a problem: check answers goes back to the first one.
        assertThat(mvc.perform(get("/thrive-at-work/sign-up/check").session(session)).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/thrive-at-work/sign-up/organisation");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM employer WHERE name = 'Kept Ltd'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void aDeclineNeedsAReasonAndADecidedSignUpCannotBeDecidedAgain() throws Exception {
        long id = pendingSignUp("Declined Ltd " + letters());
        MockHttpSession advisor = SignIn.as(mvc, ADVISOR);
        assertThat(answer(advisor, "/employers/" + id + "/decision", Map.of("decision", "DECLINE")))
                .contains("Enter the reason for declining the sign-up");
        assertThat(answer(advisor, "/employers/" + id + "/decision", Map.of("decision", "MAYBE")))
                .contains("Select whether to confirm or decline");
        assertThat(answer(advisor, "/employers/" + id + "/decision", Map.of("decision", "DECLINE", "reason",
                "x".repeat(501)))).contains("Reason must be 500 characters or fewer");
        mvc.perform(post("/employers/" + id + "/decision").session(advisor).with(csrf()).param("decision", "DECLINE")
                .param("reason", "Based outside the West Midlands"));
        assertThat(jdbc.sql("SELECT status || ':' || declined_reason FROM employer WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo("DECLINED:Based outside the West Midlands");
        mvc.perform(post("/employers/" + id + "/decision").session(advisor).with(csrf()).param("decision", "CONFIRM"));
        assertThat(jdbc.sql("SELECT status FROM employer WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("DECLINED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM employer_member WHERE employer_id = ?").param(id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anAdvisorsOwnSignUpIsConfirmedInTheSameStepAndJoinsTheirCaseload() throws Exception {
        MockHttpSession advisor = SignIn.as(mvc, PARTNER_ADVISOR);
        mvc.perform(get("/employers/new").session(advisor));
        String name = "Partner Signed Ltd " + letters();
        String email = "partner-lead-" + UUID.randomUUID() + "@example.com";
        answerEveryPage(advisor, "/employers/new", name, email);
        String check = page(advisor, "/employers/new/check");
        assertThat(check).contains("also confirms the sign-up").contains("Sign up and confirm");
        MvcResult sent = mvc.perform(post("/employers/new/submit").session(advisor).with(csrf())
                .param("submissionKey", key(check))).andReturn();
        assertThat((String) sent.getFlashMap().get("temporaryPassword")).isNotBlank();
        Map<String, Object> stored = jdbc.sql("""
                SELECT e.id, e.status, e.source, e.advisor_id, p.email FROM employer e JOIN person p ON p.id = e.advisor_id
                WHERE e.name = ?
                """).param(name).query().singleRow();
        assertThat(stored).containsEntry("status", "CONFIRMED").containsEntry("source", "ADVISOR")
                .containsEntry("email", PARTNER_ADVISOR);
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/employers/" + stored.get("id"));
        assertThat(page(advisor, "/employers")).contains(name);
    }

    @Test
    void aPartnersDiagnosticReferralArrivesInTheHubsQueueSayingWhereItCameFrom() throws Exception {
        MockHttpSession partner = SignIn.as(mvc, PARTNER_ADVISOR);
        String name = "Diagnosed Ltd " + letters();
        Map<String, String> answers = new java.util.HashMap<>(Map.of("diagnosticReference", "BGWM-D-777",
                "name", name, "sicSection", "C", "employees", "60", "siteName", "Works", "siteAuthority", "DUDLEY",
                "contactName", "Dee Smith", "contactEmail", "dee@example.com", "agreeToContact", "yes"));
        answers.put("employees", "sixty");
        assertThat(answer(partner, "/employers/diagnostic-referrals/new", answers))
                .contains("Number of employees must be a whole number").contains("value=\"" + name + "\"");
        answers.put("employees", "60");
        answer(partner, "/employers/diagnostic-referrals/new", answers);
        Map<String, Object> stored = jdbc.sql("SELECT id, status, source, source_detail FROM employer WHERE name = ?")
                .param(name).query().singleRow();
        assertThat(stored).containsEntry("status", "PENDING").containsEntry("source", "DIAGNOSTIC")
                .containsEntry("source_detail", "Business Growth West Midlands diagnostic BGWM-D-777");
        String queue = page(SignIn.as(mvc, ADVISOR), "/employers/queue");
        assertThat(queue).contains(name).contains("Business Growth West Midlands diagnostic BGWM-D-777");
        // Not assigned to the partner's advisor, so the partner does not see it once sent.
        assertThat(mvc.perform(get("/employers/" + stored.get("id")).session(partner)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/employers/diagnostic-referrals/new").session(SignIn.as(mvc, SignIn.BURY_COACH)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    long pendingSignUp(String name) throws Exception {
        MockHttpSession session = new MockHttpSession();
        answerEveryPage(session, "/thrive-at-work/sign-up", name, "pending-" + UUID.randomUUID() + "@example.com");
        String check = page(session, "/thrive-at-work/sign-up/check");
        mvc.perform(post("/thrive-at-work/sign-up/submit").session(session).with(csrf())
                .with(from("192.0.2." + (int) (Math.random() * 250 + 1))).param("submissionKey", key(check)));
        return jdbc.sql("SELECT id FROM employer WHERE name = ?").param(name).query(Long.class).single();
    }

    private void answerEveryPage(MockHttpSession session, String base, String name, String email) throws Exception {
        answerAndGoOn(session, base + "/organisation", Map.of("name", name, "companiesHouseNumber", "12345678"));
        answerAndGoOn(session, base + "/sector", Map.of("sicSection", "H"));
        answerAndGoOn(session, base + "/employees", Map.of("employees", "45"));
        answerAndGoOn(session, base + "/sites", Map.of("siteName", "Head office", "sitePostcode", "b11bb",
                "siteAuthority", "BIRMINGHAM"));
        answerAndGoOn(session, base + "/contact", Map.of("contactName", "Morgan Lee", "contactEmail", email,
                "contactPhone", "0121 496 0000"));
        answerAndGoOn(session, base + "/agreement", Map.of("agreeToContact", "yes"));
    }

    private void answerAndGoOn(MockHttpSession session, String path, Map<String, String> params) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).session(session)
                .with(csrf());
        params.forEach(request::param);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).as("POST %s answered %s", path, response.getContentAsString())
                .isNotNull();
    }

    private String answer(MockHttpSession session, String path, Map<String, String> params) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).session(session)
                .with(csrf());
        params.forEach(request::param);
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    private String page(MockHttpSession session, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).as("GET %s", path).isEqualTo(200);
        return response.getContentAsString();
    }

    private static String key(String check) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"submissionKey\" value=\"([^\"]+)\"")
                .matcher(check);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static String letters() {
        StringBuilder letters = new StringBuilder();
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}

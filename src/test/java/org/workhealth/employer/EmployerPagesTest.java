package org.workhealth.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.workhealth.GetRoutes;
import org.workhealth.SignIn;

/**
 * Who sees and changes which employer through the pages: an employer's own people see their employer only and
 * nothing of casework; a partner's advisor sees only the employers assigned to them; a Greater Manchester
 * commissioner sees no West Midlands employer; only a manager assigns advisors, and only their own. Views and
 * changes of the employer's contact are audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EmployerPagesTest {

    static final String LEAD = "lead@acme.workhealth.example";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void anEmployersLeadSeesOnlyTheirEmployerAndNothingOfCasework() throws Exception {
        MockHttpSession lead = SignIn.as(mvc, LEAD);
        long acme = employer(EmployerExamples.ACME);
        long other = employer("Brindley Logistics Ltd");
        String home = page(lead, "/employer");
        assertThat(home).contains(EmployerExamples.ACME).contains("Your accreditation").contains("Your case studies")
                .doesNotContain("Brindley");
        // Navigation: their employer and their account, nothing of the staff pages.
        assertThat(navigation(home)).containsExactly("/employer", "/account");
        assertThat(status(lead, "/employers")).isEqualTo(404);
        assertThat(status(lead, "/employers/" + other)).isEqualTo(404);
        assertThat(status(lead, "/employers/" + acme)).isEqualTo(404);
        assertThat(status(lead, "/employers/queue")).isEqualTo(404);

        Map<String, String> values = GetRoutes.values(context);
        List<String> opened = new ArrayList<>();
        for (String route : GetRoutes.of(context)) {
            if (route.matches("/(cases|triage|referrals|performance|caseloads|reviews|funding|returns|services"
                    + "|subject-access|programmes|people|organisations|audit|admin).*")) {
                int status = status(lead, GetRoutes.fill(route, values));
                if (status != 403 && status != 404) {
                    opened.add(route + " " + status);
                }
            }
        }
        assertThat(opened).as("casework, referral and performance pages a wellbeing lead could open").isEmpty();
    }

    @Test
    void anEmployerCannotChangeAnotherEmployerByEditingTheFormOrTheUrl() throws Exception {
        MockHttpSession lead = SignIn.as(mvc, LEAD);
        long other = employer("Brindley Logistics Ltd");
        long otherSite = jdbc.sql("SELECT MIN(id) FROM employer_site WHERE employer_id = ?").param(other)
                .query(Long.class).single();
        mvc.perform(post("/employer/sites/" + otherSite + "/remove").session(lead).with(csrf()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM employer_site WHERE id = ?").param(otherSite).query(Integer.class)
                .single()).isEqualTo(1);
        // An employer id slipped into the form changes nothing but their own employer.
        String otherContact = contactOf(other);
        long before = audits("UPDATE");
        MockHttpServletResponse changed = mvc.perform(post("/employer/contact").session(lead).with(csrf())
                .param("employerId", String.valueOf(other)).param("id", String.valueOf(other))
                .param("contactName", "Jo Bradley").param("contactEmail", LEAD).param("contactPhone", "01902 000 111"))
                .andReturn().getResponse();
        assertThat(changed.getRedirectedUrl()).isEqualTo("/employer");
        assertThat(contactOf(other)).isEqualTo(otherContact);
        assertThat(contactOf(employer(EmployerExamples.ACME))).contains("01902 000 111");
        assertThat(audits("UPDATE")).isEqualTo(before + 1);
        assertThat(status(SignIn.as(mvc, "advisor@wmca.workhealth.example"), "/employer")).isEqualTo(404);
    }

    @Test
    void contactChangesAndSitesRefuseBadInputAndKeepAtLeastOneSite() throws Exception {
        MockHttpSession lead = SignIn.as(mvc, LEAD);
        String page = mvc.perform(post("/employer/contact").session(lead).with(csrf()).param("contactName", "")
                .param("contactEmail", "x".repeat(255)).param("contactPhone", "phone me")).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Enter the name of the main contact").contains("Email address must be 254")
                .contains("Enter a phone number");
        page = mvc.perform(post("/employer/sites/new").session(lead).with(csrf()).param("siteName", "Yard")
                .param("sitePostcode", "WV14").param("siteAuthority", "ATLANTIS")).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Enter a real postcode").contains("Select the local authority")
                .contains("value=\"Yard\"");
        long acme = employer(EmployerExamples.ACME);
        int sites = jdbc.sql("SELECT COUNT(*) FROM employer_site WHERE employer_id = ?").param(acme)
                .query(Integer.class).single();
        mvc.perform(post("/employer/sites/new").session(lead).with(csrf()).param("siteName", "Yard")
                .param("sitePostcode", "wv14 0aa").param("siteAuthority", "WOLVERHAMPTON"));
        assertThat(jdbc.sql("SELECT postcode FROM employer_site WHERE employer_id = ? AND name = 'Yard'").param(acme)
                .query(String.class).list()).contains("WV14 0AA");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM employer_site WHERE employer_id = ?").param(acme)
                .query(Integer.class).single()).isEqualTo(sites + 1);
    }

    @Test
    void aPartnersAdvisorSeesOnlyAssignedEmployersAndAGreaterManchesterCommissionerNoneOfTheWestMidlands()
            throws Exception {
        MockHttpSession partner = SignIn.as(mvc, "advisor@bgwm.workhealth.example");
        String list = page(partner, "/employers");
        assertThat(list).contains("Gornal Glass Works Ltd").contains("Meriden Farm Foods Ltd")
                .doesNotContain(EmployerExamples.ACME);
        assertThat(status(partner, "/employers/" + employer(EmployerExamples.ACME))).isEqualTo(404);
        assertThat(page(partner, "/employers/" + employer("Gornal Glass Works Ltd"))).contains("Gornal");

        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        assertThat(page(gm, "/employers")).contains("No employers match").doesNotContain(EmployerExamples.ACME);
        assertThat(status(gm, "/employers/" + employer(EmployerExamples.ACME))).isEqualTo(404);
        assertThat(status(gm, "/employers/" + employer(EmployerExamples.ACME) + "/advisor")).isEqualTo(404);
        assertThat(status(SignIn.as(mvc, SignIn.BURY_COACH), "/employers")).isEqualTo(404);

        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        assertThat(page(wmca, "/employers?status=PENDING")).contains("Aston Community School Trust")
                .doesNotContain(EmployerExamples.ACME);
        assertThat(page(wmca, "/employers?source=DIAGNOSTIC")).contains("Gornal Glass Works Ltd")
                .doesNotContain(EmployerExamples.ACME);
        assertThat(page(wmca, "/employers?status=NOPE&advisor=abc&source=<script>&page=-4")).contains("employers");
    }

    @Test
    void aManagerAssignsAnAdvisorOfTheirOwnOrganisationsAndAnAdvisorCannot() throws Exception {
        long tipton = employer("Tipton Wholesale Ltd");
        long partnerAdvisor = person("advisor@bgwm.workhealth.example");
        long gmCoach = person(SignIn.BURY_COACH);
        MockHttpSession advisor = SignIn.as(mvc, "advisor@wmca.workhealth.example");
        assertThat(status(advisor, "/employers/" + tipton + "/advisor")).isEqualTo(404);
        mvc.perform(post("/employers/" + tipton + "/advisor").session(advisor).with(csrf())
                .param("advisorId", String.valueOf(partnerAdvisor)));
        assertThat(advisorOf(tipton)).isNotEqualTo(partnerAdvisor);

        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        String form = mvc.perform(post("/employers/" + tipton + "/advisor").session(wmca).with(csrf())
                .param("advisorId", String.valueOf(gmCoach))).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Select the advisor to assign the employer to");
        assertThat(advisorOf(tipton)).isNotEqualTo(gmCoach);
        mvc.perform(post("/employers/" + tipton + "/advisor").session(wmca).with(csrf())
                .param("advisorId", String.valueOf(partnerAdvisor)));
        assertThat(advisorOf(tipton)).isEqualTo(partnerAdvisor);
        assertThat(page(SignIn.as(mvc, "advisor@bgwm.workhealth.example"), "/employers"))
                .contains("Tipton Wholesale Ltd");
        String caseloads = page(wmca, "/employers/caseloads");
        assertThat(caseloads).contains("Ellie Walsh").contains("Imran Malik").contains("No advisor yet");
        assertThat(status(advisor, "/employers/caseloads")).isEqualTo(404);
    }

    @Test
    void theLeadAddsAChampionWhoSeesTheEmployerButCannotAddPeople() throws Exception {
        MockHttpSession lead = SignIn.as(mvc, LEAD);
        assertThat(mvc.perform(post("/employer/people/new").session(lead).with(csrf()).param("fullName", "")
                .param("email", "nope")).andReturn().getResponse().getContentAsString())
                .contains("Enter the champion").contains("Enter an email address in the correct format");
        assertThat(mvc.perform(post("/employer/people/new").session(lead).with(csrf()).param("fullName", "Taken")
                .param("email", SignIn.BURY_COACH)).andReturn().getResponse().getContentAsString())
                .contains("There is already an account with this email address");
        String email = "champion-" + UUID.randomUUID() + "@acme.example";
        MvcResult added = mvc.perform(post("/employer/people/new").session(lead).with(csrf())
                .param("fullName", "Chris Champion").param("email", email)).andReturn();
        String temporary = (String) added.getFlashMap().get("temporaryPassword");
        assertThat(temporary).isNotBlank();
        assertThat(jdbc.sql("""
                SELECT m.kind FROM employer_member m JOIN person p ON p.id = m.person_id WHERE p.email = ?
                """).param(email).query(String.class).single()).isEqualTo("CHAMPION");
        MockHttpSession champion = SignIn.as(mvc, email, temporary);
        mvc.perform(post("/account/password").session(champion).with(csrf()).param("currentPassword", temporary)
                .param("newPassword", "correct horse battery").param("confirmPassword", "correct horse battery"));
        assertThat(page(champion, "/employer")).contains(EmployerExamples.ACME).doesNotContain("Add a wellbeing champion");
        assertThat(status(champion, "/employer/people/new")).isEqualTo(404);
    }

    @Test
    void employerPagesShowingTheContactWriteOneViewEntryNamingTheEmployer() throws Exception {
        long pending = employer("Bilston Energy Co-op");
        MockHttpSession advisor = SignIn.as(mvc, "advisor@wmca.workhealth.example");
        for (String path : List.of("/employers/" + pending, "/employers/" + pending + "/decision")) {
            long before = lastAudit();
            assertThat(status(advisor, path)).isEqualTo(200);
            assertThat(jdbc.sql("SELECT record_type || ':' || record_id FROM audit_event WHERE id > ? AND action = 'VIEW'")
                    .param(before).query(String.class).list()).as(path).containsExactly("employer:" + pending);
        }
        long before = lastAudit();
        assertThat(status(advisor, "/employers")).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE id > ? AND action = 'VIEW'").param(before)
                .query(Integer.class).single()).isZero();
    }

    private List<String> navigation(String page) {
        return org.jsoup.Jsoup.parse(page).select("ul a.govuk-service-navigation__link").eachAttr("href");
    }

    private long lastAudit() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_event").query(Long.class).single();
    }

    private long audits(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND record_type = 'employer'").param(action)
                .query(Long.class).single();
    }

    private String contactOf(long employer) {
        return jdbc.sql("SELECT contact_name || '|' || contact_email || '|' || COALESCE(contact_phone, '') FROM employer"
                + " WHERE id = ?").param(employer).query(String.class).single();
    }

    private Long advisorOf(long employer) {
        return jdbc.sql("SELECT advisor_id FROM employer WHERE id = ?").param(employer).query(Long.class).optional()
                .orElse(null);
    }

    private long employer(String name) {
        return jdbc.sql("SELECT id FROM employer WHERE name = ?").param(name).query(Long.class).single();
    }

    private long person(String email) {
        return jdbc.sql("SELECT id FROM person WHERE email = ?").param(email).query(Long.class).single();
    }

    private int status(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andReturn().getResponse().getStatus();
    }

    private String page(MockHttpSession session, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).as("GET %s", path).isEqualTo(200);
        return response.getContentAsString();
    }
}

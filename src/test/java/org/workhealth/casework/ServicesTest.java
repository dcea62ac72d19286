package org.workhealth.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.letters;

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
import org.workhealth.casework.internal.ServiceType;
import org.workhealth.casework.internal.SupportService;

/** The services directory: who sees which services, and who may keep them. */
@SpringBootTest
@AutoConfigureMockMvc
class ServicesTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ServiceDirectory directory;
    private final Organisations organisations;

    @Autowired
    ServicesTest(MockMvc mvc, JdbcClient jdbc, ServiceDirectory directory, Organisations organisations) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.directory = directory;
        this.organisations = organisations;
    }

    @Test
    void anOrganisationSeesServicesAboveAndBelowItButNotBesideIt() throws Exception {
        String suffix = letters(6);
        directory.add(details(org("NHS Greater Manchester"), "Hub service " + suffix));
        directory.add(details(org("Bury"), "Bury locality service " + suffix));
        directory.add(details(org("Bury Council Live Well service"), "Bury provider service " + suffix));
        directory.add(details(org("Oldham"), "Oldham locality service " + suffix));
        directory.add(details(org("West Midlands Combined Authority"), "WMCA service " + suffix));

        assertThat(names(SignIn.BURY_COACH, suffix)).containsExactlyInAnyOrder("Hub service " + suffix,
                "Bury locality service " + suffix, "Bury provider service " + suffix);
        assertThat(names(SignIn.GM_COMMISSIONER, suffix)).containsExactlyInAnyOrder("Hub service " + suffix,
                "Bury locality service " + suffix, "Bury provider service " + suffix,
                "Oldham locality service " + suffix);
        assertThat(names(SupportTestCases.BCHFT_SPECIALIST, suffix)).containsExactly("WMCA service " + suffix);
        assertThat(names(SignIn.WMCA_COMMISSIONER, suffix)).containsExactly("WMCA service " + suffix);

        // A referrer neither manages cases nor programmes: no directory for them.
        mvc.perform(get("/services").session(SignIn.as(mvc, "referrer@townside.workhealth.example")))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyCommissionersAndProviderManagersKeepTheirOwnServices() throws Exception {
        String suffix = letters(6);
        long hubService = directory.add(details(org("NHS Greater Manchester"), "Hub kept " + suffix));
        long providerService = directory.add(details(org("Bury Council Live Well service"), "Provider kept " + suffix));

        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(get("/services/new").session(coach)).andExpect(status().isNotFound());
        mvc.perform(get("/services/" + providerService + "/edit").session(coach)).andExpect(status().isNotFound());
        mvc.perform(post("/services/" + providerService + "/edit").session(coach).with(csrf())
                .param("organisationId", String.valueOf(org("Bury Council Live Well service")))
                .param("name", "Changed by coach").param("type", "HOUSING").param("area", "Bury")
                .param("contact", "x")).andExpect(status().isNotFound());
        assertThat(name(providerService)).isEqualTo("Provider kept " + suffix);
        assertThat(page(coach, "/services").select("a[href=/services/" + providerService + "/edit]")).isEmpty();

        // The provider manager keeps their provider's services, not the hub's.
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        mvc.perform(get("/services/" + hubService + "/edit").session(manager)).andExpect(status().isNotFound());
        Document list = page(manager, "/services");
        assertThat(list.select("a[href=/services/" + providerService + "/edit]")).hasSize(1);
        assertThat(list.select("a[href=/services/" + hubService + "/edit]")).isEmpty();
        mvc.perform(post("/services/" + providerService + "/edit").session(manager).with(csrf())
                .param("organisationId", String.valueOf(org("Bury Council Live Well service")))
                .param("name", "Provider renamed " + suffix).param("type", "MONEY_AND_DEBT").param("area", "Bury")
                .param("contact", "0161 000 0000")).andExpect(redirectedUrl("/services"));
        assertThat(name(providerService)).isEqualTo("Provider renamed " + suffix);
        // ...and cannot move one up to the hub, which they do not keep.
        mvc.perform(post("/services/" + providerService + "/edit").session(manager).with(csrf())
                .param("organisationId", String.valueOf(org("NHS Greater Manchester")))
                .param("name", "Moved " + suffix).param("type", "MONEY_AND_DEBT").param("area", "Bury")
                .param("contact", "0161 000 0000")).andExpect(status().isOk());
        assertThat(name(providerService)).isEqualTo("Provider renamed " + suffix);

        // Another area's commissioner cannot change Greater Manchester's services.
        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        mvc.perform(get("/services/" + hubService + "/edit").session(wmca)).andExpect(status().isNotFound());

        // The hub's commissioner adds a service for a locality, and everyone there sees it.
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        assertThat(page(commissioner, "/services/new").select("h1").text()).isEqualTo("Add a service");
        mvc.perform(post("/services/new").session(commissioner).with(csrf())
                .param("organisationId", String.valueOf(org("Bury"))).param("name", "Added " + suffix)
                .param("type", "HOUSING").param("area", "Bury").param("contact", "housing@bury.example")
                .param("eligibility", "Bury residents")).andExpect(redirectedUrl("/services"));
        assertThat(names(SignIn.BURY_COACH, suffix)).contains("Added " + suffix);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'service' AND action = 'CREATE' "
                + "AND detail = ?").param("Added Added " + suffix).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void missingAnswersShowGovukErrorsAndKeepTheOthers() throws Exception {
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        Document page = Jsoup.parse(mvc.perform(post("/services/new").session(commissioner).with(csrf())
                .param("organisationId", String.valueOf(org("Bury"))).param("name", " ")
                .param("area", "Bury").param("contact", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary a").eachText()).containsExactly(
                "Enter the name of the service", "Select the type of service", "Enter how to contact the service");
        assertThat(page.select(".govuk-error-summary a").first().attr("href")).isEqualTo("#name");
        assertThat(page.select("input[name=area]").val()).isEqualTo("Bury");
        assertThat(page.select("select[name=organisationId] option[selected]").val())
                .isEqualTo(String.valueOf(org("Bury")));
    }

    @Test
    void theDemoExamplesCanBeAddedForAHub() {
        long before = jdbc.sql("SELECT COUNT(*) FROM support_service WHERE organisation_id = ?")
                .param(org("Coventry and Warwickshire Integrated Care Board")).query(Long.class).single();
        directory.addExamples(org("Coventry and Warwickshire Integrated Care Board"));
        assertThat(directory.visibleTo(org("Warwickshire County Council")).stream().map(SupportService::name))
                .contains("Access to Work", "Able Futures", "National Careers Service", "Skills Bootcamps",
                        "NHS Talking Therapies", "Bury Council Live Well team");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM support_service WHERE organisation_id = ?")
                .param(org("Coventry and Warwickshire Integrated Care Board")).query(Long.class).single())
                .isEqualTo(before + 9);
    }

    private java.util.List<String> names(String email, String suffix) throws Exception {
        return page(SignIn.as(mvc, email), "/services").select("tbody tr td:first-child").eachText().stream()
                .filter(n -> n.endsWith(suffix)).toList();
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private String name(long serviceId) {
        return jdbc.sql("SELECT name FROM support_service WHERE id = ?").param(serviceId).query(String.class).single();
    }

    private long org(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }

    private static ServiceDirectory.ServiceDetails details(long owner, String name) {
        return new ServiceDirectory.ServiceDetails(owner, name, ServiceType.EMPLOYMENT_SUPPORT, "Area", "01632 960 001",
                null);
    }
}

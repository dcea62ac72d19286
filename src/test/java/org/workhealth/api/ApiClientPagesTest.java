package org.workhealth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workhealth.SignIn;
import org.workhealth.TestData;
import org.workhealth.api.internal.ApiClients;

/** Administrators make, see and revoke the API clients of the organisations they manage, and no others. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiClientPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiClients clients;
    @Autowired
    TestData data;

    private MockHttpServletRequestBuilder answers(MockHttpServletRequestBuilder request, String name,
            long organisation, LocalDate expires, String... scopes) {
        request.with(csrf()).param("name", name).param("organisation", String.valueOf(organisation))
                .param("expiresOnDay", String.valueOf(expires.getDayOfMonth()))
                .param("expiresOnMonth", String.valueOf(expires.getMonthValue()))
                .param("expiresOnYear", String.valueOf(expires.getYear()));
        for (String scope : scopes) {
            request.param("scopes", scope);
        }
        return request;
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void anAdministratorAddsAClientChecksItAndIsShownItsTokenOnce() throws Exception {
        MockHttpSession admin = SignIn.as(mvc, SignIn.GM_ADMIN);
        String name = "Bury Power BI " + TestData.letters(5);
        LocalDate expires = TestData.today().plusMonths(6);

        Document home = page(get("/admin/api-clients").session(admin));
        assertThat(home.select(".govuk-service-navigation__link").eachText()).contains("Messages", "API clients");

        Document check = page(answers(post("/admin/api-clients/new").session(admin), name, data.buryLiveWell(),
                expires, "figures.read", "referrals.read"));
        assertThat(check.select("h1").text()).isEqualTo("Check the API client before adding it");
        assertThat(check.select(".govuk-summary-list").text()).contains(name, TestData.BURY_LIVE_WELL,
                "Read KPI figures");

        var issued = mvc.perform(answers(post("/admin/api-clients/new/confirm").session(admin), name,
                data.buryLiveWell(), expires, "figures.read", "referrals.read")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        String token = Jsoup.parse(issued).selectFirst("#token").text();
        assertThat(Jsoup.parse(issued).text()).contains("Copy the token now");

        mvc.perform(get("/api/v1/client").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        Document list = page(get("/admin/api-clients").session(admin));
        assertThat(list.text()).contains(name, "figures.read, referrals.read", "Active").doesNotContain(token);
    }

    @Test
    void wrongAnswersAreShownAsErrorsWithTheOtherAnswersKept() throws Exception {
        MockHttpSession admin = SignIn.as(mvc, SignIn.GM_ADMIN);
        long elsewhere = data.org("West Midlands Combined Authority");

        Document blank = page(post("/admin/api-clients/new").session(admin).with(csrf()));
        assertThat(blank.select(".govuk-error-summary a").eachText()).containsExactly("Enter a name for the client",
                "Select the organisation the client acts for", "Select at least one thing the client may do",
                "Enter the expiry date");

        Document wrong = page(answers(post("/admin/api-clients/new").session(admin), "Kept name", elsewhere,
                TestData.today().plusYears(1).plusDays(1), "figures.read", "admin.everything"));
        assertThat(wrong.select(".govuk-error-summary a").eachText()).containsExactly(
                "Select the organisation the client acts for", "Select what the client may do from the list",
                "Expiry date must be no more than a year from today");
        assertThat(wrong.selectFirst("#name").val()).isEqualTo("Kept name");
        assertThat(wrong.select("#organisation option").eachText()).doesNotContain("West Midlands Combined Authority");

        Document past = page(answers(post("/admin/api-clients/new/confirm").session(admin), "Kept name",
                data.buryLiveWell(), TestData.today(), "figures.read"));
        assertThat(past.select(".govuk-error-summary a").eachText())
                .containsExactly("Expiry date must be in the future");
        assertThat(past.selectFirst("input[name=scopes][value=figures.read]").hasAttr("checked")).isTrue();
    }

    @Test
    void anAdministratorNeitherSeesNorRevokesAnotherOrganisationsClient() throws Exception {
        long wmca = data.org("West Midlands Combined Authority");
        ApiClients.IssuedClient theirs = clients.create(new ApiClients.NewClient("WMCA reporting", wmca,
                Set.of(ApiScope.FIGURES_READ), TestData.today().plusMonths(3)), data.personId(SignIn.NATIONAL_ADMIN));
        MockHttpSession admin = SignIn.as(mvc, SignIn.GM_ADMIN);

        assertThat(page(get("/admin/api-clients").session(admin)).text()).doesNotContain(theirs.clientKey());
        mvc.perform(get("/admin/api-clients/" + theirs.id() + "/revoke").session(admin))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/api-clients/" + theirs.id() + "/revoke").session(admin).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/client").header("Authorization", "Bearer " + theirs.token()))
                .andExpect(status().isOk());

        MockHttpSession national = SignIn.as(mvc, SignIn.NATIONAL_ADMIN);
        assertThat(page(get("/admin/api-clients").session(national)).text()).contains(theirs.clientKey());
        assertThat(page(get("/admin/api-clients/" + theirs.id() + "/revoke").session(national)).select("h1").text())
                .isEqualTo("Are you sure you want to revoke WMCA reporting?");
        mvc.perform(post("/admin/api-clients/" + theirs.id() + "/revoke").session(national).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get("/admin/api-clients").session(national)).selectFirst("#client-" + theirs.id()).text())
                .contains("Revoked");
        mvc.perform(get("/api/v1/client").header("Authorization", "Bearer " + theirs.token()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void onlyAdministratorsManageClients() throws Exception {
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        mvc.perform(get("/admin/api-clients").session(commissioner)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/api-clients/new").session(commissioner)).andExpect(status().isNotFound());
        mvc.perform(answers(post("/admin/api-clients/new/confirm").session(commissioner), "Sneaky",
                data.buryLiveWell(), TestData.today().plusMonths(1), "figures.read"))
                .andExpect(status().isNotFound());
    }
}

package org.workhealth.employer.pilot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workhealth.SignIn;

/**
 * The hub's commissioner sets up a pilot through its pages (answers, check answers, saved with the budget in pence)
 * and changes it; bad answers show an error on each field, keep the others and save nothing; another hub's
 * commissioner and a provider's manager cannot reach the pages, nor choose a provider outside their scope.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PilotSetUpPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCommissionerSetsUpAPilotChecksTheAnswersAndChangesIt() throws Exception {
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        String name = "Menopause cafes " + UUID.randomUUID().toString().substring(0, 6);
        Document list = page(mvc.perform(get("/thrive-at-work/pilots").session(commissioner))
                .andExpect(status().isOk()).andReturn());
        assertThat(list.select("a[href=/thrive-at-work/pilots/new]")).hasSize(1);
        Document form = page(mvc.perform(get("/thrive-at-work/pilots/new").session(commissioner))
                .andExpect(status().isOk()).andReturn());
        assertThat(form.select("#provider option").text()).contains("Happiworkers")
                .doesNotContain("West Midlands Combined Authority", "Bury");

        Document check = page(mvc.perform(answers(post("/thrive-at-work/pilots/new"), name, "25,000.50")
                .session(commissioner)).andExpect(status().isOk()).andReturn());
        assertThat(check.select("h1").text()).isEqualTo("Check your answers before setting up the pilot");
        assertThat(check.select(".govuk-summary-list").text()).contains("Happiworkers", name,
                "1 April 2026 to 31 March 2027", "£25,000.50");
        assertThat(count(name)).isZero();
        String change = check.select(".govuk-summary-list__actions a").first().attr("href");
        Document again = page(mvc.perform(get(java.net.URI.create(change.replace("#provider", "")))
                .session(commissioner)).andExpect(status().isOk()).andReturn());
        assertThat(again.select("#name").val()).isEqualTo(name);

        MvcResult saved = mvc.perform(answers(post("/thrive-at-work/pilots/new/confirm"), name, "25,000.50")
                .session(commissioner)).andExpect(status().is3xxRedirection()).andReturn();
        long id = jdbc.sql("SELECT id FROM employer_pilot WHERE name = ?").param(name).query(Long.class).single();
        assertThat(jdbc.sql("SELECT budget_pence FROM employer_pilot WHERE id = ?").param(id).query(Long.class)
                .single()).isEqualTo(2_500_050L);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/thrive-at-work/pilots/" + id);
        Document pilot = page(mvc.perform(get("/thrive-at-work/pilots/" + id).session(commissioner))
                .andExpect(status().isOk()).andReturn());
        assertThat(pilot.select(".govuk-summary-list").text()).contains("Happiworkers", "£25,000.50");

        Document edit = page(mvc.perform(get("/thrive-at-work/pilots/" + id + "/change").session(commissioner))
                .andExpect(status().isOk()).andReturn());
        assertThat(edit.select("#budget").val()).isEqualTo("25000.50");
        mvc.perform(answers(post("/thrive-at-work/pilots/" + id + "/change"), name + " (extended)", "30000")
                .session(commissioner)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT name FROM employer_pilot WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo(name + " (extended)");
        assertThat(jdbc.sql("SELECT budget_pence FROM employer_pilot WHERE id = ?").param(id).query(Long.class)
                .single()).isEqualTo(3_000_000L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'employer_pilot' AND record_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void badAnswersShowAnErrorOnEachFieldKeepTheOthersAndSaveNothing() throws Exception {
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        String name = "Half-finished " + UUID.randomUUID().toString().substring(0, 6);
        Document page = page(mvc.perform(post("/thrive-at-work/pilots/new/confirm").session(commissioner).with(csrf())
                        .param("provider", "not-a-code").param("name", name).param("aim", "x".repeat(1001))
                        .param("startsOnDay", "31").param("startsOnMonth", "2").param("startsOnYear", "2026")
                        .param("endsOnDay", "").param("endsOnMonth", "").param("endsOnYear", "")
                        .param("budget", "lots"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select(".govuk-error-summary").text()).contains(
                "Select the provider delivering the pilot", "characters or fewer", "Budget must be an amount in pounds");
        assertThat(page.select(".govuk-error-message")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(page.select("#name").val()).isEqualTo(name);
        assertThat(count(name)).isZero();

        // Ends before it starts; and a pilot name already taken.
        String taken = jdbc.sql("SELECT MIN(name) FROM employer_pilot").query(String.class).single();
        Document dates = page(mvc.perform(post("/thrive-at-work/pilots/new").session(commissioner).with(csrf())
                        .param("provider", String.valueOf(provider())).param("name", taken).param("aim", "Workshops")
                        .param("startsOnDay", "1").param("startsOnMonth", "4").param("startsOnYear", "2026")
                        .param("endsOnDay", "1").param("endsOnMonth", "3").param("endsOnYear", "2026")
                        .param("budget", "100"))
                .andExpect(status().isOk()).andReturn());
        assertThat(dates.select(".govuk-error-summary").text()).contains(
                "End date must be the same as or after the start date", "There is already a pilot called");
    }

    @Test
    void noOneElseSetsUpOrChangesTheHubsPilots() throws Exception {
        long pilot = jdbc.sql("SELECT MIN(id) FROM employer_pilot").query(Long.class).single();
        String before = jdbc.sql("SELECT name FROM employer_pilot WHERE id = ?").param(pilot).query(String.class)
                .single();
        MockHttpSession otherHub = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        mvc.perform(get("/thrive-at-work/pilots/new").session(otherHub)).andExpect(status().isNotFound());
        mvc.perform(get("/thrive-at-work/pilots/" + pilot + "/change").session(otherHub))
                .andExpect(status().isNotFound());
        mvc.perform(answers(post("/thrive-at-work/pilots/" + pilot + "/change"), "Taken over", "1")
                .session(otherHub)).andExpect(status().isNotFound());
        MockHttpSession advisor = SignIn.as(mvc, "advisor@wmca.workhealth.example");
        mvc.perform(get("/thrive-at-work/pilots/" + pilot + "/change").session(advisor))
                .andExpect(status().isNotFound());
        mvc.perform(answers(post("/thrive-at-work/pilots/new/confirm"), "Not mine", "1").session(advisor))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT name FROM employer_pilot WHERE id = ?").param(pilot).query(String.class)
                .single()).isEqualTo(before);

        // A provider outside the commissioner's scope (Greater Manchester's) is no answer.
        long outside = jdbc.sql("SELECT organisation_id FROM person WHERE email = ?").param(SignIn.GM_COMMISSIONER)
                .query(Long.class).single();
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        Document page = page(mvc.perform(post("/thrive-at-work/pilots/new/confirm").session(commissioner)
                        .with(csrf()).param("provider", String.valueOf(outside)).param("name", "Across the border")
                        .param("aim", "Workshops").param("startsOnDay", "1").param("startsOnMonth", "4")
                        .param("startsOnYear", "2026").param("endsOnDay", "31").param("endsOnMonth", "3")
                        .param("endsOnYear", "2027").param("budget", "100"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select(".govuk-error-summary").text()).contains("Select the provider delivering the pilot");
        assertThat(count("Across the border")).isZero();
    }

    private MockHttpServletRequestBuilder answers(MockHttpServletRequestBuilder request, String name, String budget) {
        return request.with(csrf()).param("provider", String.valueOf(provider())).param("name", name)
                .param("aim", "Menopause support cafes at work").param("startsOnDay", "1").param("startsOnMonth", "4")
                .param("startsOnYear", "2026").param("endsOnDay", "31").param("endsOnMonth", "3")
                .param("endsOnYear", "2027").param("budget", budget);
    }

    private long provider() {
        return jdbc.sql("SELECT id FROM organisation WHERE name = 'Happiworkers'").query(Long.class).single();
    }

    private long count(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM employer_pilot WHERE name = ?").param(name).query(Long.class).single();
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}

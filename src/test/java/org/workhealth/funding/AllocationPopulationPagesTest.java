package org.workhealth.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.workhealth.funding.internal.PopulationFigures;

/** The locality populations that allocations share pots by, and who may set them. */
@SpringBootTest
@AutoConfigureMockMvc
class AllocationPopulationPagesTest {

    private final MockMvc mvc;
    private final AllocationFixtures fixtures;
    private final PopulationFigures populations;
    private final JdbcClient jdbc;

    @Autowired
    AllocationPopulationPagesTest(MockMvc mvc, AllocationFixtures fixtures, PopulationFigures populations,
            JdbcClient jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.populations = populations;
        this.jdbc = jdbc;
    }

    @Test
    void aCommissionerSetsALocalitysPopulationAndEveryChangeIsAudited() throws Exception {
        AllocationFixtures.TestHub hub = fixtures.hub("Upton", "Downton");
        long upton = hub.localityIds().get(0);
        MockHttpSession session = SignIn.as(mvc, hub.commissionerEmail());

        Document list = page(mvc.perform(get("/funding/populations").session(session)).andExpect(status().isOk()));
        assertThat(list.select("main h2").eachText()).containsExactly(hub.name());
        assertThat(list.select("tbody tr").eachText()).containsExactly(
                hub.localityNames().get(1) + " Not set Set population of " + hub.localityNames().get(1),
                hub.localityNames().get(0) + " Not set Set population of " + hub.localityNames().get(0));

        Document errors = page(mvc.perform(post("/funding/populations/" + upton).with(csrf()).session(session)
                .param("population", "lots").param("estimateYear", "24").param("source", "ONS"))
                .andExpect(status().isOk()));
        assertThat(errors.title()).startsWith("Error: ");
        assertThat(errors.select(".govuk-error-summary a").eachText()).containsExactly(
                "The population must be a whole number, like 193,846", "The year must be 4 numbers, like 2024");
        assertThat(errors.select("input#population").attr("value")).isEqualTo("lots");
        assertThat(errors.select("input#source").attr("value")).isEqualTo("ONS");
        Document blank = page(mvc.perform(post("/funding/populations/" + upton).with(csrf()).session(session)
                .param("population", "0").param("estimateYear", "")).andExpect(status().isOk()));
        assertThat(blank.select(".govuk-error-summary a").eachText()).containsExactly(
                "The population must be more than 0", "Enter the year the estimate is for");
        assertThat(populations.find(upton)).isEmpty();

        mvc.perform(post("/funding/populations/" + upton).with(csrf()).session(session)
                .param("population", "123,456").param("estimateYear", "2024").param("source", "ONS mid-2024"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/funding/populations/" + upton).with(csrf()).session(session)
                .param("population", "123,456").param("estimateYear", "2024").param("source", "ONS mid-2024"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/funding/populations/" + upton).with(csrf()).session(session)
                .param("population", "124000").param("estimateYear", "2025").param("source", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(populations.find(upton).orElseThrow().population()).isEqualTo(124_000);
        Document after = page(mvc.perform(get("/funding/populations").session(session)).andExpect(status().isOk()));
        assertThat(after.select("tr[data-locality='" + hub.localityNames().get(0) + "']").text())
                .startsWith(hub.localityNames().get(0) + " 124,000 2025 Change");
        Document edit = page(mvc.perform(get("/funding/populations/" + upton).session(session))
                .andExpect(status().isOk()));
        assertThat(edit.select("input#population").attr("value")).isEqualTo("124000");
        assertThat(edit.select("h1").text()).isEqualTo("Population of " + hub.localityNames().get(0));

        // The same figure again is not a change: two entries, not three.
        assertThat(jdbc.sql("""
                SELECT detail FROM audit_event WHERE record_type = 'locality_population' AND record_id = ?
                ORDER BY id""").param(String.valueOf(upton)).query(String.class).list()).containsExactly(
                "123,456 (2024, ONS mid-2024)", "124,000 (2025); was 123,456 (2024, ONS mid-2024)");
    }

    @Test
    void onlyACommissionerOfTheHubAboveSeesOrSetsALocalitysPopulation() throws Exception {
        long coventry = fixtures.org("Coventry City Council");
        java.util.Optional<Long> coventryBefore = populations.find(coventry).map(PopulationFigures.Figure::population);
        long bury = fixtures.org("Bury");
        long gm = fixtures.org("NHS Greater Manchester");
        MockHttpSession gmSession = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        Document gmList = page(mvc.perform(get("/funding/populations").session(gmSession)).andExpect(status().isOk()));
        assertThat(gmList.select("main h2").eachText()).containsExactly("NHS Greater Manchester");
        assertThat(gmList.select("tbody th").eachText()).contains("Bury", "Oldham")
                .doesNotContain("Coventry City Council");
        mvc.perform(get("/funding/populations/" + coventry).session(gmSession)).andExpect(status().isNotFound());
        mvc.perform(post("/funding/populations/" + coventry).with(csrf()).session(gmSession)
                .param("population", "1").param("estimateYear", "2024")).andExpect(status().isNotFound());
        // A hub is not a locality.
        mvc.perform(get("/funding/populations/" + gm).session(gmSession)).andExpect(status().isNotFound());

        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        mvc.perform(get("/funding/populations/" + bury).session(wmca)).andExpect(status().isNotFound());
        mvc.perform(post("/funding/populations/" + bury).with(csrf()).session(wmca)
                .param("population", "1").param("estimateYear", "2024")).andExpect(status().isNotFound());
        assertThat(page(mvc.perform(get("/funding/populations").session(wmca)).andExpect(status().isOk()))
                .select("tbody th").eachText()).doesNotContain("Bury", "Oldham");

        for (String email : new String[] {SignIn.BURY_MANAGER, SignIn.BURY_COACH}) {
            MockHttpSession session = SignIn.as(mvc, email);
            mvc.perform(get("/funding/populations").session(session)).andExpect(status().isNotFound());
            mvc.perform(get("/funding/populations/" + bury).session(session)).andExpect(status().isNotFound());
            mvc.perform(post("/funding/populations/" + bury).with(csrf()).session(session)
                    .param("population", "1").param("estimateYear", "2024")).andExpect(status().isNotFound());
        }
        // The demo data may have given Coventry a population; whatever it was, nobody here changed it.
        assertThat(populations.find(coventry).map(PopulationFigures.Figure::population)).isEqualTo(coventryBefore);
        assertThat(populations.find(bury).map(PopulationFigures.Figure::population)).isNotEqualTo(
                java.util.Optional.of(1L));
    }

    private static Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
    }
}

package org.workhealth.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workhealth.SignIn;
import org.workhealth.funding.internal.PopulationFigures;
import org.workhealth.programme.Programmes;

/** The question page, the result table and who may share a hub's pot. */
@SpringBootTest
@AutoConfigureMockMvc
class AllocationPagesTest {

    private final MockMvc mvc;
    private final AllocationFixtures fixtures;
    private final PopulationFigures populations;
    private final Programmes programmes;
    private final JdbcClient jdbc;

    @Autowired
    AllocationPagesTest(MockMvc mvc, AllocationFixtures fixtures, PopulationFigures populations, Programmes programmes,
            JdbcClient jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.populations = populations;
        this.programmes = programmes;
        this.jdbc = jdbc;
    }

    @Test
    void theQuestionPageShowsEachProblemAndKeepsTheAnswers() throws Exception {
        AllocationFixtures.TestHub hub = fixtures.hub("Northtown", "Southtown");
        populations.setUnchecked(hub.localityIds().get(0), 120_000, 2024, null);
        MockHttpSession session = SignIn.as(mvc, hub.commissionerEmail());

        Document form = page(mvc.perform(get("/funding/allocations/new").session(session)).andExpect(status().isOk()));
        assertThat(form.select("input#basicPercent").attr("value")).isEqualTo("60");
        assertThat(form.select("#localities tbody tr").eachText()).containsExactly(
                hub.localityNames().get(0) + " 120,000 2024", hub.localityNames().get(1) + " Not set");
        assertThat(form.select("select#programmeId option").eachText()).contains("Select a programme", "WorkWell");

        Document errors = page(mvc.perform(post("/funding/allocations/new").with(csrf()).session(session)
                .param("name", " ").param("pot", "432,927.50").param("basicPercent", "140")
                .param("period", "October 2024 to March 2026")).andExpect(status().isOk()));
        assertThat(errors.title()).startsWith("Error: ");
        assertThat(errors.select(".govuk-error-summary a").eachText()).containsExactly(
                "Enter a name for the allocation", "Select the programme",
                "Enter the pot in whole pounds, without pence",
                "The basic share must be a whole number from 0 to 100",
                "Set the population of " + hub.localityNames().get(1) + " before sharing the pot");
        assertThat(errors.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#name", "#programmeId",
                "#pot", "#basicPercent", "#localities");
        assertThat(errors.select("#pot-error").text()).contains("without pence");
        assertThat(errors.select("#localities-error").text()).contains("Set the population of");
        assertThat(errors.select("input#pot").attr("value")).isEqualTo("432,927.50");
        assertThat(errors.select("input#basicPercent").attr("value")).isEqualTo("140");
        assertThat(errors.select("input#period").attr("value")).isEqualTo("October 2024 to March 2026");

        String workwell = String.valueOf(programmes.findByCode("WW").orElseThrow().id());
        Document more = page(mvc.perform(post("/funding/allocations/new").with(csrf()).session(session)
                .param("name", "Fair shares").param("programmeId", workwell).param("pot", "lots")
                .param("basicPercent", "-5").param("period", "")).andExpect(status().isOk()));
        assertThat(more.select(".govuk-error-summary a").eachText()).containsExactly(
                "The pot must be an amount in pounds, like 432,927",
                "The basic share must be a whole number from 0 to 100", "Enter the period the allocation covers",
                "Set the population of " + hub.localityNames().get(1) + " before sharing the pot");
        assertThat(more.select("input#name").attr("value")).isEqualTo("Fair shares");
        assertThat(more.select("select#programmeId option[selected]").text()).isEqualTo("WorkWell");

        Document blank = page(mvc.perform(post("/funding/allocations/new").with(csrf()).session(session)
                .param("pot", "").param("basicPercent", "sixty")).andExpect(status().isOk()));
        assertThat(blank.select("#pot-error").text()).contains("Enter the pot, in whole pounds");
        assertThat(blank.select("#basicPercent-error").text()).contains("The basic share must be a number, like 60");
        Document zero = page(mvc.perform(post("/funding/allocations/new").with(csrf()).session(session)
                .param("pot", "£0")).andExpect(status().isOk()));
        assertThat(zero.select("#pot-error").text()).contains("The pot must be more than £0");

        assertThat(allocationsOf(hub.id())).isZero();
    }

    @Test
    void aHubWithoutLocalitiesHasNothingToShareAmong() throws Exception {
        AllocationFixtures.TestHub hub = fixtures.hub();
        MockHttpSession session = SignIn.as(mvc, hub.commissionerEmail());
        Document errors = page(mvc.perform(validAllocation("Nothing to share", "1000").session(session))
                .andExpect(status().isOk()));
        assertThat(errors.select(".govuk-error-summary a").eachText())
                .containsExactly(hub.name() + " has no localities to share the pot among");
        assertThat(allocationsOf(hub.id())).isZero();
    }

    @Test
    void theResultTableAddsUpToThePotAndKeepsThePopulationsItWasWorkedOutFrom() throws Exception {
        AllocationFixtures.TestHub hub = fixtures.hub("Eastham", "Westham", "Middleham");
        populations.setUnchecked(hub.localityIds().get(0), 100_000, 2024, "ONS mid-2024");
        populations.setUnchecked(hub.localityIds().get(1), 100_000, 2024, "ONS mid-2024");
        populations.setUnchecked(hub.localityIds().get(2), 100_000, 2023, null);
        MockHttpSession session = SignIn.as(mvc, hub.commissionerEmail());

        String location = mvc.perform(validAllocation("Three equal places", "£100,001").session(session))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/funding/allocations/\\d+");
        Document result = page(mvc.perform(get(location).session(session)).andExpect(status().isOk()));
        assertThat(result.select("h1").text()).isEqualTo("Three equal places");
        // Names sort Eastham, Middleham, Westham; equal thirds of £100,001 leave £2, to the first two listed.
        assertThat(result.select("tbody tr").eachText()).containsExactly(
                hub.localityNames().get(0) + " 100,000 33.34% £33,334 £20,000 £13,334",
                hub.localityNames().get(2) + " 100,000 33.33% £33,334 £20,000 £13,334",
                hub.localityNames().get(1) + " 100,000 33.33% £33,333 £20,000 £13,333");
        Element totals = result.selectFirst("tfoot tr");
        assertThat(totals.text()).isEqualTo("Total 300,000 100.00% £100,001 £60,000 £40,001");
        assertThat(totals.selectFirst("td[data-column=allocation]").text()).isEqualTo("£100,001");
        assertThat(result.select("thead th").eachText()).containsExactly("Locality", "Population",
                "Share of population", "Allocation", "Basic (60%)", "Performance (40%)");
        assertThat(result.select(".govuk-summary-list").text()).contains("WorkWell", "£100,001",
                "60% basic, 40% performance", "October 2024 to March 2026", "Estimates for 2023, 2024");

        String csv = mvc.perform(get(location + "/allocation.csv").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).containsExactly(
                "Locality,Population,Share of population (%),Allocation (£),Basic (£),Performance (£)",
                hub.localityNames().get(0) + ",100000,33.34,33334,20000,13334",
                hub.localityNames().get(2) + ",100000,33.33,33334,20000,13334",
                hub.localityNames().get(1) + ",100000,33.33,33333,20000,13333",
                "Total,300000,100.00,100001,60000,40001");

        // A later population does not change the saved allocation.
        populations.setUnchecked(hub.localityIds().get(0), 250_000, 2025, null);
        Document again = page(mvc.perform(get(location).session(session)).andExpect(status().isOk()));
        assertThat(again.selectFirst("tfoot tr").text()).isEqualTo("Total 300,000 100.00% £100,001 £60,000 £40,001");

        Document list = page(mvc.perform(get("/funding/allocations").session(session)).andExpect(status().isOk()));
        assertThat(list.select("tbody tr")).hasSize(1);
        assertThat(list.select("tbody tr").text())
                .startsWith("Three equal places WorkWell October 2024 to March 2026 £100,001");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE record_type = 'funding_allocation' AND record_id = ?")
                .param(id).query(String.class).single()).contains("£100,001", "3 localities", "60% basic");
    }

    @Test
    void onlyACommissionerOfTheHubSeesOrSharesItsPot() throws Exception {
        long bury = fixtures.org("Bury");
        long gm = fixtures.org("NHS Greater Manchester");
        populations.setUnchecked(bury, 193_846, 2024, "ONS mid-2024 estimate");
        populations.setUnchecked(fixtures.org("Oldham"), 242_150, 2024, "ONS mid-2024 estimate");
        // Other tests may add localities to the demo hub; each needs a population for the pot to be shared.
        populations.forHub(gm).stream().filter(l -> l.figure() == null)
                .forEach(l -> populations.setUnchecked(l.locality().id(), 100_000, 2024, null));
        MockHttpSession gmSession = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        String location = mvc.perform(validAllocation("GM access check", "432,927").session(gmSession))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).session(gmSession)).andExpect(status().isOk());
        long before = allocationsOf(gm);

        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        mvc.perform(get(location).session(wmca)).andExpect(status().isNotFound());
        mvc.perform(get(location + "/allocation.csv").session(wmca)).andExpect(status().isNotFound());
        mvc.perform(get("/funding/allocations/new").param("hub", String.valueOf(gm)).session(wmca))
                .andExpect(status().isNotFound());
        mvc.perform(validAllocation("Taken over", "1000").param("hub", String.valueOf(gm)).session(wmca))
                .andExpect(status().isNotFound());
        Document wmcaList = page(mvc.perform(get("/funding/allocations").session(wmca)).andExpect(status().isOk()));
        assertThat(wmcaList.text()).doesNotContain("GM access check");
        assertThat(allocationsOf(gm)).isEqualTo(before);

        // Nor may the GM commissioner share another hub's pot, or use a locality as a hub.
        long coventryHub = fixtures.org("Coventry and Warwickshire Integrated Care Board");
        mvc.perform(get("/funding/allocations/new").param("hub", String.valueOf(coventryHub)).session(gmSession))
                .andExpect(status().isNotFound());
        mvc.perform(validAllocation("Not a hub", "1000").param("hub", String.valueOf(bury)).session(gmSession))
                .andExpect(status().isNotFound());
        mvc.perform(get("/funding/allocations/new").param("hub", "x").session(gmSession))
                .andExpect(status().isNotFound());

        for (String email : new String[] {SignIn.BURY_MANAGER, SignIn.BURY_COACH}) {
            MockHttpSession session = SignIn.as(mvc, email);
            mvc.perform(get("/funding/allocations").session(session)).andExpect(status().isNotFound());
            mvc.perform(get(location).session(session)).andExpect(status().isNotFound());
            mvc.perform(get("/funding/allocations/new").session(session)).andExpect(status().isNotFound());
            mvc.perform(validAllocation("Provider's own", "1000").session(session)).andExpect(status().isNotFound());
        }
        assertThat(allocationsOf(gm)).isEqualTo(before);
    }

    private MockHttpServletRequestBuilder validAllocation(String name, String pot) {
        return post("/funding/allocations/new").with(csrf()).param("name", name)
                .param("programmeId", String.valueOf(programmes.findByCode("WW").orElseThrow().id()))
                .param("pot", pot).param("basicPercent", "60").param("period", "October 2024 to March 2026");
    }

    private long allocationsOf(long hubId) {
        return jdbc.sql("SELECT COUNT(*) FROM funding_allocation WHERE hub_organisation_id = ?").param(hubId)
                .query(Long.class).single();
    }

    private static Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
    }
}

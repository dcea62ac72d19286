package org.workhealth.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

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
import org.workhealth.calendar.FinancialYear;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programme;
import org.workhealth.performance.internal.KpiForecast;
import org.workhealth.performance.internal.KpiTarget;
import org.workhealth.performance.internal.KpiTargets;

/** The dashboard, the targets form and the KPI definition pages, and who may open them. */
@SpringBootTest
@AutoConfigureMockMvc
class PerformancePagesTest {

    private static final FinancialYear FY2024 = FinancialYear.of(2024);

    private final MockMvc mvc;
    private final PerformanceFixtures fixtures;
    private final KpiTargets targets;
    private final JdbcClient jdbc;

    @Autowired
    PerformancePagesTest(MockMvc mvc, PerformanceFixtures fixtures, KpiTargets targets, JdbcClient jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.targets = targets;
        this.jdbc = jdbc;
    }

    @Test
    void theDashboardShowsTheTableWithRatingsInWords() throws Exception {
        Programme programme = fixtures.tiwLikeProgramme();
        Contract contract = fixtures.contract(programme, fixtures.bchft());
        targets.saveUnchecked(contract.id(), FY2024, List.of(
                fixtures.target(programme, "NEW_STARTS", 20, 4, 4, 4, null),
                fixtures.target(programme, "RETENTIONS", 10, 2, 2, 2, 2)));
        fixtures.record(contract, MilestoneType.JOB_START, Map.of("paid", "true"), FY2024, 1, 5);
        fixtures.record(contract, MilestoneType.JOB_START, Map.of("paid", "true"), FY2024, 2, 1);
        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);

        Document index = page(mvc.perform(get("/performance").session(wmca)).andExpect(status().isOk()));
        assertThat(index.select("a[href^=/performance/" + programme.code() + "/]")).hasSize(2);

        Document page = page(mvc.perform(get("/performance/" + programme.code() + "/2024").session(wmca))
                .andExpect(status().isOk()));
        var starts = page.selectFirst("tr[data-kpi=NEW_STARTS]");
        assertThat(starts.selectFirst("th").text()).isEqualTo("New Employment Starts");
        assertThat(starts.selectFirst("td[data-column=total]").text()).isEqualTo("20");
        assertThat(starts.selectFirst("td[data-column=q1-forecast]").text()).isEqualTo("+4");
        assertThat(starts.selectFirst("td[data-column=q1-actual]").text()).isEqualTo("+5 Green Variance +1");
        assertThat(starts.selectFirst("td[data-column=q2-actual]").text()).isEqualTo("+1 Red Variance \u22123");
        assertThat(starts.selectFirst("td[data-column=q3-actual]").text()).isEqualTo("+0 Red Variance \u22124");
        // Q4: 20 less the 6 achieved and Q3's 0.
        assertThat(starts.selectFirst("td[data-column=q4-forecast]").text()).isEqualTo("+14 as left");
        assertThat(starts.selectFirst("td[data-column=cumulative]").text()).isEqualTo("6");
        assertThat(starts.select("strong.govuk-tag.govuk-tag--green").text()).isEqualTo("Green");
        assertThat(page.selectFirst("caption").text()).contains(programme.name(), "2024/25");
        assertThat(page.select("select#contract option").eachText()).contains(contract.reference());
        assertThat(page.select("a[rel=next]").attr("href")).isEqualTo("/performance/" + programme.code() + "/2025");
        assertThat(page.select("a[href=/performance/targets?contract=" + contract.id() + "&year=2024]")).hasSize(1);

        Document filtered = page(mvc.perform(get("/performance/" + programme.code() + "/2024")
                .param("contract", String.valueOf(contract.id())).session(wmca)).andExpect(status().isOk()));
        assertThat(filtered.selectFirst("caption").text()).contains(contract.reference());
    }

    /** "As at" a day: figures counted up to the end of it, the quarter it falls in "so far", later ones not started. */
    @Test
    void theDashboardIsDrawnAsAtAChosenDay() throws Exception {
        Programme programme = fixtures.tiwLikeProgramme();
        Contract contract = fixtures.contract(programme, fixtures.bchft());
        targets.saveUnchecked(contract.id(), FY2024, List.of(fixtures.target(programme, "NEW_STARTS", 20, 4, 4, 4, 4)));
        Map<String, String> paid = Map.of("paid", "true");
        fixtures.record(contract, MilestoneType.JOB_START, paid, FY2024, 1, 5);
        // On 1 July, 2 August and 3 September.
        fixtures.record(contract, MilestoneType.JOB_START, paid, FY2024, 2, 3);
        fixtures.record(contract, MilestoneType.JOB_START, paid, FY2024, 3, 2);
        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        String path = "/performance/" + programme.code() + "/2024";

        Document endOfQ2 = page(mvc.perform(get(path).param("asAtDay", "30").param("asAtMonth", "9")
                .param("asAtYear", "2024").session(wmca)).andExpect(status().isOk()));
        var starts = endOfQ2.selectFirst("tr[data-kpi=NEW_STARTS]");
        assertThat(starts.selectFirst("td[data-column=q1-actual]").text()).isEqualTo("+5 Green Variance +1");
        assertThat(starts.selectFirst("td[data-column=q2-actual]").text()).isEqualTo("+3 Red Variance \u22121");
        assertThat(starts.selectFirst("td[data-column=q3-actual]").text()).isEqualTo("Not started");
        assertThat(starts.selectFirst("td[data-column=q4-actual]").text()).isEqualTo("Not started");
        assertThat(starts.selectFirst("td[data-column=cumulative]").text()).isEqualTo("8");
        assertThat(endOfQ2.selectFirst("#as-at").text()).startsWith("Figures as at 30 September 2024.");
        assertThat(endOfQ2.select("input[name=asAtDay]").val()).isEqualTo("30");
        assertThat(endOfQ2.select("form[method=get] input[name=asAtYear]")).hasSize(1);

        Document midQ2 = page(mvc.perform(get(path).param("asAtDay", "15").param("asAtMonth", "Aug")
                .param("asAtYear", "2024").session(wmca)).andExpect(status().isOk()));
        assertThat(midQ2.selectFirst("tr[data-kpi=NEW_STARTS] td[data-column=q2-actual]").text()).isEqualTo("+2 so far");

        Document today = page(mvc.perform(get(path).session(wmca)).andExpect(status().isOk()));
        assertThat(today.selectFirst("tr[data-kpi=NEW_STARTS] td[data-column=cumulative]").text()).isEqualTo("10");
        assertThat(today.selectFirst("#as-at").text()).startsWith("Figures as of ");
    }

    @Test
    void aDayThatIsNoDayOrIsToComeIsAnErrorAndTheOtherChoicesAreKept() throws Exception {
        Programme programme = fixtures.tiwLikeProgramme();
        Contract contract = fixtures.contract(programme, fixtures.bchft());
        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        String path = "/performance/" + programme.code() + "/2024";
        Map<String, String> expected = Map.of(
                "31/2/2025", "Figures as at must be a real date",
                "1//2025", "Figures as at must include a month",
                "1/1/25", "Year must include 4 numbers",
                "1/1/2099", "Figures as at must be today or in the past",
                "31/3/2024", "Figures as at must be on or after 1 April 2024, the start of 2024/25");
        for (var answer : expected.entrySet()) {
            String[] parts = answer.getKey().split("/", -1);
            Document page = page(mvc.perform(get(path).param("contract", String.valueOf(contract.id()))
                    .param("asAtDay", parts[0]).param("asAtMonth", parts[1]).param("asAtYear", parts[2])
                    .session(wmca)).andExpect(status().isOk()));
            assertThat(page.title()).as(answer.getKey()).startsWith("Error: ");
            assertThat(page.select(".govuk-error-summary a").eachText()).containsExactly(answer.getValue());
            assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#asAt-day");
            assertThat(page.select("#asAt-error").text()).contains(answer.getValue());
            assertThat(page.select("input[name=asAtDay]").val()).isEqualTo(parts[0]);
            assertThat(page.select("select#contract option[selected]").val()).isEqualTo(String.valueOf(contract.id()));
            // The table is still there, as of today.
            assertThat(page.selectFirst("#as-at").text()).startsWith("Figures as of ");
        }
    }

    @Test
    void peopleOutsideTheContractOrWithoutFiguresGetPageNotFound() throws Exception {
        long buryContract = contractId("WW-BURY-2024");
        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        mvc.perform(get("/performance/WW/2025").param("contract", String.valueOf(buryContract)).session(wmca))
                .andExpect(status().isNotFound());
        mvc.perform(get("/performance/targets").param("contract", String.valueOf(buryContract)).param("year", "2025")
                .session(wmca)).andExpect(status().isNotFound());

        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(get("/performance").session(coach)).andExpect(status().isNotFound());
        mvc.perform(get("/performance/WW/2025").session(coach)).andExpect(status().isNotFound());

        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        Document own = page(mvc.perform(get("/performance/WW/2025").session(manager)).andExpect(status().isOk()));
        assertThat(own.select("select#contract option").eachText()).containsExactly("All contracts", "WW-BURY-2024");
        mvc.perform(get("/performance/targets").param("contract", String.valueOf(buryContract)).param("year", "2025")
                .session(manager)).andExpect(status().isNotFound());
        mvc.perform(post("/performance/targets").param("contract", String.valueOf(buryContract)).param("year", "2025")
                .with(csrf()).session(manager)).andExpect(status().isNotFound());

        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        Document gmPage = page(mvc.perform(get("/performance/WW/2025").session(gm)).andExpect(status().isOk()));
        assertThat(gmPage.select("select#contract option").eachText())
                .containsExactly("All contracts", "WW-BURY-2024", "WW-OLDHAM-2024");
        mvc.perform(get("/performance/WW/2025").param("contract", String.valueOf(contractId("WW-COV-2024")))
                .session(gm)).andExpect(status().isNotFound());
        mvc.perform(get("/performance/WW/2025").param("organisation", String.valueOf(fixtures.org("Coventry City Council")))
                .session(gm)).andExpect(status().isNotFound());

        MockHttpSession national = SignIn.as(mvc, SignIn.NATIONAL);
        mvc.perform(get("/performance/WW/2025").session(national)).andExpect(status().isOk());
    }

    @Test
    void theTargetsFormShowsErrorsAndKeepsTheOtherAnswers() throws Exception {
        Programme programme = fixtures.tiwLikeProgramme();
        Contract contract = fixtures.contract(programme, fixtures.shaw());
        long oow = fixtures.kpi(programme, "ENGAGEMENTS_OOW").id();
        long starts = fixtures.kpi(programme, "NEW_STARTS").id();
        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);

        Document form = page(mvc.perform(get("/performance/targets").param("contract", String.valueOf(contract.id()))
                .param("year", "2024").session(wmca)).andExpect(status().isOk()));
        assertThat(form.select("input#k" + oow + "-total")).hasSize(1);
        assertThat(form.select("input[name=k" + oow + "-q4-as-left]")).hasSize(1);
        assertThat(form.select("input[name^=k" + fixtures.kpi(programme, "CONVERSION").id() + "-]")).isEmpty();

        Document errors = page(mvc.perform(post("/performance/targets").with(csrf()).session(wmca)
                .param("contract", String.valueOf(contract.id())).param("year", "2024")
                .param("k" + oow + "-total", "1343").param("k" + oow + "-baseline", "lots")
                .param("k" + oow + "-q1", "386").param("k" + oow + "-q2", "-4")
                .param("k" + oow + "-q3", "10").param("k" + oow + "-q3-as-left", "true")
                .param("k" + oow + "-q4-as-left", "true")
                .param("k" + starts + "-q1", "60")).andExpect(status().isOk()));
        assertThat(errors.select(".govuk-error-summary a").eachText()).containsExactly(
                "Baseline for Engagements (Out of Work) must be a whole number, 0 or more",
                "Q2 forecast for Engagements (Out of Work) must be a whole number, 0 or more",
                "Enter a Q3 forecast for Engagements (Out of Work) or choose as left, not both",
                "Enter the total target for New Employment Starts");
        assertThat(errors.select(".govuk-error-summary a").first().attr("href")).isEqualTo("#k" + oow + "-baseline");
        assertThat(errors.select("#k" + oow + "-baseline-error").text()).contains("must be a whole number");
        assertThat(errors.select("#k" + starts + "-total-error").text()).contains("Enter the total target");
        assertThat(errors.select("input#k" + oow + "-total").attr("value")).isEqualTo("1343");
        assertThat(errors.select("input#k" + oow + "-q1").attr("value")).isEqualTo("386");
        assertThat(errors.select("input[name=k" + oow + "-q4-as-left]").hasAttr("checked")).isTrue();
        assertThat(errors.title()).startsWith("Error: ");
        assertThat(targets.forContracts(List.of(contract.id()), FY2024)).isEmpty();

        mvc.perform(post("/performance/targets").with(csrf()).session(wmca)
                .param("contract", String.valueOf(contract.id())).param("year", "2024")
                .param("k" + oow + "-total", "1,343").param("k" + oow + "-q1", "386").param("k" + oow + "-q2", "409")
                .param("k" + oow + "-q3", "423").param("k" + oow + "-q4-as-left", "true"))
                .andExpect(status().is3xxRedirection());
        List<KpiTarget> saved = targets.forContracts(List.of(contract.id()), FY2024);
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).total()).isEqualTo(1343);
        assertThat(saved.get(0).forecasts()).containsExactly(KpiForecast.of(1, 386), KpiForecast.of(2, 409),
                KpiForecast.of(3, 423), KpiForecast.asLeft(4));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'kpi_target' AND record_id = ?")
                .param(String.valueOf(saved.get(0).id())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aCommissionerAddsAndChangesKpisOfTheirProgramme() throws Exception {
        Programme programme = fixtures.tiwLikeProgramme();
        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        String base = "/programmes/" + programme.id() + "/kpis";

        Document list = page(mvc.perform(get(base).session(wmca)).andExpect(status().isOk()));
        assertThat(list.select("tbody tr")).hasSize(5);
        assertThat(list.text()).contains("Engagements (Out of Work)", "Engagement where in_work=false (first per case)");

        Document errors = page(mvc.perform(post(base + "/new").with(csrf()).session(wmca).param("code", "NEW_STARTS")
                .param("name", "Sustained jobs").param("position", "6").param("source", "MILESTONES")
                .param("attributeFilter", "weeks 13").param("countingRule", "FIRST_PER_CASE")
                .param("display", "INCREMENTS")).andExpect(status().isOk()));
        assertThat(errors.select(".govuk-error-summary a").eachText()).containsExactly(
                "This programme already has a KPI with this code", "Select the milestone the KPI counts",
                "Enter each attribute on its own line as name=value, like in_work=true");
        assertThat(errors.select("input#name").attr("value")).isEqualTo("Sustained jobs");

        mvc.perform(post(base + "/new").with(csrf()).session(wmca).param("code", "sustained")
                .param("name", "Sustained jobs").param("position", "6").param("source", "MILESTONES")
                .param("milestoneType", "SUSTAINMENT_13_WEEKS").param("attributeFilter", "paid=true\nhours=16")
                .param("countingRule", "FIRST_PER_CASE").param("display", "INCREMENTS"))
                .andExpect(status().is3xxRedirection());
        KpiDefinition added = fixtures.kpi(programme, "SUSTAINED");
        assertThat(added.attributeFilter()).containsExactly(Map.entry("paid", "true"), Map.entry("hours", "16"));

        mvc.perform(post(base + "/" + added.id() + "/edit").with(csrf()).session(wmca).param("code", "SUSTAINED")
                .param("name", "Jobs sustained 13 weeks").param("position", "6").param("source", "RATIO")
                .param("numeratorCode", "sustained").param("denominatorCode", "NEW_STARTS")
                .param("targetPercent", "75").param("countingRule", "EVERY").param("display", "RUNNING_TOTALS"))
                .andExpect(status().isOk());
        mvc.perform(post(base + "/" + added.id() + "/edit").with(csrf()).session(wmca).param("code", "SUSTAINED")
                .param("name", "Jobs sustained 13 weeks").param("position", "6").param("source", "RATIO")
                .param("numeratorCode", "retentions").param("denominatorCode", "NEW_STARTS")
                .param("targetPercent", "75").param("countingRule", "EVERY").param("display", "RUNNING_TOTALS"))
                .andExpect(status().is3xxRedirection());
        KpiDefinition changed = fixtures.kpi(programme, "SUSTAINED");
        assertThat(changed.source()).isEqualTo(KpiSource.RATIO);
        assertThat(changed.milestoneType()).isNull();
        assertThat(changed.targetPercent()).isEqualByComparingTo("75.0");

        long starts = fixtures.kpi(programme, "NEW_STARTS").id();
        Document inUse = page(mvc.perform(post(base + "/" + starts + "/edit").with(csrf()).session(wmca)
                .param("code", "STARTS").param("name", "New Employment Starts").param("position", "3")
                .param("source", "MILESTONES").param("milestoneType", "JOB_START").param("attributeFilter", "paid=true")
                .param("countingRule", "FIRST_PER_CASE").param("display", "INCREMENTS")).andExpect(status().isOk()));
        assertThat(inUse.select("#code-error").text()).contains("The code cannot change while Conversion rate");

        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        mvc.perform(get(base + "/new").session(gm)).andExpect(status().isNotFound());
        mvc.perform(post(base + "/" + added.id() + "/edit").with(csrf()).session(gm).param("code", "X"))
                .andExpect(status().isNotFound());
        Document readOnly = page(mvc.perform(get(base).session(gm)).andExpect(status().isOk()));
        assertThat(readOnly.select("a[href$=/edit]")).isEmpty();
    }

    /**
     * The national organisation sits above every hub, so a national user's dashboard of a programme is every hub's
     * figures at once (issue 19's national view), and narrowing it to each hub in turn splits it exactly.
     */
    @Test
    void aNationalUserSeesEveryHubsFiguresOnTheSamePage() throws Exception {
        MockHttpSession national = SignIn.as(mvc, SignIn.NATIONAL);
        Document all = page(mvc.perform(get("/performance/WW/2025").session(national)).andExpect(status().isOk()));
        assertThat(all.select("select#contract option").eachText())
                .contains("WW-BURY-2024", "WW-OLDHAM-2024", "WW-WARKS-2024", "WW-COV-2024");
        assertThat(all.select("select#organisation option").eachText())
                .contains("NHS Greater Manchester", "Coventry and Warwickshire Integrated Care Board");
        assertThat(all.selectFirst("caption").text()).contains("Joint Work and Health Directorate");

        long nationalId = jdbc.sql("SELECT organisation_id FROM person WHERE email = ?").param(SignIn.NATIONAL)
                .query(Long.class).single();
        List<Long> hubs = jdbc.sql("SELECT id FROM organisation WHERE parent_id = ? ORDER BY id").param(nationalId)
                .query(Long.class).list();
        List<String> counted = List.of("REFERRALS", "ENGAGED", "ACTION_PLANS", "JOB_OUTCOMES");
        long[] summed = new long[counted.size()];
        for (long hub : hubs) {
            if (all.select("select#organisation option[value=" + hub + "]").isEmpty()) {
                continue;
            }
            Document one = page(mvc.perform(get("/performance/WW/2025").param("organisation", String.valueOf(hub))
                    .session(national)).andExpect(status().isOk()));
            for (int i = 0; i < counted.size(); i++) {
                summed[i] += cumulative(one, counted.get(i));
            }
        }
        for (int i = 0; i < counted.size(); i++) {
            assertThat(cumulative(all, counted.get(i))).as(counted.get(i)).isEqualTo(summed[i]);
        }
        assertThat(cumulative(all, "ENGAGED")).isPositive();
    }

    private static long cumulative(Document page, String kpi) {
        return Long.parseLong(page.selectFirst("tr[data-kpi=" + kpi + "] td[data-column=cumulative]").text()
                .replace(",", ""));
    }

    private long contractId(String reference) {
        return jdbc.sql("SELECT id FROM contract WHERE reference = ?").param(reference).query(Long.class).single();
    }

    private static Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
    }
}

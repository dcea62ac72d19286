package org.workhealth.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.Set;

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
import org.workhealth.SignIn;
import org.workhealth.organisation.NewPerson;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Role;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.performance.internal.Rag;
import org.workhealth.performance.internal.RagThreshold;
import org.workhealth.performance.internal.RagThresholds;

/** RAG thresholds as data: the commissioners' page, its errors, and who may change which. */
@SpringBootTest
@AutoConfigureMockMvc
class RagThresholdsPagesTest {

    private final MockMvc mvc;
    private final RagThresholds thresholds;
    private final Programmes programmes;
    private final Organisations organisations;
    private final People people;
    private final JdbcClient jdbc;

    @Autowired
    RagThresholdsPagesTest(MockMvc mvc, RagThresholds thresholds, Programmes programmes, Organisations organisations,
            People people, JdbcClient jdbc) {
        this.mvc = mvc;
        this.thresholds = thresholds;
        this.programmes = programmes;
        this.organisations = organisations;
        this.people = people;
        this.jdbc = jdbc;
    }

    private Programme westMidlandsProgramme() {
        String code = "RT" + FigureTestData.unique();
        return programmes.createUnchecked(code, "Thresholds test " + code, SupportType.FIGURES_ONLY, null,
                organisations.findByName("West Midlands Combined Authority").orElseThrow().id());
    }

    @Test
    void aCommissionerSeesTheDefaultAndEachProgrammeAndChangesOnlyTheirOwn() throws Exception {
        Programme own = westMidlandsProgramme();
        MockHttpSession tom = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        long workwell = programmes.findByCode("WW").orElseThrow().id();

        Document page = page(mvc.perform(get("/performance/thresholds").session(tom)).andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("#thresholds caption").text()).isEqualTo("Thresholds by programme");
        assertThat(page.select("#thresholds tbody tr").first().text()).startsWith("All programmes (the default)");
        assertThat(page.select("#thresholds tbody tr:contains(" + own.name() + ")").text()).contains("The default");
        assertThat(page.select("a[href=/performance/thresholds/" + own.id() + "]")).hasSize(1);
        // WorkWell is the national organisation's, and the default only a national commissioner's.
        assertThat(page.select("a[href=/performance/thresholds/" + workwell + "]")).isEmpty();
        assertThat(page.select("a[href=/performance/thresholds/default]")).isEmpty();
        mvc.perform(get("/performance/thresholds/" + workwell).session(tom)).andExpect(status().isNotFound());
        mvc.perform(post("/performance/thresholds/" + workwell).session(tom).with(csrf()).param("green", "50")
                .param("amber", "40")).andExpect(status().isNotFound());
        mvc.perform(get("/performance/thresholds/default").session(tom)).andExpect(status().isNotFound());
        mvc.perform(post("/performance/thresholds/default").session(tom).with(csrf()).param("green", "50")
                .param("amber", "40")).andExpect(status().isNotFound());
        assertThat(thresholds.programmeOwn(workwell)).isEmpty();
    }

    @Test
    void changingAProgrammesThresholdsChangesItsRatingsAndIsAudited() throws Exception {
        Programme own = westMidlandsProgramme();
        RagThreshold fallback = thresholds.defaultThreshold();
        assertThat(thresholds.forProgramme(own.id())).isEqualTo(fallback);
        MockHttpSession tom = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);

        Document form = page(mvc.perform(get("/performance/thresholds/" + own.id()).session(tom))
                .andExpect(status().isOk()).andReturn());
        assertThat(form.select("#green").val()).isEqualTo(fallback.greenFromPercent().stripTrailingZeros()
                .toPlainString());

        mvc.perform(post("/performance/thresholds/" + own.id()).session(tom).with(csrf()).param("green", "95")
                        .param("amber", "80.5%"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/performance/thresholds"));

        RagThreshold changed = thresholds.forProgramme(own.id());
        assertThat(changed.greenFromPercent()).isEqualByComparingTo("95");
        assertThat(changed.amberFromPercent()).isEqualByComparingTo("80.5");
        // 95 of a forecast of 100 was amber by the default; now it is green, and 81 is amber, 80 red.
        assertThat(changed.rate(new BigDecimal(95), new BigDecimal(100))).isEqualTo(Rag.GREEN);
        assertThat(changed.rate(new BigDecimal(81), new BigDecimal(100))).isEqualTo(Rag.AMBER);
        assertThat(changed.rate(new BigDecimal(80), new BigDecimal(100))).isEqualTo(Rag.RED);
        assertThat(thresholds.defaultThreshold()).isEqualTo(fallback);
        assertThat(audits(String.valueOf(own.id()))).isEqualTo(1);

        Document list = page(mvc.perform(get("/performance/thresholds").session(tom)).andExpect(status().isOk())
                .andReturn());
        assertThat(list.select("#thresholds tbody tr:contains(" + own.name() + ")").text())
                .contains("95%", "80.5%", "The programme");

        // Changed again, then back to the default.
        mvc.perform(post("/performance/thresholds/" + own.id()).session(tom).with(csrf()).param("green", "100")
                .param("amber", "70")).andExpect(status().is3xxRedirection());
        assertThat(thresholds.forProgramme(own.id()).amberFromPercent()).isEqualByComparingTo("70");
        mvc.perform(post("/performance/thresholds/" + own.id() + "/use-default").session(tom).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(thresholds.forProgramme(own.id())).isEqualTo(fallback);
        assertThat(audits(String.valueOf(own.id()))).isEqualTo(3);
    }

    @Test
    void wrongPercentagesAreShownNextToTheFieldsAndInTheSummaryWithTheAnswersKept() throws Exception {
        Programme own = westMidlandsProgramme();
        MockHttpSession tom = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);

        Document both = submit(tom, own, "lots", "");
        assertThat(both.title()).startsWith("Error: ");
        assertThat(both.select(".govuk-error-summary a[href=#green]").text())
                .isEqualTo("Green must start at a number with at most one decimal place, like 90 or 97.5");
        assertThat(both.select(".govuk-error-summary a[href=#amber]").text())
                .isEqualTo("Enter the percentage of the forecast where amber starts");
        assertThat(both.select("#green-error").text()).contains("Green must start at a number");
        assertThat(both.select("#green").val()).isEqualTo("lots");

        Document order = submit(tom, own, "90", "95");
        assertThat(order.select("#amber-error").text()).isEqualTo("Error: Amber must start at or below where green starts");
        assertThat(order.select("#green-error")).isEmpty();
        assertThat(order.select("#green").val()).isEqualTo("90");
        assertThat(order.select("#amber").val()).isEqualTo("95");

        assertThat(submit(tom, own, "100", "0").select("#amber-error").text()).contains("Amber must start above 0%");
        assertThat(submit(tom, own, "100", "-5").select("#amber-error").text()).contains("at most one decimal place");
        assertThat(submit(tom, own, "99.25", "90").select("#green-error").text()).contains("at most one decimal place");
        assertThat(submit(tom, own, "1001", "90").select("#green-error").text()).contains("1000% or less");
        assertThat(thresholds.programmeOwn(own.id())).isEmpty();
    }

    @Test
    void onlyANationalCommissionerChangesTheDefault() throws Exception {
        long national = organisations.findByName("Joint Work and Health Directorate (DWP and DHSC)").orElseThrow().id();
        String email = "commissioner." + FigureTestData.unique().toLowerCase() + "@thresholds.workhealth.example";
        people.createWithPassword(new NewPerson("National Commissioner", email, national, Set.of(Role.COMMISSIONER)),
                SignIn.DEMO_PASSWORD);
        MockHttpSession session = SignIn.as(mvc, email);
        RagThreshold before = thresholds.defaultThreshold();
        try {
            Document page = page(mvc.perform(get("/performance/thresholds").session(session))
                    .andExpect(status().isOk()).andReturn());
            assertThat(page.select("a[href=/performance/thresholds/default]")).hasSize(1);
            Document errors = page(mvc.perform(post("/performance/thresholds/default").session(session).with(csrf())
                    .param("green", "").param("amber", "90")).andExpect(status().isOk()).andReturn());
            assertThat(errors.select("#green-error").text()).contains("Enter the percentage of the forecast where green starts");

            mvc.perform(post("/performance/thresholds/default").session(session).with(csrf()).param("green", "99")
                    .param("amber", "89")).andExpect(status().is3xxRedirection());
            assertThat(thresholds.defaultThreshold()).isEqualTo(new RagThreshold(new BigDecimal("99.0"),
                    new BigDecimal("89.0")));
            assertThat(audits("default")).isPositive();
        } finally {
            jdbc.sql("UPDATE rag_threshold SET green_from_percent = ?, amber_from_percent = ? WHERE programme_id IS NULL")
                    .params(before.greenFromPercent(), before.amberFromPercent()).update();
        }
    }

    @Test
    void providersAndPractitionersCannotSeeThresholds() throws Exception {
        for (String email : new String[] {SignIn.BURY_MANAGER, SignIn.BURY_COACH, SignIn.NATIONAL}) {
            MockHttpSession session = SignIn.as(mvc, email);
            mvc.perform(get("/performance/thresholds").session(session)).andExpect(status().isNotFound());
        }
    }

    private Document submit(MockHttpSession session, Programme programme, String green, String amber) throws Exception {
        return page(mvc.perform(post("/performance/thresholds/" + programme.id()).session(session).with(csrf())
                .param("green", green).param("amber", amber)).andExpect(status().isOk()).andReturn());
    }

    private long audits(String recordId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'rag-threshold' AND record_id = ?")
                .param(recordId).query(Long.class).single();
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}

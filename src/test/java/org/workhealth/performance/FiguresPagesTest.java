package org.workhealth.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

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
import org.workhealth.calendar.Quarter;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.programme.Programmes;
import org.workhealth.performance.internal.FigureChangedException;
import org.workhealth.performance.internal.KpiFigure;
import org.workhealth.performance.internal.KpiFigures;

/**
 * Figures entered by hand: entering, correcting (append-only, the earlier figure kept), the
 * question page's errors, and who may enter a contract's figures.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FiguresPagesTest {

    private static final String BURY_PROVIDER = "Bury Council Live Well service";
    private static final String GM = "NHS Greater Manchester";
    private static final String WMCA = "West Midlands Combined Authority";
    private static final LocalDate START = LocalDate.of(2023, 4, 1);
    private static final LocalDate END = LocalDate.of(2025, 3, 31);
    private static final Quarter Q1 = Quarter.of(2023, 1);

    private final MockMvc mvc;
    private final KpiFigures figures;
    private final People people;
    private final JdbcClient jdbc;
    private final FigureTestData data;

    @Autowired
    FiguresPagesTest(MockMvc mvc, KpiFigures figures, People people, JdbcClient jdbc, Programmes programmes,
            Organisations organisations) {
        this.mvc = mvc;
        this.figures = figures;
        this.people = people;
        this.jdbc = jdbc;
        this.data = new FigureTestData(jdbc, programmes, organisations);
    }

    private FigureTestData.Setup buryContract() {
        return data.setUp(GM, BURY_PROVIDER, GM, START, END, "People trained", "Sign-ups");
    }

    private static String year(FigureTestData.Setup s) {
        return "/performance/figures/" + s.contract().id() + "/2023";
    }

    private static String entry(FigureTestData.Setup s, int kpi, int quarter) {
        return year(s) + "/" + s.kpi(kpi) + "/" + quarter;
    }

    // --- entering ---

    @Test
    void theProviderManagerEntersAQuarterFigureAndSeesWhoEnteredIt() throws Exception {
        FigureTestData.Setup s = buryContract();
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);

        Document list = page(mvc.perform(get("/performance/figures").session(manager)).andExpect(status().isOk())
                .andReturn());
        assertThat(list.select("#contracts").text()).contains(s.contract().reference(), s.programme().name(),
                BURY_PROVIDER);
        assertThat(list.select("#contracts a[href=" + year(s) + "]")).hasSize(1);

        Document before = page(mvc.perform(get(year(s)).session(manager)).andExpect(status().isOk()).andReturn());
        assertThat(before.select("h1").text()).isEqualTo("Figures for " + s.contract().reference() + ", 2023/24");
        assertThat(before.select("#kpi-0 caption").text()).isEqualTo("People trained, 2023/24");
        assertThat(before.select("#kpi-0 tbody tr").first().text()).contains("Q1 (April to June)", "Not entered",
                "Enter");
        assertThat(before.select("#kpi-0 a[href=" + entry(s, 0, 1) + "]")).hasSize(1);

        Document form = page(mvc.perform(get(entry(s, 0, 1)).session(manager)).andExpect(status().isOk()).andReturn());
        assertThat(form.select("h1 label[for=figure]").text()).isEqualTo("People trained in Q1 2023/24");
        assertThat(form.select("input[name=replaces]").val()).isEmpty();

        mvc.perform(post(entry(s, 0, 1)).session(manager).with(csrf()).param("figure", "1,209")
                        .param("note", " to February ").param("replaces", ""))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(year(s)));

        KpiFigure saved = figures.current(s.kpi(0), s.contract().id(), Q1).orElseThrow();
        assertThat(saved.figure()).isEqualTo(1209);
        assertThat(saved.note()).isEqualTo("to February");
        assertThat(saved.supersedesId()).isNull();
        assertThat(saved.enteredBy()).isEqualTo(people.findByEmail(SignIn.BURY_MANAGER).orElseThrow().id());

        Document after = page(mvc.perform(get(year(s)).session(manager)).andExpect(status().isOk()).andReturn());
        assertThat(after.select("#kpi-0 tbody tr").first().text()).contains("1,209", "to February", "Priya Shah",
                "Correct");
        // The other KPI's quarter is untouched.
        assertThat(after.select("#kpi-1 tbody tr").first().text()).contains("Not entered");
        assertThat(auditCount("ENTER", saved.id())).isEqualTo(1);
    }

    @Test
    void aCorrectionSupersedesTheFigureAndKeepsTheEarlierOneInTheHistory() throws Exception {
        FigureTestData.Setup s = buryContract();
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        mvc.perform(post(entry(s, 0, 1)).session(manager).with(csrf()).param("figure", "14").param("note", ""))
                .andExpect(status().is3xxRedirection());
        KpiFigure first = figures.current(s.kpi(0), s.contract().id(), Q1).orElseThrow();

        Document form = page(mvc.perform(get(entry(s, 0, 1)).session(manager)).andExpect(status().isOk()).andReturn());
        assertThat(form.select("input[name=replaces]").val()).isEqualTo(String.valueOf(first.id()));
        assertThat(form.select("#figure").val()).isEqualTo("14");
        assertThat(form.select(".govuk-inset-text").text()).contains("The figure now is 14", "Priya Shah");

        // The commissioner corrects it.
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        mvc.perform(post(entry(s, 0, 1)).session(commissioner).with(csrf()).param("figure", "15")
                        .param("note", "late returns added").param("replaces", String.valueOf(first.id())))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(year(s)));

        KpiFigure current = figures.current(s.kpi(0), s.contract().id(), Q1).orElseThrow();
        assertThat(current.figure()).isEqualTo(15);
        assertThat(current.supersedesId()).isEqualTo(first.id());
        List<KpiFigure> history = figures.history(s.kpi(0), s.contract().id(), Q1);
        assertThat(history).extracting(KpiFigure::figure).containsExactly(15, 14);
        assertThat(figures.find(first.id()).orElseThrow().figure()).isEqualTo(14);
        assertThat(figures.current(List.of(s.contract().id()), Q1.financialYear())).extracting(KpiFigure::figure)
                .containsExactly(15);

        Document page = page(mvc.perform(get(entry(s, 0, 1) + "/history").session(manager))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select("h1").text()).isEqualTo("People trained in Q1 2023/24: history");
        assertThat(page.select("#history tbody tr")).hasSize(2);
        assertThat(page.select("#history tbody tr").get(0).text()).contains("15", "late returns added", "Grace Okafor",
                "Current");
        assertThat(page.select("#history tbody tr").get(1).text()).contains("14", "Priya Shah", "Corrected");
        assertThat(auditCount("CORRECT", current.id())).isEqualTo(1);

        Document year = page(mvc.perform(get(year(s)).session(manager)).andExpect(status().isOk()).andReturn());
        assertThat(year.select("#kpi-0 tbody tr").first().text()).contains("15", "Grace Okafor", "Correction");
        assertThat(year.select("#kpi-0 a[href=" + entry(s, 0, 1) + "/history]")).hasSize(1);
    }

    @Test
    void aCorrectionOfAFigureSomeoneElseHasCorrectedIsRefusedWithTheAnswerKept() throws Exception {
        FigureTestData.Setup s = buryContract();
        long manager = people.findByEmail(SignIn.BURY_MANAGER).orElseThrow().id();
        KpiFigure first = figures.enter(s.kpi(0), s.contract().id(), Q1, 14, null, manager);
        KpiFigure theirs = figures.correct(first.id(), 16, null, manager);
        assertThatThrownBy(() -> figures.correct(first.id(), 17, null, manager))
                .isInstanceOf(FigureChangedException.class);

        MockHttpSession session = SignIn.as(mvc, SignIn.BURY_MANAGER);
        Document page = page(mvc.perform(post(entry(s, 0, 1)).session(session).with(csrf()).param("figure", "18")
                        .param("replaces", String.valueOf(first.id())))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select(".govuk-error-summary").text()).contains("Someone else corrected this figure");
        assertThat(page.select("#figure-error").text()).contains("Someone else corrected this figure");
        assertThat(page.select("#figure").val()).isEqualTo("18");
        assertThat(page.select(".govuk-inset-text").text()).contains("The figure now is 16");
        // Saving again corrects the figure now standing, which the person has now seen.
        assertThat(page.select("input[name=replaces]").val()).isEqualTo(String.valueOf(theirs.id()));
        assertThat(figures.current(s.kpi(0), s.contract().id(), Q1).orElseThrow().figure()).isEqualTo(16);
        assertThat(figures.history(s.kpi(0), s.contract().id(), Q1)).hasSize(2);
    }

    @Test
    void savingTheFigureShownUnchangedAddsNothingToTheHistory() throws Exception {
        FigureTestData.Setup s = buryContract();
        long manager = people.findByEmail(SignIn.BURY_MANAGER).orElseThrow().id();
        KpiFigure first = figures.enter(s.kpi(0), s.contract().id(), Q1, 14, "to May", manager);
        MockHttpSession session = SignIn.as(mvc, SignIn.BURY_MANAGER);
        mvc.perform(post(entry(s, 0, 1)).session(session).with(csrf()).param("figure", "14").param("note", "to May")
                        .param("replaces", String.valueOf(first.id())))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(year(s)));
        assertThat(figures.history(s.kpi(0), s.contract().id(), Q1)).hasSize(1);
        // A changed note alone is a correction.
        mvc.perform(post(entry(s, 0, 1)).session(session).with(csrf()).param("figure", "14").param("note", "")
                .param("replaces", String.valueOf(first.id()))).andExpect(status().is3xxRedirection());
        assertThat(figures.current(s.kpi(0), s.contract().id(), Q1).orElseThrow().note()).isNull();
        assertThat(figures.history(s.kpi(0), s.contract().id(), Q1)).hasSize(2);
    }

    @Test
    void aFirstEntryWhenSomeoneElseEnteredOneFirstIsRefused() throws Exception {
        FigureTestData.Setup s = buryContract();
        long manager = people.findByEmail(SignIn.BURY_MANAGER).orElseThrow().id();
        figures.enter(s.kpi(1), s.contract().id(), Q1, 21, null, manager);
        assertThatThrownBy(() -> figures.enter(s.kpi(1), s.contract().id(), Q1, 22, null, manager))
                .isInstanceOf(FigureChangedException.class);

        MockHttpSession session = SignIn.as(mvc, SignIn.BURY_MANAGER);
        Document page = page(mvc.perform(post(entry(s, 1, 1)).session(session).with(csrf()).param("figure", "23")
                        .param("replaces", ""))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select("#figure-error").text()).contains("Someone else entered this figure");
        assertThat(figures.history(s.kpi(1), s.contract().id(), Q1)).extracting(KpiFigure::figure)
                .containsExactly(21);
    }

    @Test
    void theDatabaseRefusesASecondFirstEntryForTheSameQuarter() {
        FigureTestData.Setup s = buryContract();
        long manager = people.findByEmail(SignIn.BURY_MANAGER).orElseThrow().id();
        figures.enter(s.kpi(0), s.contract().id(), Q1, 1, null, manager);
        // As if a second person's check had run before the first person's insert.
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO kpi_figure (kpi_definition_id, contract_id, financial_year, quarter, figure, entered_at,
                                        entered_by, first_entry)
                VALUES (?, ?, 2023, 1, 2, CURRENT_TIMESTAMP, ?, TRUE)
                """).params(s.kpi(0), s.contract().id(), manager).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    // --- the question page's errors ---

    @Test
    void wrongAnswersAreShownNextToTheFieldAndInTheSummaryWithTheAnswerKept() throws Exception {
        FigureTestData.Setup s = buryContract();
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);

        assertError(manager, s, "", "Enter the figure");
        assertError(manager, s, "12.5", "The figure must be a whole number, like 14");
        assertError(manager, s, "twelve", "The figure must be a whole number, like 14");
        assertError(manager, s, "-3", "The figure must be 0 or more");
        assertError(manager, s, "10000001", "The figure must be 10,000,000 or less");

        Document note = page(mvc.perform(post(entry(s, 0, 2)).session(manager).with(csrf()).param("figure", "5")
                .param("note", "x".repeat(201))).andExpect(status().isOk()).andReturn());
        assertThat(note.select("#note-error").text()).contains("Note must be 200 characters or fewer");
        assertThat(note.select(".govuk-error-summary a[href=#note]").text())
                .isEqualTo("Note must be 200 characters or fewer");
        assertThat(note.select("#figure").val()).isEqualTo("5");
        assertThat(figures.history(s.kpi(0), s.contract().id(), Quarter.of(2023, 2))).isEmpty();
    }

    private void assertError(MockHttpSession session, FigureTestData.Setup s, String answer, String message)
            throws Exception {
        Document page = page(mvc.perform(post(entry(s, 0, 2)).session(session).with(csrf()).param("figure", answer)
                .param("note", "to August")).andExpect(status().isOk()).andReturn());
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary a[href=#figure]").text()).isEqualTo(message);
        assertThat(page.select("#figure-error").text()).isEqualTo("Error: " + message);
        assertThat(page.select("#figure").val()).isEqualTo(answer);
        assertThat(page.select("#note").val()).isEqualTo("to August");
    }

    // --- who may enter ---

    @Test
    void aBuryManagerCannotEnterFiguresForAWestMidlandsContract() throws Exception {
        FigureTestData.Setup s = data.setUp(WMCA, WMCA, WMCA, START, END, "Sign-ups");
        MockHttpSession bury = SignIn.as(mvc, SignIn.BURY_MANAGER);

        Document list = page(mvc.perform(get("/performance/figures").session(bury)).andExpect(status().isOk())
                .andReturn());
        assertThat(list.text()).doesNotContain(s.contract().reference());
        mvc.perform(get(year(s)).session(bury)).andExpect(status().isNotFound());
        mvc.perform(get(entry(s, 0, 1)).session(bury)).andExpect(status().isNotFound());
        mvc.perform(get(entry(s, 0, 1) + "/history").session(bury)).andExpect(status().isNotFound());
        mvc.perform(post(entry(s, 0, 1)).session(bury).with(csrf()).param("figure", "3"))
                .andExpect(status().isNotFound());
        assertThat(figures.history(s.kpi(0), s.contract().id(), Q1)).isEmpty();

        // The demo Thrive at Work contract likewise, where it exists.
        List<Long> taw = jdbc.sql("SELECT id FROM contract WHERE reference LIKE 'TAW-%'").query(Long.class).list();
        for (long id : taw) {
            mvc.perform(get("/performance/figures/" + id + "/2023").session(bury)).andExpect(status().isNotFound());
        }

        // The West Midlands commissioner may.
        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        mvc.perform(post(entry(s, 0, 1)).session(wmca).with(csrf()).param("figure", "3"))
                .andExpect(status().is3xxRedirection());
        assertThat(figures.current(s.kpi(0), s.contract().id(), Q1).orElseThrow().figure()).isEqualTo(3);
    }

    @Test
    void aProviderCannotPostToAnotherProvidersContractNorCorrectItsFigures() throws Exception {
        FigureTestData.Setup oldham = data.setUp(GM, "Oldham Working Well service", GM, START, END, "People trained");
        FigureTestData.Setup bury = buryContract();
        long commissioner = people.findByEmail(SignIn.GM_COMMISSIONER).orElseThrow().id();
        KpiFigure theirs = figures.enter(oldham.kpi(0), oldham.contract().id(), Q1, 40, null, commissioner);
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);

        mvc.perform(post(entry(oldham, 0, 1)).session(manager).with(csrf()).param("figure", "1")
                .param("replaces", String.valueOf(theirs.id()))).andExpect(status().isNotFound());
        // Nor by naming the other contract's figure as the one its own form corrects.
        mvc.perform(post(entry(bury, 0, 1)).session(manager).with(csrf()).param("figure", "1")
                .param("replaces", String.valueOf(theirs.id()))).andExpect(status().isNotFound());
        // Nor a KPI of another programme on its own contract.
        mvc.perform(post(year(bury) + "/" + oldham.kpi(0) + "/1").session(manager).with(csrf()).param("figure", "1"))
                .andExpect(status().isNotFound());
        assertThat(figures.history(oldham.kpi(0), oldham.contract().id(), Q1)).extracting(KpiFigure::figure)
                .containsExactly(40);
        assertThat(figures.history(bury.kpi(0), bury.contract().id(), Q1)).isEmpty();

        // A practitioner of the provider itself does not prepare returns, so cannot enter figures either.
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(get(year(bury)).session(coach)).andExpect(status().isNotFound());
        mvc.perform(post(entry(bury, 0, 1)).session(coach).with(csrf()).param("figure", "1"))
                .andExpect(status().isNotFound());
        // Another hub's commissioner cannot.
        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        mvc.perform(get(year(bury)).session(wmca)).andExpect(status().isNotFound());
    }

    @Test
    void yearsAndQuartersOutsideTheContractDoNotExist() throws Exception {
        FigureTestData.Setup s = buryContract();
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        mvc.perform(get("/performance/figures/" + s.contract().id() + "/2022").session(manager))
                .andExpect(status().isNotFound());
        mvc.perform(get("/performance/figures/" + s.contract().id() + "/2025").session(manager))
                .andExpect(status().isNotFound());
        mvc.perform(get(entry(s, 0, 5)).session(manager)).andExpect(status().isNotFound());
        mvc.perform(get("/performance/figures/987654321/2023").session(manager)).andExpect(status().isNotFound());
    }

    private long auditCount(String action, long figureId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'kpi-figure' AND action = ? "
                + "AND record_id = ?").params(action, String.valueOf(figureId)).query(Long.class).single();
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}

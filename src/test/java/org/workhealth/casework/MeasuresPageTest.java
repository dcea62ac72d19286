package org.workhealth.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.letters;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workhealth.MilestoneText;
import org.workhealth.SignIn;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;

/** Recording measures on a case through its pages. Each test opens a case of its own at Bury Live Well. */
@SpringBootTest
@AutoConfigureMockMvc
class MeasuresPageTest {

    private static final String BCHFT_SPECIALIST = "specialist@bchft.workhealth.example";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Casework casework;
    private final Programmes programmes;
    private final Organisations organisations;
    private final Measures measures;
    private final CaseMeasures caseMeasures;

    @Autowired
    MeasuresPageTest(MockMvc mvc, JdbcClient jdbc, Casework casework, Programmes programmes,
            Organisations organisations, Measures measures, CaseMeasures caseMeasures) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.casework = casework;
        this.programmes = programmes;
        this.organisations = organisations;
        this.measures = measures;
        this.caseMeasures = caseMeasures;
    }

    @Test
    void baselineAndReviewsShowTheChangeAndAReliableImprovementWritesOneMilestone() throws Exception {
        long caseId = openCase();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        Document empty = page(coach, "/cases/" + caseId + "/measures");
        assertThat(empty.select("h1").text()).isEqualTo("Measures");
        assertThat(empty.text()).contains("No measures have been recorded yet.");
        assertThat(empty.select(".govuk-back-link").attr("href")).isEqualTo("/cases/" + caseId);

        Document choose = page(coach, "/cases/" + caseId + "/measures/new");
        assertThat(choose.select("input[name=measure]").eachAttr("value")).contains("PHQ9", "GAD7", "ONS4", "SELFMAN");
        Document form = page(coach, "/cases/" + caseId + "/measures/new?measure=PHQ9");
        assertThat(form.select("h1").text()).isEqualTo("PHQ-9");
        assertThat(form.text()).contains("Over the last 2 weeks, how often have you been bothered by");
        assertThat(form.select("input[name=q1]")).hasSize(4);
        assertThat(form.select("input[name=q9]")).hasSize(4);
        assertThat(form.select("input[name=point]").eachAttr("value")).containsExactly("BASELINE", "REVIEW", "EXIT");

        take(coach, caseId, "PHQ9", "BASELINE", total("PHQ9", 16)).andExpect(redirectedUrl("/cases/" + caseId
                + "/measures"));
        take(coach, caseId, "PHQ9", "REVIEW", total("PHQ9", 12));
        assertThat(improvedMilestones(caseId)).isEmpty();
        take(coach, caseId, "PHQ9", "REVIEW", total("PHQ9", 9));
        take(coach, caseId, "PHQ9", "EXIT", total("PHQ9", 3));
        take(coach, caseId, "GAD7", "BASELINE", total("GAD7", 10));
        take(coach, caseId, "GAD7", "REVIEW", total("GAD7", 12));

        List<Map<String, Object>> improved = improvedMilestones(caseId);
        assertThat(improved).singleElement().satisfies(m -> assertThat((String) m.get("attributes"))
                .isEqualTo("measure=PHQ9;point=REVIEW;baseline_score=16;score=9"));

        Document list = page(coach, "/cases/" + caseId + "/measures");
        List<String> phq9Rows = rows(list, "PHQ9");
        assertThat(phq9Rows).hasSize(4);
        assertThat(phq9Rows.get(0)).contains("Baseline", "16", "Moderately severe");
        assertThat(phq9Rows.get(1)).contains("Review", "12", "Moderate", "Improved by 4 points");
        assertThat(phq9Rows.get(2)).contains("Review", "9", "Mild", "Improved by 7 points");
        assertThat(phq9Rows.get(3)).contains("Exit", "3", "Minimal", "Improved by 13 points");
        assertThat(rows(list, "GAD7").get(1)).contains("12", "Moderate", "Worse by 2 points");
        // What the case page can show: each measure's latest result against its baseline.
        assertThat(caseMeasures.latest(caseId)).containsExactly(
                new CaseMeasures.Latest("PHQ-9", "Exit", "3 (Minimal)", "Improved by 13 points"),
                new CaseMeasures.Latest("GAD-7", "Review", "12 (Moderate)", "Worse by 2 points"));
        // The list twice and the new-measure pages twice (they show whose case it is); the saves redirect, no view.
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'VIEW' AND record_type = 'case-measures' "
                + "AND record_id = ?", String.valueOf(caseId))).isEqualTo(4);
    }

    @Test
    void ons4ImprovesItemByItemIntoABetterBand() throws Exception {
        long caseId = openCase();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        Document form = page(coach, "/cases/" + caseId + "/measures/new?measure=ONS4");
        assertThat(form.select("input[name=q4]")).hasSize(11);

        take(coach, caseId, "ONS4", "BASELINE", Map.of(1, 4, 2, 6, 3, 5, 4, 7));
        take(coach, caseId, "ONS4", "REVIEW", Map.of(1, 4, 2, 5, 3, 5, 4, 3));
        take(coach, caseId, "ONS4", "EXIT", Map.of(1, 9, 2, 9, 3, 9, 4, 0));

        assertThat(improvedMilestones(caseId)).singleElement().satisfies(m -> assertThat((String) m.get("attributes"))
                .isEqualTo("measure=ONS4;point=REVIEW;item=Anxiety;baseline_score=7;score=3"));
        List<String> rows = rows(page(coach, "/cases/" + caseId + "/measures"), "ONS4");
        assertThat(rows).hasSize(12);
        assertThat(rows.get(3)).contains("Baseline", "Anxiety", "7", "High");
        assertThat(rows.get(4)).contains("Review", "Life satisfaction", "4", "Low", "No change");
        assertThat(rows.get(5)).contains("Worthwhile", "5", "Medium", "Worse by 1 point");
        assertThat(rows.get(7)).contains("Anxiety", "3", "Low", "Improved by 4 points");
        assertThat(caseMeasures.latest(caseId)).singleElement().satisfies(latest -> {
            assertThat(latest.scores()).isEqualTo(
                    "Life satisfaction 9 (Very high), Worthwhile 9 (Very high), Happiness 9 (Very high), "
                            + "Anxiety 0 (Very low)");
            assertThat(latest.change()).isEqualTo("Life satisfaction improved by 5 points, "
                    + "Worthwhile improved by 3 points, Happiness improved by 4 points, Anxiety improved by 7 points");
        });
    }

    @Test
    void everyAnswerIsRequiredAndTheAnswersGivenAreKept() throws Exception {
        long caseId = openCase();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        Document page = Jsoup.parse(mvc.perform(post("/cases/" + caseId + "/measures/new").param("measure", "GAD7")
                .session(coach).with(csrf()).param("q1", "2").param("q2", "3").param("q4", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary a").eachText()).containsExactly(
                "Select when this measure was taken", "Select an answer to question 3",
                "Select an answer to question 5", "Select an answer to question 6", "Select an answer to question 7");
        assertThat(page.select(".govuk-error-summary a").eachAttr("href")).startsWith("#point", "#q3");
        assertThat(page.select("#q3").attr("name")).isEqualTo("q3");
        assertThat(page.select("input[name=q1][value=2]").hasAttr("checked")).isTrue();
        assertThat(page.select("input[name=q2][value=3]").hasAttr("checked")).isTrue();
        assertThat(page.select("input[name=q4][value=1]").hasAttr("checked")).isTrue();
        assertThat(page.select("input[name=q3][checked]")).isEmpty();
        assertThat(page.select("#q5-error").text()).contains("Select an answer to question 5");

        // The point is kept too, and a second baseline is refused.
        take(coach, caseId, "GAD7", "BASELINE", total("GAD7", 5));
        Document again = Jsoup.parse(mvc.perform(withAnswers(post("/cases/" + caseId + "/measures/new")
                .param("measure", "GAD7").param("point", "BASELINE"), total("GAD7", 3)).session(coach).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(again.select(".govuk-error-summary a").eachText())
                .containsExactly("This case already has a GAD-7 baseline: select review or exit");
        assertThat(again.select("input[name=point][value=BASELINE]").hasAttr("checked")).isTrue();
        assertThat(count("SELECT COUNT(*) FROM measure_response WHERE case_id = ?", caseId)).isEqualTo(1);

        // No measure chosen: the choosing page says so.
        Document choose = Jsoup.parse(mvc.perform(get("/cases/" + caseId + "/measures/new").param("measure", "")
                .session(coach)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(choose.select(".govuk-error-summary a").eachText()).containsExactly("Select a measure");
    }

    @Test
    void anyAnswerAboveNotAtAllToPhq9Question9PromptsActionNowAndNotesTheCase() throws Exception {
        long caseId = openCase();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        // A low total (3, "Minimal") must not hide it: the prompt depends on question 9 alone.
        Map<Integer, Integer> answers = new java.util.HashMap<>(Map.of(1, 1, 2, 1, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0,
                8, 0, 9, 1));
        String target = take(coach, caseId, "PHQ9", "BASELINE", answers).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(page(coach, target).select("[data-test=safety-prompt]")).hasSize(1);
        String again = mvc.perform(post("/cases/" + caseId + "/measures/new").param("measure", "PHQ9")
                .param("point", "REVIEW").session(coach).with(csrf()).params(params(answers))).andReturn()
                .getResponse().getRedirectedUrl();
        Document shown = page(coach, again);
        assertThat(target).isEqualTo("/cases/" + caseId + "/measures");
        assertThat(shown.select("[data-test=safety-prompt]").text())
                .contains("Act now: PHQ-9 question 9 was answered “Several days”.")
                .contains("follow your organisation's safeguarding and risk procedure")
                .contains("Samaritans free on 116 123")
                .contains("A note of this prompt has been added to the case.");

        // Both takings put a note on the case timeline, written as the coach.
        List<String> notes = jdbc.sql("SELECT note FROM contact_note WHERE case_id = ? ORDER BY id").param(caseId)
                .query(String.class).list();
        assertThat(notes).hasSize(2).allSatisfy(note -> assertThat(note)
                .startsWith("Safety prompt: PHQ-9 question 9 (Thoughts that you would be better off dead")
                .contains("answered \"Several days\""));
        assertThat(page(coach, "/cases/" + caseId).text()).contains("Safety prompt: PHQ-9 question 9");

        // "Not at all" raises nothing, however high the rest.
        Map<Integer, Integer> highButSafe = new java.util.HashMap<>(Map.of(1, 3, 2, 3, 3, 3, 4, 3, 5, 3, 6, 3, 7, 3,
                8, 3, 9, 0));
        String exit = mvc.perform(post("/cases/" + caseId + "/measures/new").param("measure", "PHQ9")
                .param("point", "EXIT").session(coach).with(csrf()).params(params(highButSafe))).andReturn()
                .getResponse().getRedirectedUrl();
        Document after = page(coach, exit);
        assertThat(after.text()).contains("PHQ-9 exit recorded");
        assertThat(after.select("[data-test=safety-prompt]")).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM contact_note WHERE case_id = ?", caseId)).isEqualTo(2);
    }

    private static org.springframework.util.MultiValueMap<String, String> params(Map<Integer, Integer> answers) {
        org.springframework.util.LinkedMultiValueMap<String, String> params =
                new org.springframework.util.LinkedMultiValueMap<>();
        answers.forEach((position, value) -> params.add("q" + position, String.valueOf(value)));
        return params;
    }

    @Test
    void aPractitionerOfAnotherProviderGetsNotFoundAndRecordsNothing() throws Exception {
        long caseId = openCase();
        MockHttpSession specialist = SignIn.as(mvc, BCHFT_SPECIALIST);

        mvc.perform(get("/cases/" + caseId + "/measures").session(specialist)).andExpect(status().isNotFound());
        mvc.perform(get("/cases/" + caseId + "/measures/new").session(specialist)).andExpect(status().isNotFound());
        mvc.perform(get("/cases/" + caseId + "/measures/new?measure=PHQ9").session(specialist))
                .andExpect(status().isNotFound());
        mvc.perform(withAnswers(post("/cases/" + caseId + "/measures/new").param("measure", "PHQ9")
                .param("point", "BASELINE"), total("PHQ9", 20)).session(specialist).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(count("SELECT COUNT(*) FROM measure_response WHERE case_id = ?", caseId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE record_type = 'case-measures' AND record_id = ?",
                String.valueOf(caseId))).isZero();
    }

    // --- helpers ---

    private org.springframework.test.web.servlet.ResultActions take(MockHttpSession session, long caseId,
            String measure, String point, Map<Integer, Integer> answers) throws Exception {
        return mvc.perform(withAnswers(post("/cases/" + caseId + "/measures/new").param("measure", measure)
                .param("point", point), answers).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private static MockHttpServletRequestBuilder withAnswers(MockHttpServletRequestBuilder request,
            Map<Integer, Integer> answers) {
        answers.forEach((position, value) -> request.param("q" + position, String.valueOf(value)));
        return request;
    }

    private Map<Integer, Integer> total(String code, int total) {
        return MeasureScoringTest.answersTotalling(measures.findByCode(code).orElseThrow(), total);
    }

    /** The text of each body row of a measure's table, found by the heading above it. */
    private static List<String> rows(Document page, String code) {
        Element heading = page.getElementById("measure-" + code);
        assertThat(heading).as("heading for " + code).isNotNull();
        Element table = heading.nextElementSibling();
        // The table, or the scrolling region holding it.
        while (table != null && !table.tagName().equals("table") && table.selectFirst("> table") == null) {
            table = table.nextElementSibling();
        }
        if (table != null && !table.tagName().equals("table")) {
            table = table.selectFirst("> table");
        }
        assertThat(table).as("table for " + code).isNotNull();
        return table.select("tbody tr").eachText();
    }

    private List<Map<String, Object>> improvedMilestones(long caseId) {
        return MilestoneText.withText(jdbc, jdbc.sql("SELECT * FROM milestone WHERE case_id = ? AND type = 'MEASURE_IMPROVED'")
                .param(caseId).query().listOfRows());
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private int count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Integer.class).single();
    }

    /**
     * A case of its own at Bury Live Well on WorkWell, held by the coach. Its referral is inserted with
     * SQL rather than through the referral module's intake, so that this test adds no dependency from
     * casework on the referral module (which depends on casework to open cases).
     */
    private long openCase() {
        String reference = "MS" + letters(8).toUpperCase();
        String lastName = "Measure" + letters(8);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        long buryLiveWell = organisations.findByName("Bury Council Live Well service").orElseThrow().id();
        long coach = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.BURY_COACH).query(Long.class)
                .single();
        long workWell = programmes.findByCode("WW").orElseThrow().id();
        Timestamp now = Timestamp.from(Instant.now());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO referral (reference, status, source, received_at, response_due_at, routed_organisation_id,
                                      referring_for, first_name, last_name, date_of_birth, postcode,
                                      contact_preference, employment_status, consent_to_contact, match_key,
                                      programme_id, assigned_person_id)
                VALUES (?, 'ACCEPTED', 'PUBLIC', ?, ?, ?, 'SELF', 'Sam', ?, ?, 'BL9 0EJ', 'PHONE', 'UNEMPLOYED',
                        TRUE, ?, ?, ?)
                """).params(reference, now, now, buryLiveWell, lastName, Date.valueOf(LocalDate.of(1980, 3, 3)),
                "sam|" + lastName.toLowerCase() + "|1980-03-03", workWell, coach).update(key, "id");
        long referralId = key.getKeyAs(Long.class);
        return casework.openCase(new OpenCase(referralId, reference, workWell, null, buryLiveWell, coach,
                "UNEMPLOYED", today));
    }
}

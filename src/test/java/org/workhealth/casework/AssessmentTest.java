package org.workhealth.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.letters;
import static org.workhealth.TestData.today;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workhealth.SignIn;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;

/** The work and health assessment (drafts, completion, versions) and the IPS vocational profile. */
@SpringBootTest
@AutoConfigureMockMvc
class AssessmentTest {

    private static final String BCHFT_SPECIALIST = "specialist@bchft.workhealth.example";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Organisations organisations;
    private final Casework casework;

    @Autowired
    AssessmentTest(MockMvc mvc, JdbcClient jdbc, Programmes programmes,
            Organisations organisations, Casework casework) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.organisations = organisations;
        this.casework = casework;
    }

    @Test
    void aDraftKeepsItsAnswersAndIsSavedOverUntilCompleted() throws Exception {
        long caseId = buryCase();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        Document empty = page(coach, "/cases/" + caseId + "/assessment");
        assertThat(empty.select("h1").text()).isEqualTo("Work and health assessment");
        assertThat(empty.select("button").eachText()).contains("Save as draft", "Complete assessment");
        assertThat(empty.select("a.govuk-back-link").attr("href")).isEqualTo("/cases/" + caseId);

        mvc.perform(answers(caseId, "draft").session(coach).param("healthConditions", "Lower back pain")
                .param("barriers", "CONFIDENCE", "TRANSPORT").param("fitNote", "MAY_BE_FIT")
                .param("fitNoteAdjustments", "ALTERED_HOURS").param("fitNoteFromDay", "2")
                .param("fitNoteFromMonth", "3").param("fitNoteFromYear", "2026"))
                .andExpect(redirectedUrl("/cases/" + caseId + "/assessment"));

        Document draft = page(coach, "/cases/" + caseId + "/assessment");
        assertThat(draft.select("textarea[name=healthConditions]").text()).isEqualTo("Lower back pain");
        assertThat(draft.select("textarea[name=goals]").text()).isEmpty();
        assertThat(draft.select("input[name=barriers][checked]").eachAttr("value"))
                .containsExactly("CONFIDENCE", "TRANSPORT");
        assertThat(draft.select("input[name=fitNote][value=MAY_BE_FIT]").hasAttr("checked")).isTrue();
        assertThat(draft.select("input[name=fitNoteAdjustments][checked]").eachAttr("value"))
                .containsExactly("ALTERED_HOURS");
        assertThat(draft.select("input[name=fitNoteFromDay]").val()).isEqualTo("2");
        assertThat(draft.select("#assessment-state").text()).contains("draft of version 1", "Daniel Brooks");
        assertThat(draft.select("#versions").text()).contains("Version 1", "Draft");

        // Saving again changes the same draft, not a new version.
        mvc.perform(answers(caseId, "draft").session(coach).param("healthConditions", "Lower back pain")
                .param("goals", "Back to my job as a driver"));
        assertThat(versions(caseId)).isEqualTo(1);
        assertThat(page(coach, "/cases/" + caseId + "/assessment").select("textarea[name=goals]").text())
                .isEqualTo("Back to my job as a driver");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE record_type = 'case' AND record_id = ? "
                + "AND action = 'SAVE_ASSESSMENT'", String.valueOf(caseId))).isEqualTo(2);
    }

    @Test
    void completingFreezesTheVersionAndAChangeStartsVersionTwo() throws Exception {
        long caseId = buryCase();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        mvc.perform(answers(caseId, "complete").session(coach).param("healthConditions", "Anxiety")
                .param("goals", "Find part-time work").param("barriers", "CONFIDENCE").param("fitNote", "NOT_FIT")
                .param("fitNoteFromDay", "1").param("fitNoteFromMonth", "4").param("fitNoteFromYear", "2026")
                .param("fitNoteToDay", "30").param("fitNoteToMonth", "4").param("fitNoteToYear", "2026"))
                .andExpect(redirectedUrl("/cases/" + caseId + "/assessment/versions/1"));
        assertThat(assessmentStatus(caseId, 1)).isEqualTo("COMPLETED");

        Document v1 = page(coach, "/cases/" + caseId + "/assessment/versions/1");
        assertThat(v1.select("h1").text()).isEqualTo("Work and health assessment, version 1");
        assertThat(v1.select("main .govuk-tag").text()).isEqualTo("Completed");
        assertThat(v1.select("#answers").text()).contains("Anxiety", "Find part-time work", "Confidence",
                "Not fit for work", "1 April 2026 to 30 April 2026");
        assertThat(v1.select("main form")).isEmpty();

        // The form starts from the completed answers and says a save starts version 2.
        Document next = page(coach, "/cases/" + caseId + "/assessment");
        assertThat(next.select("textarea[name=healthConditions]").text()).isEqualTo("Anxiety");
        assertThat(next.select("#assessment-state").text()).contains("Version 1 was completed",
                "starts version 2");

        mvc.perform(answers(caseId, "draft").session(coach).param("healthConditions", "Anxiety and depression")
                .param("goals", "Find part-time work"));
        assertThat(versions(caseId)).isEqualTo(2);
        assertThat(assessmentStatus(caseId, 1)).isEqualTo("COMPLETED");
        assertThat(assessmentStatus(caseId, 2)).isEqualTo("DRAFT");

        // Version 1 is unchanged and still viewable; both are listed.
        Document v1Again = page(coach, "/cases/" + caseId + "/assessment/versions/1");
        assertThat(v1Again.select("#answers").text()).contains("Anxiety").doesNotContain("Anxiety and depression");
        assertThat(page(coach, "/cases/" + caseId + "/assessment/versions/2").select("#answers").text())
                .contains("Anxiety and depression");
        Document main = page(coach, "/cases/" + caseId + "/assessment");
        assertThat(main.select("#versions a").eachAttr("href")).containsExactly(
                "/cases/" + caseId + "/assessment/versions/2", "/cases/" + caseId + "/assessment/versions/1");
        assertThat(main.select("#versions").text()).contains("Draft", "Completed");
        mvc.perform(get("/cases/" + caseId + "/assessment/versions/3").session(coach))
                .andExpect(status().isNotFound());
    }

    @Test
    void problemsAreShownTheGovukWayAndNothingIsSaved() throws Exception {
        long caseId = buryCase();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        Document page = Jsoup.parse(mvc.perform(answers(caseId, "complete").session(coach)
                .param("healthConditions", "x".repeat(2001)).param("goals", "Keep my job")
                .param("fitNote", "MAY_BE_FIT").param("fitNoteAdjustments", "PHASED_RETURN")
                .param("fitNoteFromDay", "10").param("fitNoteFromMonth", "5").param("fitNoteFromYear", "2026")
                .param("fitNoteToDay", "9").param("fitNoteToMonth", "5").param("fitNoteToYear", "2026"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary a").eachText()).containsExactly(
                "Health conditions must be 2000 characters or fewer",
                "Fit note end date must be the same as or after the start date");
        assertThat(page.select(".govuk-error-summary a").eachAttr("href"))
                .containsExactly("#healthConditions", "#fitNoteTo-day");
        assertThat(page.select("#healthConditions-error").text()).contains("2000 characters or fewer");
        assertThat(page.select("#fitNoteTo-error").text()).contains("after the start date");
        // The other answers are kept.
        assertThat(page.select("textarea[name=goals]").text()).isEqualTo("Keep my job");
        assertThat(page.select("input[name=fitNoteAdjustments][value=PHASED_RETURN]").hasAttr("checked")).isTrue();
        assertThat(page.select("input[name=fitNoteToDay]").val()).isEqualTo("9");

        Document badDate = Jsoup.parse(mvc.perform(answers(caseId, "draft").session(coach)
                .param("fitNote", "NOT_FIT").param("fitNoteFromDay", "31").param("fitNoteFromMonth", "2")
                .param("fitNoteFromYear", "2026")).andReturn().getResponse().getContentAsString());
        assertThat(badDate.select(".govuk-error-summary a").eachText())
                .containsExactly("Fit note start date must be a real date");
        assertThat(versions(caseId)).isZero();
    }

    @Test
    void anIpsCaseHasAVocationalProfile() throws Exception {
        long caseId = ipsCase();
        MockHttpSession specialist = SignIn.as(mvc, BCHFT_SPECIALIST);

        Document empty = page(specialist, "/cases/" + caseId + "/vocational-profile");
        assertThat(empty.select("h1").text()).isEqualTo("Vocational profile");
        assertThat(empty.select("input[name=sectors]")).hasSize(21);
        assertThat(empty.select("label[for=sectors-17]").text()).contains("Q: Human health and social work activities");

        mvc.perform(post("/cases/" + caseId + "/vocational-profile").session(specialist).with(csrf())
                .param("jobPreferences", "Warehouse or retail, no night shifts").param("hoursPerWeek", "20")
                .param("sectors", "G", "H").param("travel", "Up to 30 minutes by bus")
                .param("disclosure", "YES").param("disclosureHow", "With my specialist after an offer"))
                .andExpect(redirectedUrl("/cases/" + caseId + "/vocational-profile"));

        Document saved = page(specialist, "/cases/" + caseId + "/vocational-profile");
        assertThat(saved.select("textarea[name=jobPreferences]").text())
                .isEqualTo("Warehouse or retail, no night shifts");
        assertThat(saved.select("input[name=hoursPerWeek]").val()).isEqualTo("20");
        assertThat(saved.select("input[name=sectors][checked]").eachAttr("value")).containsExactly("G", "H");
        assertThat(saved.select("textarea[name=travel]").text()).isEqualTo("Up to 30 minutes by bus");
        assertThat(saved.select("input[name=disclosure][value=YES]").hasAttr("checked")).isTrue();
        assertThat(saved.select("textarea[name=disclosureHow]").text()).isEqualTo("With my specialist after an offer");

        Document bad = Jsoup.parse(mvc.perform(post("/cases/" + caseId + "/vocational-profile").session(specialist)
                .with(csrf()).param("hoursPerWeek", "lots")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(bad.select(".govuk-error-summary a").eachText())
                .containsExactly("Hours a week must be a whole number, like 16");
        assertThat(jdbc.sql("SELECT hours_per_week FROM vocational_profile WHERE case_id = ?").param(caseId)
                .query(Integer.class).single()).isEqualTo(20);
    }

    @Test
    void aNonIpsCaseIsToldTheProfileIsForIpsOnly() throws Exception {
        long caseId = buryCase();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        Document page = page(coach, "/cases/" + caseId + "/vocational-profile");
        assertThat(page.select(".govuk-inset-text").text()).contains("for individual placement and support (IPS) "
                + "programmes only");
        assertThat(page.select("main form")).isEmpty();
        mvc.perform(post("/cases/" + caseId + "/vocational-profile").session(coach).with(csrf())
                .param("jobPreferences", "Anything")).andExpect(status().is3xxRedirection());
        assertThat(count("SELECT COUNT(*) FROM vocational_profile WHERE case_id = ?", caseId)).isZero();
    }

    @Test
    void anotherProviderGetsNotFoundAndChangesNothing() throws Exception {
        long caseId = buryCase();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(answers(caseId, "complete").session(coach).param("goals", "Work again"));
        MockHttpSession specialist = SignIn.as(mvc, BCHFT_SPECIALIST);

        mvc.perform(get("/cases/" + caseId + "/assessment").session(specialist)).andExpect(status().isNotFound());
        mvc.perform(get("/cases/" + caseId + "/assessment/versions/1").session(specialist))
                .andExpect(status().isNotFound());
        mvc.perform(answers(caseId, "draft").session(specialist).param("goals", "Changed"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cases/" + caseId + "/vocational-profile").session(specialist))
                .andExpect(status().isNotFound());
        assertThat(versions(caseId)).isEqualTo(1);
        assertThat(assessmentStatus(caseId, 1)).isEqualTo("COMPLETED");

        long ipsCase = ipsCase();
        mvc.perform(get("/cases/" + ipsCase + "/vocational-profile").session(coach)).andExpect(status().isNotFound());
        mvc.perform(post("/cases/" + ipsCase + "/vocational-profile").session(coach).with(csrf())
                .param("jobPreferences", "Anything")).andExpect(status().isNotFound());
        assertThat(count("SELECT COUNT(*) FROM vocational_profile WHERE case_id = ?", ipsCase)).isZero();
    }

    // --- helpers ---

    private MockHttpServletRequestBuilder answers(long caseId, String action) {
        return post("/cases/" + caseId + "/assessment").with(csrf()).param("action", action);
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    /** A WorkWell case at Bury Live Well held by the coach. */
    private long buryCase() {
        return openCase(programmes.findByCode("WW").orElseThrow().id(), "Bury Council Live Well service",
                SignIn.BURY_COACH);
    }

    /** A Thrive into Work (IPS) case at BCHFT held by its employment specialist. */
    private long ipsCase() {
        return openCase(programmes.findByCode("TIW").orElseThrow().id(),
                "Black Country Healthcare NHS Foundation Trust", BCHFT_SPECIALIST);
    }

    /**
     * The referral is written with SQL rather than through the referral module, so that these
     * casework tests do not depend on it (referral depends on casework).
     */
    private long openCase(long programmeId, String provider, String keyWorker) {
        String reference = "AS" + letters(8).toUpperCase();
        long organisationId = organisations.findByName(provider).orElseThrow().id();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO referral (reference, status, source, received_at, response_due_at, routed_organisation_id,
                       referring_for, first_name, last_name, date_of_birth, postcode, contact_preference,
                       employment_status, consent_to_contact, match_key, programme_id)
                VALUES (?, 'ACCEPTED', 'PUBLIC', ?, ?, ?, 'SELF', 'Alex', ?, ?, 'BL9 0EJ', 'PHONE', 'UNEMPLOYED',
                        TRUE, ?, ?)
                """).params(reference, now, now, organisationId, "Assess" + reference, Date.valueOf(LocalDate.of(1980,
                6, 6)), "match-" + reference, programmeId).update();
        long referralId = jdbc.sql("SELECT id FROM referral WHERE reference = ?").param(reference).query(Long.class)
                .single();
        return casework.openCase(new OpenCase(referralId, reference, programmeId, null, organisationId,
                personId(keyWorker), "UNEMPLOYED", today()));
    }

    private long personId(String email) {
        return jdbc.sql("SELECT id FROM person WHERE email = ?").param(email).query(Long.class).single();
    }

    private int versions(long caseId) {
        return count("SELECT COUNT(*) FROM assessment WHERE case_id = ?", caseId);
    }

    private String assessmentStatus(long caseId, int version) {
        Map<String, Object> row = jdbc.sql("SELECT status FROM assessment WHERE case_id = ? AND version = ?")
                .params(caseId, version).query().singleRow();
        return (String) row.get("status");
    }

    private int count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Integer.class).single();
    }
}

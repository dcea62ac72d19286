package org.workhealth.employer.engagement;

import org.workhealth.MilestoneText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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

/**
 * Engagements and case studies through their pages: an advisor records an engagement and the Thrive at Work
 * engagements figure rises by its attendees; a case study is published only after the employer's consent is
 * recorded, and then counts; bad answers keep the others and save nothing; nobody outside the hub sees or changes them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EngagementsAndCaseStudiesPagesTest {

    static final String ADVISOR = "advisor@wmca.workhealth.example";
    static final String LEAD = "lead@acme.workhealth.example";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdvisorRecordsAnEngagementAndTheFigureRisesByItsAttendees() throws Exception {
        MockHttpSession advisor = SignIn.as(mvc, ADVISOR);
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        long before = engagementsThisQuarter(commissioner);
        long employer = acme();
        LocalDate today = LocalDate.now();

        MvcResult saved = mvc.perform(post("/thrive-at-work/engagements/new").session(advisor).with(csrf())
                        .param("title", "Stress risk assessment workshop").param("kind", "WORKSHOP")
                        .param("heldOnDay", String.valueOf(today.getDayOfMonth()))
                        .param("heldOnMonth", String.valueOf(today.getMonthValue()))
                        .param("heldOnYear", String.valueOf(today.getYear()))
                        .param("employers", String.valueOf(employer)).param("attendees", "37")
                        .param("names", "Ada Lovelace\nAlan Turing"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = saved.getResponse().getRedirectedUrl();
        Document page = page(mvc.perform(get(location).session(advisor)).andExpect(status().isOk()).andReturn());
        assertThat(page.text()).contains("Stress risk assessment workshop", "37", "Ada Lovelace, Alan Turing");

        assertThat(engagementsThisQuarter(commissioner)).isEqualTo(before + 37);
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(MilestoneText.of(jdbc, jdbc.sql("SELECT milestone_id FROM employer_engagement WHERE id = ?")
                .param(id).query(Long.class).single())).contains("attendees=37");

        // Outside the hub: not found, for the page and for the form.
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        mvc.perform(get(location).session(gm)).andExpect(status().isNotFound());
        // Greater Manchester runs the programme for its own hub's employers, none of the West Midlands'.
        Document gmDashboard = page(mvc.perform(get("/thrive-at-work").session(gm)).andExpect(status().isOk())
                .andReturn());
        assertThat(gmDashboard.selectFirst("[data-figure=employees]").text()).isEqualTo("0");
        assertThat(gmDashboard.select("#sectors tr[data-sector]")).isEmpty();
        mvc.perform(get("/thrive-at-work").session(SignIn.as(mvc, SignIn.BURY_COACH))).andExpect(status().isNotFound());
        mvc.perform(get("/thrive-at-work/engagements/new").session(SignIn.as(mvc, SignIn.BURY_MANAGER)))
                .andExpect(status().isNotFound());
        // An employer's own people see nothing of other employers' engagements, and record none.
        mvc.perform(get("/thrive-at-work/engagements/new").session(SignIn.as(mvc, LEAD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void badAnswersAreShownWithTheOthersKeptAndNothingIsSaved() throws Exception {
        MockHttpSession advisor = SignIn.as(mvc, ADVISOR);
        long count = engagements();
        Document page = page(mvc.perform(post("/thrive-at-work/engagements/new").session(advisor).with(csrf())
                        .param("title", "Kept title").param("kind", "NOT_A_KIND").param("heldOnDay", "31")
                        .param("heldOnMonth", "2").param("heldOnYear", "2026").param("attendees", "lots")
                        .param("employers", "999999999"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select(".govuk-error-summary__list li").eachText()).contains(
                "Select what kind of engagement it was", "Date of the engagement must be a real date",
                "Select the employers from the list", "Number of attendees must be a whole number, like 25");
        assertThat(page.selectFirst("#title").val()).isEqualTo("Kept title");
        assertThat(engagements()).isEqualTo(count);

        // One-to-one with two employers, and fewer attendees than names.
        List<Long> two = jdbc.sql("SELECT id FROM employer WHERE status = 'CONFIRMED' ORDER BY id FETCH FIRST 2 ROWS ONLY")
                .query(Long.class).list();
        Document again = page(mvc.perform(post("/thrive-at-work/engagements/new").session(advisor).with(csrf())
                        .param("title", "Visit").param("kind", "ONE_TO_ONE").param("heldOnDay", "1")
                        .param("heldOnMonth", "4").param("heldOnYear", "2026").param("attendees", "1")
                        .param("employers", String.valueOf(two.get(0)), String.valueOf(two.get(1)))
                        .param("names", "A Person\nB Person"))
                .andExpect(status().isOk()).andReturn());
        assertThat(again.select(".govuk-error-summary__list li").eachText()).contains(
                "A one-to-one session is held with one employer: select one",
                "Number of attendees must be at least the number of names given (2)");
        assertThat(engagements()).isEqualTo(count);
    }

    @Test
    void aCaseStudyIsPublishedOnlyWithConsentAndThenCounts() throws Exception {
        MockHttpSession advisor = SignIn.as(mvc, ADVISOR);
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        long before = caseStudiesThisQuarter(commissioner);
        MvcResult written = mvc.perform(post("/thrive-at-work/case-studies/new").session(advisor).with(csrf())
                        .param("employer", String.valueOf(acme())).param("title", "Quiet rooms")
                        .param("body", "Two quiet rooms opened.\n\nStaff use them daily."))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = written.getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        // A draft cannot be published, and approval needs the consent.
        mvc.perform(post(location + "/publish").session(advisor).with(csrf()).param("version", "0"))
                .andExpect(status().isOk());
        Document refused = page(mvc.perform(post(location + "/approve").session(advisor).with(csrf())
                .param("consentGivenBy", "Jo Bloggs").param("version", "0")).andExpect(status().isOk()).andReturn());
        assertThat(refused.select(".govuk-error-summary__list li").eachText())
                .contains("Confirm that the employer agreed to the case study being published");
        assertThat(statusOf(id)).isEqualTo("DRAFT");

        mvc.perform(post(location + "/approve").session(advisor).with(csrf()).param("consentGivenBy", "Jo Bloggs")
                .param("consent", "yes").param("version", "0")).andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("APPROVED");
        // Another organisation cannot publish it by changing the address.
        mvc.perform(post(location + "/publish").session(SignIn.as(mvc, SignIn.GM_COMMISSIONER)).with(csrf())
                .param("version", "1")).andExpect(status().isNotFound());
        mvc.perform(post(location + "/publish").session(advisor).with(csrf()).param("version", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("PUBLISHED");
        assertThat(caseStudiesThisQuarter(commissioner)).isEqualTo(before + 1);

        Document page = page(mvc.perform(get(location).session(advisor)).andExpect(status().isOk()).andReturn());
        assertThat(page.text()).contains("Published", "Jo Bloggs");
        // Publishing twice (an old form) is refused and counts nothing more.
        mvc.perform(post(location + "/publish").session(advisor).with(csrf()).param("version", "1"))
                .andExpect(status().isOk());
        assertThat(caseStudiesThisQuarter(commissioner)).isEqualTo(before + 1);
    }

    @Test
    void theBoardReportShowsThePilotsOfThePaper() throws Exception {
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        Document report = page(mvc.perform(get("/performance/reports/board?programme=TAW&quarter=2023-Q4")
                .session(commissioner)).andExpect(status().isOk()).andReturn());
        assertThat(report.select("[data-pilots=TAW] tbody tr").eachAttr("data-pilot")).containsExactly(
                "Empowering workforces through behaviour change", "Black Thrive", "Thrive at Night");
        assertThat(report.select("[data-pilot='Black Thrive'] [data-column=attendees]").text()).isEqualTo("61");
        Document pilots = page(mvc.perform(get("/thrive-at-work/pilots").session(commissioner))
                .andExpect(status().isOk()).andReturn());
        assertThat(pilots.text()).contains("The Wellbeing Project", "Happiworkers", "The Drinks Trust");
        long pilot = jdbc.sql("SELECT MIN(id) FROM employer_pilot").query(Long.class).single();
        mvc.perform(get("/thrive-at-work/pilots/" + pilot).session(SignIn.as(mvc, SignIn.GM_COMMISSIONER)))
                .andExpect(status().isNotFound());
        Document bad = page(mvc.perform(post("/thrive-at-work/pilots/" + pilot + "/sessions/new").session(commissioner)
                        .with(csrf()).param("heldOnDay", "1").param("heldOnMonth", "1").param("heldOnYear", "2020")
                        .param("kind", "WORKSHOP").param("attendees", "-4"))
                .andExpect(status().isOk()).andReturn());
        assertThat(bad.select(".govuk-error-summary__list li").eachText()).hasSize(2);
    }

    private long acme() {
        return jdbc.sql("SELECT id FROM employer WHERE name = 'Acme Components Ltd'").query(Long.class).single();
    }

    private long engagements() {
        return jdbc.sql("SELECT COUNT(*) FROM employer_engagement").query(Long.class).single();
    }

    private String statusOf(long id) {
        return jdbc.sql("SELECT status FROM employer_case_study WHERE id = ?").param(id).query(String.class).single();
    }

    private long engagementsThisQuarter(MockHttpSession session) throws Exception {
        return kpi(session, "ENGAGEMENTS");
    }

    private long caseStudiesThisQuarter(MockHttpSession session) throws Exception {
        return kpi(session, "CASE_STUDIES");
    }

    /** The KPI's actual for this quarter on the Thrive at Work dashboard ("+37 so far" is 37). */
    private long kpi(MockHttpSession session, String code) throws Exception {
        Document page = page(mvc.perform(get("/thrive-at-work").session(session)).andExpect(status().isOk()).andReturn());
        int quarter = org.workhealth.calendar.Quarter.containing(LocalDate.now()).number();
        String text = page.selectFirst("tr[data-kpi=" + code + "] [data-column=q" + quarter + "-actual] span").text();
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}

package org.workhealth.employer.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.workhealth.SignIn;
import org.workhealth.employer.AccreditationFixtures;
import org.workhealth.employer.AccreditationFixtures.TestEmployer;
import org.workhealth.organisation.Role;

/**
 * The employer's accreditation through its pages: self-assessment and evidence, sending Bronze for assessment, the
 * assessor asking for more, resubmission, the award and its certificate; and who may see and do each, including
 * another employer editing a URL or a form.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class AccreditationTest {

    private static final List<String> BRONZE = List.of("B-TRAIN-1", "B-MH-1", "B-MH-2", "B-MSK-1", "B-PA-1", "B-FIN-1");

    @Autowired
    private MockMvc mvc;
    @Autowired
    private AccreditationFixtures fixtures;
    @Autowired
    private Awards awards;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ApplicationEvents events;

    @Test
    void anEmployerSelfAssessesSendsBronzeIsAskedForMoreResubmitsAndIsAwarded() throws Exception {
        TestEmployer employer = fixtures.employer("Bronze Bakers");
        MockHttpSession lead = SignIn.as(mvc, employer.leadEmail());
        String base = "/thrive-at-work/employers/" + employer.id() + "/accreditation";

        Document overview = page(get(base), lead);
        assertThat(overview.select("#levels .govuk-task-list__item").eachText()).anyMatch(t -> t.startsWith("Bronze")
                && t.contains("Not started"));
        assertThat(overview.select("[data-demonstration]").text()).contains("Criteria written for this demonstration");

        for (String code : BRONZE) {
            mvc.perform(post(base + "/criteria/" + code).session(lead).with(csrf())
                    .param("answer", "We do this: " + code).param("ready", "yes"))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(multipart(base + "/criteria/B-MH-1/evidence")
                .file(new MockMultipartFile("file", "briefing.pdf", "application/pdf", AccreditationFixtures.pdf()))
                .param("description", "Line manager briefing").session(lead).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Document level = page(get(base + "/levels/BRONZE"), lead);
        assertThat(level.select("#criteria .govuk-task-list__status").eachText()).containsOnly("Ready for assessment");
        assertThat(level.text()).contains("1 piece of evidence");

        mvc.perform(post(base + "/levels/BRONZE/submit").session(lead).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long round1 = latestRound(employer.id());

        // The assessor asks for more on one criterion, with feedback.
        MockHttpSession assessor = SignIn.as(mvc, "assessor@wmca.workhealth.example");
        Document queue = page(get("/thrive-at-work/assessments"), assessor);
        assertThat(queue.select("a[href=" + base + "/rounds/" + round1 + "]")).hasSize(1);
        var decide = post(base + "/rounds/" + round1).session(assessor).with(csrf());
        for (String code : BRONZE) {
            decide.param("decision-" + code, code.equals("B-MH-2") ? "MORE_NEEDED" : "MET");
        }
        decide.param("feedback-B-MH-2", "Please send the return-to-work procedure itself.");
        mvc.perform(decide).andExpect(status().is3xxRedirection());

        Document criterion = page(get(base + "/criteria/B-MH-2"), lead);
        assertThat(criterion.select("#feedback").text()).contains("Please send the return-to-work procedure itself.");
        assertThat(criterion.text()).contains("More needed");
        mvc.perform(post(base + "/criteria/B-MH-2").session(lead).with(csrf())
                .param("answer", "Our procedure is attached.").param("ready", "yes"))
                .andExpect(status().is3xxRedirection());
        // A met criterion is not changed any more.
        mvc.perform(post(base + "/criteria/B-MH-1").session(lead).with(csrf()).param("answer", "Changed")
                .param("ready", "yes")).andExpect(status().isNotFound());
        mvc.perform(post(base + "/levels/BRONZE/submit").session(lead).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long round2 = latestRound(employer.id());
        assertThat(round2).isNotEqualTo(round1);

        var decideAgain = post(base + "/rounds/" + round2).session(assessor).with(csrf());
        BRONZE.forEach(code -> decideAgain.param("decision-" + code, "MET"));
        mvc.perform(decideAgain).andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/rounds/" + round2 + "/award").session(assessor).with(csrf()))
                .andExpect(status().is3xxRedirection());

        CurrentAward award = awards.current(employer.id()).orElseThrow();
        assertThat(award.level()).isEqualTo("BRONZE");
        assertThat(award.expiresOn()).isEqualTo(award.awardedOn().plusYears(2));
        assertThat(award.reaccreditationDueOn()).isEqualTo(award.expiresOn().minusMonths(3));
        assertThat(award.lapsed()).isFalse();
        assertThat(events.stream(EmployerAccredited.class).filter(e -> e.employerId() == employer.id()))
                .singleElement().satisfies(e -> assertThat(e.level()).isEqualTo("BRONZE"));

        // Both rounds are kept and shown.
        Document history = page(get(base + "/levels/BRONZE"), lead);
        assertThat(history.select("table").text()).contains("Round 2", "All criteria met", "Round 1", "More needed");
        Document first = page(get(base + "/rounds/" + round1), lead);
        assertThat(first.select("table").text()).contains("Please send the return-to-work procedure itself.",
                "We do this: B-MH-2");

        Document awarded = page(get(base), lead);
        assertThat(awarded.select(".govuk-summary-list").text()).contains("Bronze", "Reaccreditation due");
        String certificate = awarded.select("a[href$=certificate.pdf]").attr("href");
        MockHttpServletResponse pdf = mvc.perform(get(certificate).session(lead)).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void anotherEmployerCannotSeeOrChangeAnAssessmentOrItsFilesByEditingAUrlOrAForm() throws Exception {
        TestEmployer owner = fixtures.employer("Owner Ltd");
        TestEmployer other = fixtures.employer("Other Ltd");
        MockHttpSession ownerLead = SignIn.as(mvc, owner.leadEmail());
        String base = "/thrive-at-work/employers/" + owner.id() + "/accreditation";
        mvc.perform(multipart(base + "/criteria/B-MH-1/evidence")
                .file(new MockMultipartFile("file", "policy.pdf", "application/pdf", AccreditationFixtures.pdf()))
                .param("description", "Our policy").session(ownerLead).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long evidence = jdbc.sql("SELECT MAX(id) FROM criterion_evidence WHERE employer_id = ?").param(owner.id())
                .query(Long.class).single();
        String file = "/thrive-at-work/employers/" + owner.id() + "/evidence/" + evidence;
        MockHttpServletResponse download = mvc.perform(get(file).session(ownerLead)).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment").contains("policy.pdf");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        MockHttpSession otherLead = SignIn.as(mvc, other.leadEmail());
        for (String path : List.of(base, base + "/levels/BRONZE", base + "/criteria/B-MH-1", file)) {
            mvc.perform(get(path).session(otherLead)).andExpect(status().isNotFound());
        }
        // The other employer's own evidence id under the owner's URL, and the owner's under its own, are not found.
        mvc.perform(get("/thrive-at-work/employers/" + other.id() + "/evidence/" + evidence).session(otherLead))
                .andExpect(status().isNotFound());
        mvc.perform(post(base + "/criteria/B-MH-1").session(otherLead).with(csrf()).param("answer", "Hijack")
                .param("ready", "yes")).andExpect(status().isNotFound());
        mvc.perform(multipart(base + "/criteria/B-MH-1/evidence")
                .file(new MockMultipartFile("file", "x.pdf", "application/pdf", AccreditationFixtures.pdf()))
                .param("description", "Hijack").session(otherLead).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(base + "/levels/BRONZE/submit").session(otherLead).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(base + "/register").session(otherLead).with(csrf()).param("listed", "yes"))
                .andExpect(status().isNotFound());
        // Staff outside the hub, and a commissioner who runs the programme but is not advisor or assessor, get no file.
        mvc.perform(get(file).session(SignIn.as(mvc, SignIn.GM_COMMISSIONER))).andExpect(status().isNotFound());
        mvc.perform(get(file).session(SignIn.as(mvc, SignIn.BURY_COACH))).andExpect(status().isNotFound());
        mvc.perform(get(file).session(SignIn.as(mvc, SignIn.WMCA_COMMISSIONER))).andExpect(status().isNotFound());
        // Its advisor and an assessor open it.
        mvc.perform(get(file).session(SignIn.as(mvc, "advisor@wmca.workhealth.example"))).andExpect(status().isOk());
        mvc.perform(get(file).session(SignIn.as(mvc, "assessor@wmca.workhealth.example"))).andExpect(status().isOk());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM criterion_progress WHERE answer = 'Hijack'").query(Integer.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM criterion_evidence WHERE description = 'Hijack'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void evidenceFilesAreCheckedByTheirContentAndSizeWithTheOtherAnswersKept() throws Exception {
        TestEmployer employer = fixtures.employer("Files Ltd");
        MockHttpSession lead = SignIn.as(mvc, employer.leadEmail());
        String evidence = "/thrive-at-work/employers/" + employer.id() + "/accreditation/criteria/B-MH-1/evidence";

        Document renamed = page(multipart(evidence).file(new MockMultipartFile("file", "report.pdf",
                "application/pdf", "MZ this is a program".getBytes())).param("description", "Kept description")
                .with(csrf()), lead);
        assertThat(renamed.select(".govuk-error-summary a[href=#file]").text())
                .isEqualTo("The selected file must be a PDF, Word document (.docx), PNG or JPEG");
        assertThat(renamed.select("#file-error").text()).contains("must be a PDF");
        assertThat(renamed.select("textarea#description").text()).isEqualTo("Kept description");

        Document mismatched = page(multipart(evidence).file(new MockMultipartFile("file", "photo.pdf",
                "application/pdf", AccreditationFixtures.png())).param("description", "A photo").with(csrf()), lead);
        assertThat(mismatched.select("#file-error").text()).contains("must be a PDF");

        byte[] large = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(AccreditationFixtures.pdf(), 0, large, 0, 5);
        Document tooLarge = page(multipart(evidence).file(new MockMultipartFile("file", "big.pdf",
                "application/pdf", large)).param("description", "Big").with(csrf()), lead);
        assertThat(tooLarge.select("#file-error").text()).contains("The selected file must be smaller than 10 MB");

        Document noDescription = page(multipart(evidence).file(new MockMultipartFile("file", "policy.docx",
                "application/octet-stream", AccreditationFixtures.docx())).param("description", " ").with(csrf()),
                lead);
        assertThat(noDescription.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter what this evidence shows");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM criterion_evidence WHERE employer_id = ?").param(employer.id())
                .query(Integer.class).single()).isZero();

        for (var accepted : List.of(new MockMultipartFile("file", "policy.docx", "application/octet-stream",
                AccreditationFixtures.docx()), new MockMultipartFile("file", "board.png", "image/png",
                        AccreditationFixtures.png()))) {
            mvc.perform(multipart(evidence).file(accepted).param("description", "Accepted").session(lead)
                    .with(csrf())).andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.sql("SELECT content_type FROM criterion_evidence WHERE employer_id = ? ORDER BY id")
                .param(employer.id()).query(String.class).list()).containsExactly(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/png");

        Document blank = page(post("/thrive-at-work/employers/" + employer.id() + "/accreditation/criteria/B-MH-1")
                .param("answer", "x".repeat(2001)).param("ready", "maybe").with(csrf()), lead);
        assertThat(blank.select(".govuk-error-summary a").eachText()).containsExactly(
                "Your answer must be 2000 characters or fewer", "Select whether this criterion is ready for assessment");
    }

    @Test
    void anAssessorWhoAdvisesTheEmployerDoesNotAssessItAndNeitherDoesTheEmployer() throws Exception {
        TestEmployer employer = fixtures.employer("Advised Ltd");
        String both = fixtures.person(Role.EMPLOYER_ASSESSOR, Role.EMPLOYER_ADVISOR);
        fixtures.assignAdvisor(employer.id(), fixtures.personId(both));
        MockHttpSession lead = SignIn.as(mvc, employer.leadEmail());
        String base = "/thrive-at-work/employers/" + employer.id() + "/accreditation";
        for (String code : BRONZE) {
            mvc.perform(post(base + "/criteria/" + code).session(lead).with(csrf()).param("answer", "Done")
                    .param("ready", "yes")).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post(base + "/levels/BRONZE/submit").session(lead).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long round = latestRound(employer.id());
        var decide = post(base + "/rounds/" + round).with(csrf());
        BRONZE.forEach(code -> decide.param("decision-" + code, "MET"));
        mvc.perform(decide.session(SignIn.as(mvc, both))).andExpect(status().isNotFound());
        mvc.perform(decide.session(lead)).andExpect(status().isNotFound());
        Document asAdvisor = page(get(base + "/rounds/" + round), SignIn.as(mvc, both));
        assertThat(asAdvisor.select("form input[type=radio]")).isEmpty();

        // A decision of more needed without feedback is refused, the other choices kept.
        var missing = post(base + "/rounds/" + round).with(csrf());
        BRONZE.forEach(code -> missing.param("decision-" + code, code.equals("B-PA-1") ? "MORE_NEEDED" : "MET"));
        Document refused = page(missing, SignIn.as(mvc, "assessor@wmca.workhealth.example"));
        assertThat(refused.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter feedback saying what more B-PA-1 needs");
        assertThat(refused.select("input[name=decision-B-MH-1][value=MET]").hasAttr("checked")).isTrue();
        assertThat(jdbc.sql("SELECT status FROM assessment_submission WHERE id = ?").param(round)
                .query(String.class).single()).isEqualTo("SUBMITTED");
    }

    @Test
    void aCompletedModuleCountsAsProgressWithoutAnAward() throws Exception {
        TestEmployer employer = fixtures.employer("Money Matters Ltd");
        MockHttpSession lead = SignIn.as(mvc, employer.leadEmail());
        String base = "/thrive-at-work/employers/" + employer.id() + "/accreditation";
        for (String code : List.of("B-FIN-1", "G-FIN-1")) {
            mvc.perform(post(base + "/criteria/" + code).session(lead).with(csrf()).param("answer", "Done")
                    .param("ready", "yes")).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post(base + "/modules/MONEY/submit").session(lead).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long round = latestRound(employer.id());
        mvc.perform(post(base + "/rounds/" + round).session(SignIn.as(mvc, "assessor@wmca.workhealth.example"))
                .with(csrf()).param("decision-B-FIN-1", "MET").param("decision-G-FIN-1", "MET"))
                .andExpect(status().is3xxRedirection());
        assertThat(events.stream(ModuleCompleted.class).filter(e -> e.employerId() == employer.id()))
                .singleElement().satisfies(e -> assertThat(e.moduleCode()).isEqualTo("MONEY"));
        Document overview = page(get(base), lead);
        assertThat(overview.select("#modules .govuk-task-list__item").eachText())
                .anyMatch(t -> t.startsWith("Financial wellbeing") && t.endsWith("Completed"));
        assertThat(awards.current(employer.id())).isEmpty();
    }

    @Test
    void theRegisterListsCurrentAwardsOfEmployersThatAgreedAndAWithdrawnAwardLeavesIt() throws Exception {
        TestEmployer listed = fixtures.employer("Listed Lighting");
        TestEmployer unlisted = fixtures.employer("Unlisted Lighting");
        long listedAward = awardBronze(listed);
        awardBronze(unlisted);
        mvc.perform(post("/thrive-at-work/employers/" + listed.id() + "/accreditation/register")
                .session(SignIn.as(mvc, listed.leadEmail())).with(csrf()).param("listed", "yes"))
                .andExpect(status().is3xxRedirection());

        Document register = Jsoup.parse(mvc.perform(get("/thrive-at-work/register").param("name", "Lighting")
                .param("level", "BRONZE")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(register.select("table").text()).contains("Listed Lighting", "Bronze")
                .doesNotContain("Unlisted Lighting");
        Document silver = Jsoup.parse(mvc.perform(get("/thrive-at-work/register").param("name", "Listed Lighting")
                .param("level", "SILVER")).andReturn().getResponse().getContentAsString());
        assertThat(silver.select("table").text()).doesNotContain("Listed Lighting");

        // Withdrawal needs a reason; then the award is gone from the register.
        MockHttpSession assessor = SignIn.as(mvc, "assessor@wmca.workhealth.example");
        String withdraw = "/thrive-at-work/employers/" + listed.id() + "/accreditation/awards/" + listedAward
                + "/withdraw";
        mvc.perform(post(withdraw).session(SignIn.as(mvc, listed.leadEmail())).with(csrf()).param("reason", "x"))
                .andExpect(status().isNotFound());
        Document noReason = page(post(withdraw).with(csrf()).param("reason", " "), assessor);
        assertThat(noReason.select("#reason-error").text()).contains("Enter why the award is being withdrawn");
        mvc.perform(post(withdraw).session(assessor).with(csrf()).param("reason", "Policy no longer in place"))
                .andExpect(status().is3xxRedirection());
        assertThat(events.stream(AwardWithdrawn.class).filter(e -> e.awardId() == listedAward)).hasSize(1);
        assertThat(awards.current(listed.id())).isEmpty();
        Document after = Jsoup.parse(mvc.perform(get("/thrive-at-work/register").param("name", "Listed Lighting"))
                .andReturn().getResponse().getContentAsString());
        assertThat(after.select("table").text()).doesNotContain("Listed Lighting");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'WITHDRAW' AND record_id = ?")
                .param(String.valueOf(listedAward)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anAwardPastItsExpiryShowsAsLapsed() throws Exception {
        TestEmployer employer = fixtures.employer("Lapsed Ltd");
        long award = awardBronze(employer);
        jdbc.sql("UPDATE accreditation_award SET awarded_on = ?, expires_on = ? WHERE id = ?")
                .params(LocalDate.now().minusYears(3), LocalDate.now().minusYears(1), award).update();
        assertThat(awards.current(employer.id()).orElseThrow().lapsed()).isTrue();
        Document overview = page(get("/thrive-at-work/employers/" + employer.id() + "/accreditation"),
                SignIn.as(mvc, employer.leadEmail()));
        assertThat(overview.select(".govuk-summary-list").text()).contains("Lapsed", "Expired");
    }

    private long awardBronze(TestEmployer employer) throws Exception {
        MockHttpSession lead = SignIn.as(mvc, employer.leadEmail());
        String base = "/thrive-at-work/employers/" + employer.id() + "/accreditation";
        for (String code : BRONZE) {
            mvc.perform(post(base + "/criteria/" + code).session(lead).with(csrf()).param("answer", "Done")
                    .param("ready", "yes")).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post(base + "/levels/BRONZE/submit").session(lead).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long round = latestRound(employer.id());
        MockHttpSession assessor = SignIn.as(mvc, "assessor@wmca.workhealth.example");
        var decide = post(base + "/rounds/" + round).session(assessor).with(csrf());
        BRONZE.forEach(code -> decide.param("decision-" + code, "MET"));
        mvc.perform(decide).andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/rounds/" + round + "/award").session(assessor).with(csrf()))
                .andExpect(status().is3xxRedirection());
        return awards.current(employer.id()).orElseThrow().awardId();
    }

    private long latestRound(long employerId) {
        return jdbc.sql("SELECT MAX(id) FROM assessment_submission WHERE employer_id = ?").param(employerId)
                .query(Long.class).single();
    }

    private Document page(org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request,
            MockHttpSession session) throws Exception {
        MvcResult result = mvc.perform(request.session(session)).andExpect(status().isOk()).andReturn();
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}

package org.workhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.springframework.test.web.servlet.MvcResult;
import org.workhealth.SignIn;
import org.workhealth.organisation.NewPerson;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Role;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralSource;

/**
 * The triage queue, the referral page and the four decisions, as practitioners and commissioners
 * use them. The database is shared, so each test makes its own referrals, routed by a GP practice
 * code of its own to the organisation it needs, and finds them by a surname of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TriagePagesTest {

    private static final String BCHFT_SPECIALIST = "specialist@bchft.workhealth.example";
    private static final String REFERRER = "referrer@townside.workhealth.example";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MockMvc mvc;
    private final ReferralIntake intake;
    private final ReferralAreas areas;
    private final Organisations organisations;
    private final Programmes programmes;
    private final People people;
    private final EligibilityCheck eligibility;
    private final JdbcClient jdbc;
    @Autowired
    private org.workhealth.casework.Casework casework;

    @Autowired
    TriagePagesTest(MockMvc mvc, ReferralIntake intake, ReferralAreas areas, Organisations organisations,
            Programmes programmes, People people, EligibilityCheck eligibility, JdbcClient jdbc) {
        this.mvc = mvc;
        this.intake = intake;
        this.areas = areas;
        this.organisations = organisations;
        this.programmes = programmes;
        this.people = people;
        this.eligibility = eligibility;
        this.jdbc = jdbc;
    }

    // --- the queue ---

    @Test
    void theQueueListsOpenReferralsEarliestDueFirstAndTagsOverdueOnes() throws Exception {
        String surname = surname();
        String practice = practiceFor(buryLiveWell());
        long later = refer("Ann", surname, practice, null);
        long overdue = refer("Bea", surname, practice, null);
        long sooner = refer("Cal", surname, practice, null);
        Instant now = Instant.now();
        due(later, now.plus(Duration.ofDays(3)));
        due(overdue, now.minus(Duration.ofHours(2)));
        due(sooner, now.plus(Duration.ofDays(1)));
        assertThat(routedTo(later)).isEqualTo(buryLiveWell());

        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        Document queue = page(mvc.perform(get("/triage").param("q", surname).session(coach))
                .andExpect(status().isOk()).andReturn());
        List<Element> rows = queue.select("tr.app-triage-row");
        assertThat(rows).extracting(r -> r.select("td").get(1).text())
                .containsExactly("Bea " + surname, "Cal " + surname, "Ann " + surname);
        assertThat(rows.get(0).select(".govuk-tag--red").text()).isEqualTo("Overdue");
        assertThat(rows.get(1).select(".govuk-tag--red")).isEmpty();
        assertThat(rows.get(2).select(".govuk-tag--red")).isEmpty();
        assertThat(rows.get(0).select("a").attr("href")).isEqualTo("/referrals/" + overdue);
        assertThat(rows.get(0).text()).contains(reference(overdue), "Bury Council Live Well service", "Received");

        Document overdueOnly = page(mvc.perform(get("/triage").param("q", surname).param("overdue", "yes")
                .session(coach)).andExpect(status().isOk()).andReturn());
        assertThat(overdueOnly.select("tr.app-triage-row")).extracting(r -> r.select("td").get(1).text())
                .containsExactly("Bea " + surname);
        assertThat(overdueOnly.select("input[name=overdue]").hasAttr("checked")).isTrue();

        Document byReference = page(mvc.perform(get("/triage").param("q", reference(sooner).replace("-", "").toLowerCase())
                .session(coach)).andExpect(status().isOk()).andReturn());
        assertThat(byReference.select("tr.app-triage-row")).hasSize(1);

        Document overduePage = page(mvc.perform(get("/referrals/" + overdue).session(coach))
                .andExpect(status().isOk()).andReturn());
        assertThat(overduePage.select(".govuk-summary-list .govuk-tag--red").text()).isEqualTo("Overdue");

        // The hub's commissioner sees the same referrals, in the same order; another region's practitioner none.
        Document hub = page(mvc.perform(get("/triage").param("q", surname).session(SignIn.as(mvc, SignIn.GM_COMMISSIONER)))
                .andExpect(status().isOk()).andReturn());
        assertThat(hub.select("tr.app-triage-row")).hasSize(3);
        Document elsewhere = page(mvc.perform(get("/triage").param("q", surname)
                .session(SignIn.as(mvc, BCHFT_SPECIALIST))).andExpect(status().isOk()).andReturn());
        assertThat(elsewhere.select("tr.app-triage-row")).isEmpty();
        assertThat(elsewhere.text()).contains("No referrals match");

        // Filtering on an organisation outside your scope is refused, not silently widened.
        mvc.perform(get("/triage").param("organisation", String.valueOf(buryLiveWell()))
                .session(SignIn.as(mvc, BCHFT_SPECIALIST))).andExpect(status().isNotFound());
        mvc.perform(get("/triage").session(SignIn.as(mvc, REFERRER))).andExpect(status().isNotFound());
    }

    @Test
    void theQueueIsPaginatedFiftyAtATime() throws Exception {
        String surname = surname();
        String practice = practiceFor(buryLiveWell());
        for (int i = 0; i < 51; i++) {
            refer("Pat", surname, practice, null);
        }
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        Document first = page(mvc.perform(get("/triage").param("q", surname).session(coach)).andReturn());
        assertThat(first.select("tr.app-triage-row")).hasSize(50);
        assertThat(first.select(".govuk-pagination__next a").attr("href")).contains("page=2").contains("q=" + surname);
        Document second = page(mvc.perform(get("/triage").param("q", surname).param("page", "2").session(coach))
                .andReturn());
        assertThat(second.select("tr.app-triage-row")).hasSize(1);
        assertThat(second.select(".govuk-pagination__item--current").text()).isEqualTo("2");
    }

    // --- scope ---

    @Test
    void aPractitionerOfAnotherProviderCannotSeeOrActOnAReferralOutsideTheirScope() throws Exception {
        String surname = surname();
        long id = refer("Dee", surname, practiceFor(buryLiveWell()), null);
        long other = refer("Dee", surname, practiceFor(buryLiveWell()), null);
        MockHttpSession specialist = SignIn.as(mvc, BCHFT_SPECIALIST);
        long thriveIntoWork = programme("TIW").id();
        long sara = people.findByEmail(BCHFT_SPECIALIST).orElseThrow().id();

        mvc.perform(get("/referrals/" + id).session(specialist)).andExpect(status().isNotFound());
        for (String path : List.of("accept", "route", "signpost", "decline")) {
            mvc.perform(get("/referrals/" + id + "/" + path).session(specialist)).andExpect(status().isNotFound());
        }
        mvc.perform(post("/referrals/" + id + "/decline").param("reason", "Not for us").session(specialist).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/referrals/" + id + "/signpost").param("service", "Elsewhere").session(specialist).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/referrals/" + id + "/accept").param("programmeId", String.valueOf(thriveIntoWork))
                .param("practitionerId", String.valueOf(sara)).session(specialist).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/referrals/" + id + "/route").param("organisationId", String.valueOf(bchft()))
                .session(specialist).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/referrals/" + id + "/duplicates/" + other).param("decision", "LINKED").session(specialist)
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/referrals/" + id + "/start-triage").session(specialist).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(statusOf(id)).isEqualTo("RECEIVED");
        assertThat(routedTo(id)).isEqualTo(buryLiveWell());
        assertThat(events(id)).containsExactly("RECEIVED");
        assertThat(duplicateDecisions(id)).isZero();

        // The Bury coach may act on it, but not with ids their pages never offered.
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(get("/referrals/" + id).session(coach)).andExpect(status().isOk());
        long workwell = programme("WW").id();
        long cohort = programme("WW").cohortsInOrder().get(0).id();
        long coachId = people.findByEmail(SignIn.BURY_COACH).orElseThrow().id();
        mvc.perform(post("/referrals/" + id + "/accept").param("programmeId", String.valueOf(workwell))
                .param("cohortId", String.valueOf(cohort)).param("cohortOverrideReason", "Testing")
                .param("practitionerId", String.valueOf(sara)).session(coach).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/referrals/" + id + "/accept").param("programmeId", String.valueOf(thriveIntoWork))
                .param("cohortId", String.valueOf(programme("TIW").cohortsInOrder().get(0).id()))
                .param("cohortOverrideReason", "Testing")
                .param("practitionerId", String.valueOf(coachId)).session(coach).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/referrals/" + id + "/route").param("organisationId", String.valueOf(bchft()))
                .session(coach).with(csrf())).andExpect(status().isNotFound());
        long bchftReferral = refer("Eve", surname, practiceFor(bchft()), null);
        mvc.perform(get("/referrals/" + bchftReferral).session(coach)).andExpect(status().isNotFound());
        mvc.perform(post("/referrals/" + id + "/duplicates/" + bchftReferral).param("decision", "LINKED")
                .session(coach).with(csrf())).andExpect(status().isNotFound());
        assertThat(statusOf(id)).isEqualTo("RECEIVED");
        assertThat(statusOf(bchftReferral)).isEqualTo("RECEIVED");
        assertThat(duplicateDecisions(id)).isZero();
    }

    // --- the referral page and decisions ---

    @Test
    void openingAReferralShowsTheAnswersAndEligibilityAndChangesNothing() throws Exception {
        String surname = surname();
        long id = refer("Fay", surname, practiceFor(buryLiveWell()), null);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        Document page = page(mvc.perform(get("/referrals/" + id).session(coach)
                .param("programmeId", String.valueOf(programme("WW").id()))).andExpect(status().isOk()).andReturn());
        assertThat(page.select("h1").text()).isEqualTo("Fay " + surname);
        assertThat(page.text()).contains(reference(id), "Received", "Bury Council Live Well service",
                "Acme Ltd", "Help to stay in work", "Eligibility for WorkWell");
        assertThat(page.select("form[action=/referrals/" + id + "/start-triage] button").text()).isEqualTo("Start triage");
        assertThat(statusOf(id)).isEqualTo("RECEIVED");
        assertThat(events(id)).containsExactly("RECEIVED");
        // Answers given as codes read as words.
        assertThat(answer(page, "Sex")).isEqualTo("Male");
        assertThat(answer(page, "Disability")).isEqualTo("Prefer not to say");
        assertThat(answer(page, "Waiting for NHS treatment")).isEqualTo("No");
        assertThat(answer(page, "Employment status")).isEqualTo("Employed");
        List<RuleOutcome> outcomes = eligibility.assess(id, programme("WW").id());
        assertThat(page.select("tr.app-rule")).hasSize(outcomes.size());
        for (RuleOutcome outcome : outcomes) {
            assertThat(page.select("tr.app-rule").text()).contains(outcome.rule());
        }
        // A commissioner only looking changes nothing either.
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        mvc.perform(get("/referrals/" + id).session(commissioner)).andExpect(status().isOk());
        assertThat(statusOf(id)).isEqualTo("RECEIVED");
        Integer views = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'VIEW' AND record_type = 'referral' AND record_id = ?")
                .param(String.valueOf(id)).query(Integer.class).single();
        assertThat(views).isEqualTo(2);
    }

    @Test
    void theTriagerStartsTriageWithAButtonOnce() throws Exception {
        long id = refer("Fern", surname(), practiceFor(buryLiveWell()), null);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(post("/referrals/" + id + "/start-triage").session(coach).with(csrf()))
                .andExpect(redirectedUrl("/referrals/" + id));
        assertThat(statusOf(id)).isEqualTo("IN_TRIAGE");
        assertThat(events(id)).containsExactly("RECEIVED", "IN_TRIAGE");
        assertThat(audited(id, "TRIAGE")).isTrue();
        Document page = page(mvc.perform(get("/referrals/" + id).session(coach)).andExpect(status().isOk()).andReturn());
        assertThat(page.text()).contains("In triage", "Triage started", "Started triage");
        assertThat(page.select("form[action=/referrals/" + id + "/start-triage]")).isEmpty();
        // Pressing it again (say from another tab) changes nothing more.
        mvc.perform(post("/referrals/" + id + "/start-triage").session(coach).with(csrf()))
                .andExpect(redirectedUrl("/referrals/" + id));
        assertThat(events(id)).containsExactly("RECEIVED", "IN_TRIAGE");
    }

    @Test
    void decliningNeedsAReasonAndAppearsOnTheTimelineWithWhoDecided() throws Exception {
        long id = refer("Gus", surname(), practiceFor(buryLiveWell()), null);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        Document error = page(mvc.perform(post("/referrals/" + id + "/decline").param("reason", "  ").session(coach)
                .with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(error.title()).startsWith("Error: ");
        assertThat(error.select(".govuk-error-summary a[href=#reason]").text())
                .isEqualTo("Enter the reason for declining the referral");
        assertThat(statusOf(id)).isEqualTo("RECEIVED");
        Document tooLong = page(mvc.perform(post("/referrals/" + id + "/decline").param("reason", "x".repeat(501))
                .session(coach).with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(tooLong.select("textarea#reason").text()).hasSize(501);
        assertThat(tooLong.select(".govuk-error-message").text()).contains("500 characters or fewer");

        mvc.perform(post("/referrals/" + id + "/decline").param("reason", "Lives outside the area <b>")
                .session(coach).with(csrf())).andExpect(redirectedUrl("/referrals/" + id));
        assertThat(statusOf(id)).isEqualTo("DECLINED");
        Document page = page(mvc.perform(get("/referrals/" + id).session(coach)).andReturn());
        Element latest = page.select(".app-timeline li").first();
        assertThat(latest.text()).contains("Declined", "Lives outside the area <b>", "Daniel Brooks");
        assertThat(page.select("a.govuk-button[href=/referrals/" + id + "/accept]")).isEmpty();
        assertThat(audited(id, "DECLINED")).isTrue();

        // Only while open: a second decision is turned away and changes nothing.
        mvc.perform(post("/referrals/" + id + "/signpost").param("service", "Citizens Advice").session(coach)
                .with(csrf())).andExpect(redirectedUrl("/referrals/" + id));
        assertThat(statusOf(id)).isEqualTo("DECLINED");
    }

    @Test
    void signpostingNeedsAServiceAndClosesTheReferral() throws Exception {
        long id = refer("Hal", surname(), practiceFor(buryLiveWell()), null);
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        Document error = page(mvc.perform(post("/referrals/" + id + "/signpost").param("service", "")
                .session(manager).with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(error.select(".govuk-error-summary").text()).contains("Enter the service you signposted them to");
        mvc.perform(post("/referrals/" + id + "/signpost").param("service", "Talking Therapies").session(manager)
                .with(csrf())).andExpect(redirectedUrl("/referrals/" + id));
        assertThat(statusOf(id)).isEqualTo("SIGNPOSTED");
        Document page = page(mvc.perform(get("/referrals/" + id).session(manager)).andReturn());
        assertThat(page.select(".app-timeline li").first().text()).contains("Signposted", "Talking Therapies",
                "Priya Shah");
    }

    @Test
    void routingPassesTheReferralOnWithTheSameDueTime() throws Exception {
        long id = refer("Ian", surname(), practiceFor(buryLiveWell()), null);
        Instant dueBefore = dueAt(id);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(get("/referrals/" + id).session(coach)).andExpect(status().isOk());
        Document form = page(mvc.perform(get("/referrals/" + id + "/route").session(coach)).andReturn());
        long hub = organisations.findByOdsCode("QOP").orElseThrow().id();
        assertThat(form.select("select#organisationId option").eachAttr("value")).contains(String.valueOf(hub))
                .doesNotContain(String.valueOf(buryLiveWell()), String.valueOf(bchft()));
        Document error = page(mvc.perform(post("/referrals/" + id + "/route").param("organisationId", "")
                .session(coach).with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(error.select(".govuk-error-summary").text()).contains("Select where to pass the referral");

        mvc.perform(post("/referrals/" + id + "/route").param("organisationId", String.valueOf(hub))
                .session(coach).with(csrf())).andExpect(redirectedUrl("/triage"));
        assertThat(statusOf(id)).isEqualTo("RECEIVED");
        assertThat(routedTo(id)).isEqualTo(hub);
        assertThat(dueAt(id)).isEqualTo(dueBefore);
        mvc.perform(get("/referrals/" + id).session(coach)).andExpect(status().isNotFound());

        Document hubView = page(mvc.perform(get("/referrals/" + id).session(SignIn.as(mvc, SignIn.GM_COMMISSIONER)))
                .andExpect(status().isOk()).andReturn());
        assertThat(hubView.select(".app-timeline").text()).contains("Passed to another service",
                "Passed from Bury Council Live Well service to NHS Greater Manchester", "Daniel Brooks");
    }

    @Test
    void acceptingAssignsAPractitionerAndChoosingAnotherCohortThanSuggestedNeedsAReason() throws Exception {
        long id = refer("Jo", surname(), practiceFor(buryLiveWell()), null);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        Programme workwell = programme("WW");
        long coachId = people.findByEmail(SignIn.BURY_COACH).orElseThrow().id();

        // With the programme chosen (other tests may give Bury more), the page asks for the cohort and practitioner.
        Document form = page(mvc.perform(get("/referrals/" + id + "/accept").session(coach)
                .param("programmeId", String.valueOf(workwell.id())))
                .andExpect(status().isOk()).andReturn());
        assertThat(form.select("h1").text()).isEqualTo("Accept onto WorkWell");
        assertThat(form.select("input[name=practitionerId]").eachAttr("value")).contains(String.valueOf(coachId));
        assertThat(form.select(".govuk-warning-text")).isEmpty();

        Optional<SuggestedCohort> suggestion = eligibility.suggestCohort(id, workwell.id());
        Programme.Cohort other = workwell.cohortsInOrder().stream()
                .filter(c -> suggestion.isEmpty() || c.id() != suggestion.get().cohortId()).findFirst().orElseThrow();
        if (suggestion.isPresent()) {
            assertThat(form.select("input[name=cohortId][checked]").attr("value"))
                    .isEqualTo(String.valueOf(suggestion.get().cohortId()));
            Document error = page(mvc.perform(post("/referrals/" + id + "/accept")
                    .param("programmeId", String.valueOf(workwell.id())).param("cohortId", String.valueOf(other.id()))
                    .param("cohortOverrideReason", "").param("practitionerId", String.valueOf(coachId))
                    .session(coach).with(csrf())).andExpect(status().isOk()).andReturn());
            assertThat(error.select(".govuk-error-summary a[href=#cohortOverrideReason]").text())
                    .isEqualTo("Enter why you chose a different cohort from the suggested one");
            assertThat(error.select("input[name=cohortId][checked]").attr("value")).isEqualTo(String.valueOf(other.id()));
            assertThat(error.select("input[name=practitionerId][checked]").attr("value"))
                    .isEqualTo(String.valueOf(coachId));
            assertThat(statusOf(id)).isEqualTo("RECEIVED");
        }
        Document missing = page(mvc.perform(post("/referrals/" + id + "/accept")
                .param("programmeId", String.valueOf(workwell.id())).session(coach).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(missing.select(".govuk-error-summary").text()).contains("Select a cohort", "Select a practitioner");

        mvc.perform(post("/referrals/" + id + "/accept").param("programmeId", String.valueOf(workwell.id()))
                .param("cohortId", String.valueOf(other.id()))
                .param("cohortOverrideReason", "Off sick since last week, not just at risk")
                .param("practitionerId", String.valueOf(coachId)).session(coach).with(csrf()))
                .andExpect(redirectedUrl("/referrals/" + id));
        Map<String, Object> row = jdbc.sql("SELECT status, programme_id, cohort_id, assigned_person_id, decided_by, "
                + "cohort_override_reason FROM referral WHERE id = ?").param(id).query().singleRow();
        assertThat(value(row, "status")).isEqualTo("ACCEPTED");
        assertThat(value(row, "programme_id")).isEqualTo(workwell.id());
        assertThat(value(row, "cohort_id")).isEqualTo(other.id());
        assertThat(value(row, "assigned_person_id")).isEqualTo(coachId);
        assertThat(value(row, "decided_by")).isEqualTo(coachId);
        assertThat(String.valueOf(value(row, "cohort_override_reason")))
                .isEqualTo(suggestion.isPresent() ? "Off sick since last week, not just at risk" : "null");

        Document page = page(mvc.perform(get("/referrals/" + id).session(coach)).andReturn());
        assertThat(page.select(".app-timeline li").first().text()).contains("Accepted", "WorkWell", other.name(),
                "assigned to Daniel Brooks", "By Daniel Brooks");
        assertThat(audited(id, "ACCEPTED")).isTrue();
    }

    @Test
    void aPractitionerAtTheIpsCaseloadCapIsWarnedAboutButCanStillBeAssigned() throws Exception {
        String practice = practiceFor(bchft());
        String surname = surname();
        var busy = people.createWithPassword(new NewPerson("Busy " + surname, surname.toLowerCase() + "@bchft.test",
                bchft(), EnumSet.of(Role.PRACTITIONER)), SignIn.DEMO_PASSWORD);
        Programme thriveIntoWork = programme("TIW");
        assertThat(thriveIntoWork.caseloadCap()).isEqualTo(20);
        // The caseload is casework's: open cases on the programme. A closed one does not count.
        List<Long> caseload = new ArrayList<>();
        for (int i = 0; i <= thriveIntoWork.caseloadCap(); i++) {
            caseload.add(refer("Kit", surname, practice, null));
        }
        jdbc.sql("UPDATE referral SET status = 'ACCEPTED', assigned_person_id = :person WHERE id IN (:ids)")
                .param("person", busy.id()).param("ids", caseload).update();
        for (int i = 0; i < caseload.size(); i++) {
            long caseId = casework.openCase(new org.workhealth.casework.OpenCase(caseload.get(i),
                    "C" + surname.substring(6, 12).toUpperCase() + i, thriveIntoWork.id(),
                    null, bchft(), busy.id(), "UNEMPLOYED", LocalDate.now()));
            if (i == 0) {
                jdbc.sql("UPDATE support_case SET status = 'CLOSED' WHERE id = ?").param(caseId).update();
            }
        }
        long id = refer("Lou", surname, practice, null);

        MockHttpSession specialist = SignIn.as(mvc, BCHFT_SPECIALIST);
        // Named outright: other tests may give BCHFT contracts of their own programmes, and a choice of programme.
        Document form = page(mvc.perform(get("/referrals/" + id + "/accept").param("programmeId",
                String.valueOf(thriveIntoWork.id())).session(specialist)).andExpect(status().isOk()).andReturn());
        assertThat(form.select("h1").text()).isEqualTo("Accept onto Thrive into Work");
        assertThat(form.select(".govuk-warning-text").text()).contains("Busy " + surname, "already has 20",
                "the cap for this programme is 20");
        assertThat(form.text()).contains("Caseload: 20 of 20");

        Optional<SuggestedCohort> suggestion = eligibility.suggestCohort(id, thriveIntoWork.id());
        long cohort = suggestion.map(SuggestedCohort::cohortId)
                .orElse(thriveIntoWork.cohortsInOrder().get(0).id());
        mvc.perform(post("/referrals/" + id + "/accept").param("programmeId", String.valueOf(thriveIntoWork.id()))
                .param("cohortId", String.valueOf(cohort)).param("cohortOverrideReason", "Chosen in test")
                .param("practitionerId", String.valueOf(busy.id())).session(specialist).with(csrf()))
                .andExpect(redirectedUrl("/referrals/" + id));
        assertThat(statusOf(id)).isEqualTo("ACCEPTED");
        Document page = page(mvc.perform(get("/referrals/" + id).session(specialist)).andReturn());
        assertThat(page.select(".app-timeline li").first().text()).contains("assigned to Busy " + surname,
                "caseload 20 against a cap of 20", "By Sara Ahmed");
    }

    // --- duplicates ---

    @Test
    void possibleDuplicatesAreFlaggedAndStaffLinkOrKeepThemSeparate() throws Exception {
        String surname = surname();
        String practice = practiceFor(buryLiveWell());
        String nhs = nhsNumber();
        long first = refer("Mo", surname, practice, nhs);
        long sameDetails = refer("mo", surname.toUpperCase(), practice, null);
        long sameNhs = refer("Ned", surname() , practice, nhs);
        long unrelated = refer("Ola", surname(), practice, null);

        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        Document page = page(mvc.perform(get("/referrals/" + first).session(coach)).andReturn());
        List<Element> cards = page.select(".app-duplicate");
        assertThat(cards).hasSize(2);
        assertThat(page.select(".app-duplicate a").eachAttr("href"))
                .containsExactlyInAnyOrder("/referrals/" + sameDetails, "/referrals/" + sameNhs);
        assertThat(page.select("#duplicates ~ .app-duplicate").text())
                .contains("Same name, date of birth and postcode", "Same NHS number", "Not decided yet");
        Document unrelatedPage = page(mvc.perform(get("/referrals/" + unrelated).session(coach)).andReturn());
        assertThat(unrelatedPage.select(".app-duplicate")).isEmpty();

        mvc.perform(post("/referrals/" + sameDetails + "/duplicates/" + first).param("decision", "LINKED")
                .session(coach).with(csrf())).andExpect(redirectedUrl("/referrals/" + sameDetails + "#duplicates"));
        mvc.perform(post("/referrals/" + first + "/duplicates/" + sameNhs).param("decision", "SEPARATE")
                .session(coach).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/referrals/" + first + "/duplicates/" + unrelated).param("decision", "LINKED")
                .session(coach).with(csrf())).andExpect(status().isNotFound());

        assertThat(jdbc.sql("SELECT decision FROM referral_duplicate WHERE referral_id = ? AND other_referral_id = ?")
                .params(Math.min(first, sameDetails), Math.max(first, sameDetails)).query(String.class).single())
                .isEqualTo("LINKED");
        assertThat(jdbc.sql("SELECT decision FROM referral_duplicate WHERE referral_id = ? AND other_referral_id = ?")
                .params(first, sameNhs).query(String.class).single()).isEqualTo("SEPARATE");
        assertThat(duplicateDecisions(unrelated)).isZero();

        Document after = page(mvc.perform(get("/referrals/" + first).session(coach)).andReturn());
        assertThat(after.select(".app-duplicate").text()).contains("Same person — linked",
                "Different people — kept separate");
        assertThat(after.select(".app-timeline").text()).contains("Linked as the same person",
                "Kept separate from a possible duplicate", "Daniel Brooks");
        Document other = page(mvc.perform(get("/referrals/" + sameDetails).session(coach)).andReturn());
        assertThat(other.select(".app-timeline").text()).contains("Linked as the same person", reference(first));
        // Nothing merges: every referral is still there, as it was.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral WHERE id IN (?, ?, ?)").params(first, sameDetails, sameNhs)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(statusOf(sameNhs)).isEqualTo("RECEIVED");
    }

    // --- helpers ---

    private long refer(String first, String last, String practiceCode, String nhsNumber) {
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, first, last,
                LocalDate.of(1985, 5, 17), nhsNumber, "07700 900982", null, null, null, null, "BL9 0EJ",
                ContactPreference.PHONE, "Mornings", "Test practice", practiceCode, EmploymentStatus.EMPLOYED, null,
                "Acme Ltd", false, null, true, false, false, "Anxiety", "NO", "Help to stay in work", true, false,
                "MALE", null, null, "PREFER_NOT_TO_SAY", null);
        return intake.submit(answers, ReferralSource.PUBLIC, null, null).id();
    }

    /** The value of the summary list row with this key. */
    private static String answer(Document page, String key) {
        return page.select(".govuk-summary-list__row").stream()
                .filter(row -> row.selectFirst(".govuk-summary-list__key").text().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key)).selectFirst(".govuk-summary-list__value").text();
    }

    /** A GP practice code of this test's own, covered by the organisation. */
    private String practiceFor(long organisationId) {
        String code = "ZT" + (100000 + RANDOM.nextInt(900000));
        areas.add(organisationId, AreaKind.GP_PRACTICE, code);
        return code;
    }

    private static String surname() {
        StringBuilder name = new StringBuilder("Triage");
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return name.toString();
    }

    /** A random NHS number with a valid check digit. */
    private static String nhsNumber() {
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int d = RANDOM.nextInt(10);
                digits.append(d);
                sum += d * (10 - i);
            }
            int check = 11 - (sum % 11);
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return digits.append(check).toString();
            }
        }
    }

    private long buryLiveWell() {
        return organisations.findByName("Bury Council Live Well service").orElseThrow().id();
    }

    private long bchft() {
        return organisations.findByOdsCode("TAJ").orElseThrow().id();
    }

    private Programme programme(String code) {
        return programmes.findByCode(code).orElseThrow();
    }

    private void due(long id, Instant at) {
        jdbc.sql("UPDATE referral SET response_due_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
    }

    private Instant dueAt(long id) {
        return jdbc.sql("SELECT response_due_at FROM referral WHERE id = ?").param(id).query(Timestamp.class).single()
                .toInstant();
    }

    private String statusOf(long id) {
        return jdbc.sql("SELECT status FROM referral WHERE id = ?").param(id).query(String.class).single();
    }

    private String reference(long id) {
        return jdbc.sql("SELECT reference FROM referral WHERE id = ?").param(id).query(String.class).single();
    }

    private long routedTo(long id) {
        return jdbc.sql("SELECT routed_organisation_id FROM referral WHERE id = ?").param(id).query(Long.class).single();
    }

    private List<String> events(long id) {
        return jdbc.sql("SELECT kind FROM referral_event WHERE referral_id = ? ORDER BY occurred_at, id").param(id)
                .query(String.class).list();
    }

    private int duplicateDecisions(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM referral_duplicate WHERE referral_id = ? OR other_referral_id = ?")
                .params(id, id).query(Integer.class).single();
    }

    private boolean audited(long id, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'referral' AND record_id = ? AND action = ?")
                .params(String.valueOf(id), action).query(Integer.class).single() > 0;
    }

    private static Object value(Map<String, Object> row, String column) {
        Object value = row.get(column); // a case-insensitive map: H2 answers in upper case, PostgreSQL in lower
        return value instanceof Number n ? n.longValue() : value;
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}

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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.workhealth.MilestoneText;
import org.workhealth.SignIn;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;

/**
 * Appointments, contact notes, the engagement milestone and the case page. Each test opens cases of
 * its own at Bury Live Well on WorkWell, so the shared database's other records never matter.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseAppointmentsTest {

    private static final String BCHFT_SPECIALIST = "specialist@bchft.workhealth.example";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Organisations organisations;
    private final Casework casework;

    @Autowired
    CaseAppointmentsTest(MockMvc mvc, JdbcClient jdbc, Programmes programmes,
            Organisations organisations, Casework casework) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.organisations = organisations;
        this.casework = casework;
    }

    @Test
    void aPlannedAppointmentIsListedAndIsWhatIsDueNextOnTheCasePage() throws Exception {
        long caseId = openCase("UNEMPLOYED").id();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        Document before = page(coach, "/cases/" + caseId);
        assertThat(before.select("#due-next").text()).isEqualTo("No appointments are planned. Plan an appointment");
        assertThat(before.select("#sections a").eachAttr("href")).containsExactly(
                "/cases/" + caseId + "/appointments", "/cases/" + caseId + "/assessment",
                "/cases/" + caseId + "/vocational-profile", "/cases/" + caseId + "/action-plan",
                "/cases/" + caseId + "/reviews", "/cases/" + caseId + "/onward-referrals",
                "/cases/" + caseId + "/service-consents", "/cases/" + caseId + "/employer", "/cases/" + caseId + "/outcomes",
                "/cases/" + caseId + "/measures", "/cases/" + caseId + "/exit");
        assertThat(before.select(".govuk-summary-list").text()).contains("WorkWell", "Daniel Brooks", "Open");

        LocalDate nextWeek = today().plusDays(7);
        plan(coach, caseId, nextWeek, "14", "30", "FACE_TO_FACE", "Bury Library", false)
                .andExpect(redirectedUrl("/cases/" + caseId + "/appointments"));

        Map<String, Object> row = jdbc.sql("SELECT * FROM appointment WHERE case_id = ?").param(caseId).query()
                .singleRow();
        assertThat(row).containsEntry("status", "PLANNED").containsEntry("channel", "FACE_TO_FACE")
                .containsEntry("place", "Bury Library").containsEntry("one_to_one", true)
                .containsEntry("recorded_by", personId(SignIn.BURY_COACH));
        assertThat(row.get("starts_at").toString()).startsWith(nextWeek + " 14:30");

        Document list = page(coach, "/cases/" + caseId + "/appointments");
        String when = CasePages.appointmentTime(nextWeek.atTime(14, 30));
        assertThat(list.select("table").text()).contains(when, "Face to face at Bury Library", "Record outcome");
        assertThat(page(coach, "/cases/" + caseId).select("#due-next").text())
                .isEqualTo("Next appointment: " + when + ". Face to face at Bury Library.");
        assertThat(when).endsWith("at 2:30pm");
    }

    @Test
    void theFirstAttendedOneToOneOfAnInWorkCaseWritesOneEngagementMilestoneMarkedInWork() throws Exception {
        long caseId = openCase("EMPLOYED").id();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        LocalDate yesterday = today().minusDays(1);

        long first = planned(coach, caseId, yesterday, "10", "0", "PHONE", "", false);
        outcome(coach, caseId, first, "ATTENDED");

        List<Map<String, Object>> engagements = engagements(caseId);
        assertThat(engagements).hasSize(1);
        assertThat(engagements.get(0)).containsEntry("attributes", "employment_status=EMPLOYED;in_work=true")
                .containsEntry("organisation_id", org("Bury Council Live Well service"))
                .containsEntry("recorded_by", personId(SignIn.BURY_COACH));
        assertThat(engagements.get(0).get("occurred_on").toString()).isEqualTo(yesterday.toString());
        assertThat(appointmentStatus(first)).isEqualTo("ATTENDED");

        // A second attended one-to-one is recorded, but engagement happens once.
        long second = planned(coach, caseId, today().minusDays(1), "15", "45", "VIDEO", "", false);
        outcome(coach, caseId, second, "ATTENDED");
        assertThat(appointmentStatus(second)).isEqualTo("ATTENDED");
        assertThat(engagements(caseId)).hasSize(1);

        // An outcome is recorded once: answering again changes nothing.
        outcome(coach, caseId, first, "CANCELLED_BY_PERSON");
        assertThat(appointmentStatus(first)).isEqualTo("ATTENDED");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'OUTCOME' AND record_type = 'appointment' "
                + "AND record_id = ?", String.valueOf(first))).isEqualTo(1);
    }

    @Test
    void anOutOfWorkCaseIsEngagedOnlyByAnAttendedOneToOneAndMarkedOutOfWork() throws Exception {
        long caseId = openCase("UNEMPLOYED").id();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        LocalDate lastWeek = today().minusDays(7);

        long missed = planned(coach, caseId, lastWeek, "9", "15", "FACE_TO_FACE", "Bury Library", false);
        outcome(coach, caseId, missed, "DID_NOT_ATTEND");
        long cancelled = planned(coach, caseId, lastWeek.plusDays(1), "9", "15", "PHONE", "", false);
        outcome(coach, caseId, cancelled, "CANCELLED_BY_SERVICE");
        long group = planned(coach, caseId, lastWeek.plusDays(2), "11", "00", "FACE_TO_FACE", "Bury Library", true);
        outcome(coach, caseId, group, "ATTENDED");
        assertThat(engagements(caseId)).isEmpty();
        assertThat(appointmentStatus(missed)).isEqualTo("DID_NOT_ATTEND");
        assertThat(jdbc.sql("SELECT status, cancelled_by, one_to_one FROM appointment WHERE id = ?").param(cancelled)
                .query().singleRow()).containsEntry("status", "CANCELLED").containsEntry("cancelled_by", "SERVICE");
        assertThat(appointmentStatus(group)).isEqualTo("ATTENDED");

        long attended = planned(coach, caseId, lastWeek.plusDays(3), "13", "00", "VIDEO", "", false);
        outcome(coach, caseId, attended, "ATTENDED");
        List<Map<String, Object>> engagements = engagements(caseId);
        assertThat(engagements).hasSize(1);
        assertThat(engagements.get(0)).containsEntry("attributes", "employment_status=UNEMPLOYED;in_work=false");
        assertThat(engagements.get(0).get("occurred_on").toString()).isEqualTo(lastWeek.plusDays(3).toString());
    }

    @Test
    void theTimelineShowsMilestonesAppointmentsAndNotesNewestFirst() throws Exception {
        Opened opened = openCase("OFF_SICK");
        long caseId = opened.id();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        LocalDate twoDaysAgo = today().minusDays(2);

        long missed = planned(coach, caseId, twoDaysAgo.minusDays(1), "10", "00", "PHONE", "", false);
        outcome(coach, caseId, missed, "DID_NOT_ATTEND");
        long attended = planned(coach, caseId, twoDaysAgo, "10", "00", "FACE_TO_FACE", "Bury Town Hall", false);
        outcome(coach, caseId, attended, "ATTENDED");
        mvc.perform(post("/cases/" + caseId + "/notes/new").session(coach).with(csrf())
                .param("note", "Talked about a phased return.\nWill ask the GP about the fit note."))
                .andExpect(redirectedUrl("/cases/" + caseId + "/appointments"));
        planned(coach, caseId, today().plusDays(3), "11", "00", "PHONE", "", false);

        Document casePage = page(coach, "/cases/" + caseId);
        assertThat(casePage.select("h1").text()).isEqualTo(opened.fullName());
        List<String> rows = casePage.select("#timeline tbody tr").eachText();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).contains("Note", "Talked about a phased return.", "Daniel Brooks");
        assertThat(rows.get(1)).contains(org.workhealth.govuk.DateAnswer.format(twoDaysAgo), "Engagement",
                "employment status: Off sick, in work: yes");
        assertThat(rows.get(2)).contains("Appointment: attended", "Face to face at Bury Town Hall", "Daniel Brooks");
        assertThat(rows.get(3)).contains("Appointment: did not attend", "Phone");
        // The appointment to come is due next, not history.
        assertThat(casePage.select("#due-next").text()).startsWith("Next appointment: "
                + CasePages.appointmentTime(today().plusDays(3).atTime(11, 0)));

        Document list = page(coach, "/cases/" + caseId + "/appointments");
        assertThat(list.select(".govuk-summary-card").text()).contains("Talked about a phased return.",
                "Will ask the GP about the fit note.");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'VIEW' AND record_type = 'case' "
                + "AND record_id = ?", String.valueOf(caseId))).isEqualTo(1);
    }

    @Test
    void badAnswersShowGovukErrorsAndKeepTheOtherAnswers() throws Exception {
        long caseId = openCase("UNEMPLOYED").id();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        Document noDate = Jsoup.parse(mvc.perform(post("/cases/" + caseId + "/appointments/new").session(coach)
                .with(csrf()).param("hour", "10").param("minute", "30").param("channel", "PHONE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(noDate.title()).startsWith("Error: ");
        assertThat(noDate.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter the date of the appointment");
        assertThat(noDate.select(".govuk-error-summary a").first().attr("href")).isEqualTo("#startsOn-day");
        assertThat(noDate.select("#startsOn-error").text()).contains("Enter the date of the appointment");
        assertThat(noDate.select("input[name=channel][value=PHONE]").hasAttr("checked")).isTrue();
        assertThat(noDate.select("input[name=hour]").val()).isEqualTo("10");

        Document impossible = Jsoup.parse(mvc.perform(post("/cases/" + caseId + "/appointments/new").session(coach)
                .with(csrf()).param("startsOnDay", "31").param("startsOnMonth", "2")
                .param("startsOnYear", String.valueOf(today().getYear() + 1)).param("hour", "25").param("minute", "00")
                .param("channel", "FACE_TO_FACE").param("place", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(impossible.select(".govuk-error-summary a").eachText()).containsExactly(
                "Date of the appointment must be a real date",
                "Time of the appointment must be a real time, using the 24-hour clock",
                "Enter where the appointment will take place");
        assertThat(impossible.select(".govuk-error-summary a").eachAttr("href"))
                .containsExactly("#startsOn-day", "#startsTime", "#place");
        assertThat(impossible.select("input[name=startsOnDay]").val()).isEqualTo("31");
        assertThat(count("SELECT COUNT(*) FROM appointment WHERE case_id = ?", caseId)).isZero();

        long appointment = planned(coach, caseId, today().plusDays(2), "10", "00", "PHONE", "", false);
        Document noOutcome = Jsoup.parse(mvc.perform(post("/cases/" + caseId + "/appointments/" + appointment
                + "/outcome").session(coach).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(noOutcome.select(".govuk-error-summary a").eachText()).containsExactly("Select what happened");
        // Nobody can have attended an appointment that has not started.
        Document tooSoon = Jsoup.parse(mvc.perform(post("/cases/" + caseId + "/appointments/" + appointment
                + "/outcome").session(coach).with(csrf()).param("outcome", "ATTENDED")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(tooSoon.select(".govuk-error-summary a").eachText())
                .containsExactly("You can record whether they attended only once the appointment has started");
        assertThat(appointmentStatus(appointment)).isEqualTo("PLANNED");
        assertThat(engagements(caseId)).isEmpty();

        Document noNote = Jsoup.parse(mvc.perform(post("/cases/" + caseId + "/notes/new").session(coach)
                .with(csrf()).param("note", "   ")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(noNote.select(".govuk-error-summary a").eachText()).containsExactly("Enter the note");
        assertThat(noNote.select(".govuk-error-summary a").attr("href")).isEqualTo("#note");
        assertThat(count("SELECT COUNT(*) FROM contact_note WHERE case_id = ?", caseId)).isZero();
    }

    @Test
    void aPractitionerOfAnotherProviderGetsNotFoundAndNothingChanges() throws Exception {
        long caseId = openCase("EMPLOYED").id();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long appointment = planned(coach, caseId, today().minusDays(1), "10", "00", "PHONE", "", false);
        MockHttpSession specialist = SignIn.as(mvc, BCHFT_SPECIALIST);

        for (String path : List.of("/cases/" + caseId, "/cases/" + caseId + "/appointments",
                "/cases/" + caseId + "/appointments/new", "/cases/" + caseId + "/notes/new",
                "/cases/" + caseId + "/appointments/" + appointment + "/outcome")) {
            mvc.perform(get(path).session(specialist)).andExpect(status().isNotFound());
        }
        LocalDate on = today().plusDays(1);
        mvc.perform(post("/cases/" + caseId + "/appointments/new").session(specialist).with(csrf())
                .param("startsOnDay", String.valueOf(on.getDayOfMonth()))
                .param("startsOnMonth", String.valueOf(on.getMonthValue()))
                .param("startsOnYear", String.valueOf(on.getYear())).param("hour", "10").param("minute", "00")
                .param("channel", "PHONE")).andExpect(status().isNotFound());
        mvc.perform(post("/cases/" + caseId + "/appointments/" + appointment + "/outcome").session(specialist)
                .with(csrf()).param("outcome", "ATTENDED")).andExpect(status().isNotFound());
        mvc.perform(post("/cases/" + caseId + "/notes/new").session(specialist).with(csrf()).param("note", "Hello"))
                .andExpect(status().isNotFound());

        assertThat(count("SELECT COUNT(*) FROM appointment WHERE case_id = ?", caseId)).isEqualTo(1);
        assertThat(appointmentStatus(appointment)).isEqualTo("PLANNED");
        assertThat(count("SELECT COUNT(*) FROM contact_note WHERE case_id = ?", caseId)).isZero();
        assertThat(engagements(caseId)).isEmpty();

        // An appointment of another case cannot be reached through this one.
        long otherCase = openCase("EMPLOYED").id();
        mvc.perform(post("/cases/" + otherCase + "/appointments/" + appointment + "/outcome").session(coach)
                .with(csrf()).param("outcome", "ATTENDED")).andExpect(status().isNotFound());
        assertThat(appointmentStatus(appointment)).isEqualTo("PLANNED");
    }

    // --- helpers ---

    record Opened(long id, String fullName) {
    }

    /**
     * A case at Bury Live Well on WorkWell, opened a month ago. The referral it comes from is written
     * with SQL rather than through the referral module, which depends on casework to open cases.
     */
    private Opened openCase(String employmentStatus) {
        String lastName = "Appt" + letters(8);
        String reference = "AP" + letters(8).toUpperCase();
        long bury = org("Bury Council Live Well service");
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO referral (reference, status, source, received_at, response_due_at, routed_organisation_id,
                                      referring_for, first_name, last_name, date_of_birth, postcode,
                                      contact_preference, employment_status, consent_to_contact, match_key)
                VALUES (?, 'ACCEPTED', 'PUBLIC', ?, ?, ?, 'SELF', 'Sam', ?, ?, 'BL9 0EJ', 'PHONE', ?, TRUE, ?)
                """)
                .params(reference, Timestamp.valueOf(today().minusDays(40).atStartOfDay()),
                        Timestamp.valueOf(today().minusDays(38).atStartOfDay()), bury, lastName,
                        Date.valueOf(LocalDate.of(1979, 4, 4)), employmentStatus, "sam|" + lastName.toLowerCase())
                .update(key, "id");
        long referralId = key.getKeyAs(Long.class);
        long caseId = casework.openCase(new OpenCase(referralId, reference,
                programmes.findByCode("WW").orElseThrow().id(), null, bury, personId(SignIn.BURY_COACH),
                employmentStatus, today().minusDays(30)));
        return new Opened(caseId, "Sam " + lastName);
    }

    private ResultActions plan(MockHttpSession session, long caseId, LocalDate on, String hour, String minute,
            String channel, String place, boolean group) throws Exception {
        var request = post("/cases/" + caseId + "/appointments/new").session(session).with(csrf())
                .param("startsOnDay", String.valueOf(on.getDayOfMonth()))
                .param("startsOnMonth", String.valueOf(on.getMonthValue()))
                .param("startsOnYear", String.valueOf(on.getYear())).param("hour", hour).param("minute", minute)
                .param("channel", channel).param("place", place);
        if (group) {
            request.param("group", "yes");
        }
        return mvc.perform(request);
    }

    /** Plans an appointment and returns its id. */
    private long planned(MockHttpSession session, long caseId, LocalDate on, String hour, String minute,
            String channel, String place, boolean group) throws Exception {
        plan(session, caseId, on, hour, minute, channel, place, group)
                .andExpect(redirectedUrl("/cases/" + caseId + "/appointments"));
        return jdbc.sql("SELECT MAX(id) FROM appointment WHERE case_id = ?").param(caseId).query(Long.class).single();
    }

    private void outcome(MockHttpSession session, long caseId, long appointmentId, String outcome) throws Exception {
        mvc.perform(post("/cases/" + caseId + "/appointments/" + appointmentId + "/outcome").session(session)
                .with(csrf()).param("outcome", outcome))
                .andExpect(redirectedUrl("/cases/" + caseId + "/appointments"));
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private List<Map<String, Object>> engagements(long caseId) {
        return MilestoneText.withText(jdbc, jdbc.sql("SELECT * FROM milestone WHERE case_id = ? AND type = 'ENGAGEMENT'")
                .param(caseId).query().listOfRows());
    }

    private String appointmentStatus(long appointmentId) {
        return jdbc.sql("SELECT status FROM appointment WHERE id = ?").param(appointmentId).query(String.class)
                .single();
    }

    private long org(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }

    private long personId(String email) {
        return jdbc.sql("SELECT id FROM person WHERE email = ?").param(email).query(Long.class).single();
    }

    private int count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Integer.class).single();
    }
}

package org.workhealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workhealth.casework.ServiceDirectory;
import org.workhealth.casework.internal.ServiceType;

/**
 * The records behind the pages the route walks could not otherwise open, made as the people who make them do, through
 * the pages themselves: on the walks' case an action plan, an assessment, a planned appointment, an onward referral
 * and a recorded outcome; and a referrer's uploaded file with a row in error.
 */
final class WalkRecords {

    /** The ids the walks need, by {@link GetRoutes} key. */
    record OnTheCase(long appointment, long onwardReferral, long outcome) {
    }

    private static final String UPLOAD_HEADER = "first_name,last_name,date_of_birth,nhs_number,phone,email,"
            + "address_line_1,address_line_2,town,postcode,contact_preference,best_times,gp_practice,"
            + "gp_practice_code,employment_status,unemployed_since,employer_name,has_fit_note,fit_note_since,"
            + "mental_health,musculoskeletal,other_condition,condition_details,waiting_for_treatment,help_wanted,"
            + "consent_to_contact,consent_to_contact_employer";

    private WalkRecords() {
    }

    static OnTheCase onTheCase(ApplicationContext context, long caseId) throws Exception {
        MockMvc mvc = context.getBean(MockMvc.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        String base = "/cases/" + caseId;
        LocalDate due = LocalDate.of(2027, 1, 29);
        redirected(mvc, post(base + "/action-plan/edit").session(coach).param("goals", "Back into work")
                .param("reviewIntervalWeeks", "4").param("actionDescription", "Update CV", "")
                .param("actionOwner", "PARTICIPANT", "").param("actionDueDay", String.valueOf(due.getDayOfMonth()), "")
                .param("actionDueMonth", String.valueOf(due.getMonthValue()), "")
                .param("actionDueYear", String.valueOf(due.getYear()), "")
                .param("actionStatus", "NOT_STARTED", "NOT_STARTED"));
        redirected(mvc, post(base + "/assessment").session(coach).param("action", "draft")
                .param("healthConditions", "Back pain"));
        redirected(mvc, date(post(base + "/appointments/new").session(coach), "startsOn", due).param("hour", "10")
                .param("minute", "30").param("channel", "PHONE").param("place", ""));
        long bury = jdbc.sql("SELECT id FROM organisation WHERE name = 'Bury'").query(Long.class).single();
        long service = context.getBean(ServiceDirectory.class).add(new ServiceDirectory.ServiceDetails(bury,
                "Walk debt advice " + caseId, ServiceType.MENTAL_HEALTH, "Bury", "0161 000 0000", null));
        redirected(mvc, date(post(base + "/onward-referrals").session(coach), "madeOn", LocalDate.of(2026, 6, 1))
                .param("serviceId", String.valueOf(service)).param("notes", "Debts")
                // The person agrees to share with the service (asked on the form once consent to share is recorded).
                .param("consent", "yes"));
        redirected(mvc, date(post(base + "/outcomes").session(coach), "occurredOn", LocalDate.of(2026, 6, 2))
                .param("kind", "VOLUNTEERING_START").param("description", "Food bank helper")
                .param("evidence", "Rota seen"));
        return new OnTheCase(last(jdbc, "appointment", caseId), last(jdbc, "onward_referral", caseId),
                last(jdbc, "case_outcome", caseId));
    }

    /** A file a referrer uploaded with one row the service refused: its report and its errors file. */
    static long upload(ApplicationContext context) throws Exception {
        MockMvc mvc = context.getBean(MockMvc.class);
        String row = "Alex,Walker,31/02/1990,,07700900456,,7 Bank Street,,Bury,BL9 0EJ,phone,,,,unemployed,"
                + "2026-01-01,,no,,no,yes,no,Back pain,no,Help to find work,yes,no";
        byte[] file = (UPLOAD_HEADER + "\r\n" + row + "\r\n").getBytes(StandardCharsets.UTF_8);
        String location = mvc.perform(multipart("/referrals/upload")
                .file(new MockMultipartFile("file", "referrals.csv", "text/csv", file))
                .session(SignIn.as(mvc, "referrer@townside.workhealth.example")).with(csrf())).andReturn()
                .getResponse().getRedirectedUrl();
        assertThat(location).as("the walk's upload").matches("/referrals/upload/\\d+");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static MockHttpServletRequestBuilder date(MockHttpServletRequestBuilder request, String field,
            LocalDate date) {
        return request.param(field + "Day", String.valueOf(date.getDayOfMonth()))
                .param(field + "Month", String.valueOf(date.getMonthValue()))
                .param(field + "Year", String.valueOf(date.getYear()));
    }

    private static void redirected(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request.with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).as("making the walk's records: %s", response.getContentAsString())
                .isBetween(300, 399);
    }

    private static long last(JdbcClient jdbc, String table, long caseId) {
        return jdbc.sql("SELECT MAX(id) FROM " + table + " WHERE case_id = ?").param(caseId).query(Long.class)
                .single();
    }
}

package org.workhealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The defects of issue 14's "server errors on bad input", each as a person or an attacker would meet it. */
@SpringBootTest
@AutoConfigureMockMvc
class BadInputTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationContext context;

    @Autowired
    BadInputTest(MockMvc mvc, JdbcClient jdbc, org.springframework.context.ApplicationContext context) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.context = context;
    }

    @Test
    void aReferrersContactTooLongForItsColumnIsRefusedOnItsOwnPageKeepingTheOtherAnswers() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse page = mvc.perform(post("/refer/who").session(session).with(csrf())
                .param("referringFor", "SOMEONE_ELSE").param("referrerName", "Sam Patel")
                .param("referrerContact", "x".repeat(300)).param("personAgrees", "yes")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString();
        assertThat(html).contains("govuk-error-summary")
                .contains("Your phone number or email address must be 254 characters or fewer")
                .contains("href=\"#referrerContact\"").contains("value=\"Sam Patel\"");
    }

    @Test
    void equalityAndTreatmentAnswersTakeOnlyTheirListedCodes() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String equality = mvc.perform(post("/refer/equality").session(session).with(csrf())
                .param("sex", "x".repeat(40)).param("ethnicity", "<script>alert(1)</script>")
                .param("disability", "=HYPERLINK(\"http://example.com\")").param("caring", "YES"))
                .andReturn().getResponse().getContentAsString();
        assertThat(equality).contains("Select their sex").contains("Select an ethnic group from the list")
                .contains("Select whether they consider themselves disabled").doesNotContain("<script>alert");
        String health = mvc.perform(post("/refer/health").session(session).with(csrf())
                .param("waitingForTreatment", "=HYPERLINK(\"http://example.com\")"))
                .andReturn().getResponse().getContentAsString();
        assertThat(health).contains("Select whether they are waiting for treatment");
        mvc.perform(post("/refer/equality").session(session).with(csrf()).param("sex", "FEMALE")
                .param("ethnicity", "White: Irish")).andReturn();
        assertThat(mvc.perform(post("/refer/equality").session(session).with(csrf()).param("sex", "FEMALE"))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/refer/check");
    }

    @Test
    void controlCharactersAreStrippedFromTextAsItIsBound() throws Exception {
        RouteValues values = RouteValues.make(context);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        String path = values.fill("/cases/{id}/notes/new");
        mvc.perform(post(path).session(coach).with(csrf()).param("note", "Rang\u0000 back\u0007\tlater\nto book"))
                .andReturn();
        long caseId = Long.parseLong(path.split("/")[2]);
        assertThat(jdbc.sql("SELECT note FROM contact_note WHERE case_id = ? ORDER BY id DESC").param(caseId)
                .query(String.class).list()).first().isEqualTo("Rang back\tlater\nto book");
    }

    @Test
    void aValueOfTheWrongTypeIsAFieldErrorNotAServerError() throws Exception {
        MockHttpSession admin = SignIn.as(mvc, SignIn.GM_ADMIN);
        long coach = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.BURY_COACH).query(Long.class)
                .single();
        MockHttpServletResponse page = mvc.perform(post("/people/" + coach + "/roles").session(admin).with(csrf())
                .param("roles", "SUPERUSER")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("govuk-error-summary");
    }

    @Test
    void aPageNumberTooLargeForTheOffsetShowsAnEmptyPage() throws Exception {
        MockHttpSession admin = SignIn.as(mvc, SignIn.NATIONAL_ADMIN);
        assertThat(mvc.perform(get("/audit").param("page", "2147483647").session(admin)).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    @Test
    void everyErrorAnswersWithAGovukPageOrProblemDetails() throws Exception {
        MockHttpServletResponse direct = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)).andReturn()
                .getResponse();
        assertThat(direct.getStatus()).isEqualTo(404);
        assertThat(direct.getContentAsString()).contains("<title>Page not found");
        String[][] pages = {{"400", "Sorry, the service could not read what was sent"}, {"403", "You cannot view this page"},
            {"404", "Page not found"}, {"405", "Sorry, this page cannot be used that way"},
            {"413", "The selected file must be smaller than 10 MB"}, {"500", "Sorry, there is a problem with the service"}};
        for (String[] expected : pages) {
            MockHttpServletResponse page = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
                    .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, Integer.valueOf(expected[0])))
                    .andReturn().getResponse();
            assertThat(page.getStatus()).isEqualTo(Integer.parseInt(expected[0]));
            assertThat(page.getContentAsString()).contains("govuk-heading-l").contains(expected[1]);
        }
        MockHttpServletResponse json = mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON)
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 413)).andReturn().getResponse();
        assertThat(json.getStatus()).isEqualTo(413);
        assertThat(json.getContentType()).startsWith("application/problem+json");
        assertThat(json.getContentAsString()).contains("\"status\":413");
    }
}

package org.workhealth.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
import org.workhealth.SignIn;

/**
 * The people who act on a return hear what happened to it: the hub's commissioners when it is submitted, the
 * locality's provider managers when it is returned and when it is approved. Never the comment's words.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReturnMessagesTest {

    private final MockMvc mvc;
    private final ReturnFixtures fixtures;
    private final JdbcClient jdbc;
    private final ReturnDueReminders reminders;

    @Autowired
    ReturnMessagesTest(MockMvc mvc, ReturnFixtures fixtures, JdbcClient jdbc, ReturnDueReminders reminders) {
        this.reminders = reminders;
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @Test
    void submittedGoesToTheHubsCommissionersAndReturnedAndApprovedToTheLocalitysManagers() throws Exception {
        ReturnFixtures.Setup setup = fixtures.programme(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        String path = "/returns/" + setup.programme().code() + "/2026/2";
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        MockHttpSession hub = SignIn.as(mvc, SignIn.GM_COMMISSIONER);

        String first = submit(path, manager);
        assertThat(messages("return-submitted:" + first + ":%")).contains(
                "SUBMITTED_FOR_APPROVAL|" + SignIn.GM_COMMISSIONER).doesNotContain(
                "SUBMITTED_FOR_APPROVAL|" + SignIn.BURY_MANAGER);
        assertThat(personalisation("return-submitted:" + first + ":%")).contains(
                "The " + setup.programme().name() + " data return for Q2 2026/27, version 1",
                "Bury Council Live Well service");

        mvc.perform(post("/returns/review/" + first + "/return").param("comment", "A job start is missing")
                .with(csrf()).session(hub)).andExpect(status().is3xxRedirection());
        assertThat(messages("return-returned:" + first + ":%")).containsExactly("SENT_BACK|" + SignIn.BURY_MANAGER);
        assertThat(personalisation("return-returned:" + first + ":%")).doesNotContain("job start is missing");

        String second = submit(path, manager);
        mvc.perform(post("/returns/review/" + second + "/approve").with(csrf()).session(hub))
                .andExpect(status().is3xxRedirection());
        assertThat(messages("return-approved:" + second + ":%")).containsExactly("APPROVED|" + SignIn.BURY_MANAGER);
    }

    @Test
    void aLocalityThatHasNotSubmittedIsRemindedFiveWorkingDaysBeforeTheReturnIsDueOnce() throws Exception {
        ReturnFixtures.Setup setup = fixtures.programme(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        // Q1 2026/27 is submitted; Q2 is not. Due 20 days after each quarter ends: 20 July and 20 October 2026.
        submit("/returns/" + setup.programme().code() + "/2026/1", manager);

        reminders.run(LocalDate.of(2026, 10, 12));
        reminders.run(LocalDate.of(2026, 10, 13));
        reminders.run(LocalDate.of(2026, 10, 13));
        reminders.run(LocalDate.of(2026, 7, 13));

        String prefix = "return-due:" + setup.programme().id() + ":";
        assertThat(messages(prefix + "2026-2:%")).containsExactly("RETURN_DUE|" + SignIn.BURY_MANAGER);
        assertThat(personalisation(prefix + "2026-2:%")).contains("Tuesday 20 October 2026",
                "The " + setup.programme().name() + " data return for Q2 2026/27");
        assertThat(messages(prefix + "2026-1:%")).isEmpty();
    }

    private String submit(String path, MockHttpSession manager) throws Exception {
        mvc.perform(post(path + "/compile").with(csrf()).session(manager)).andExpect(status().is3xxRedirection());
        String id = page(path, manager).selectFirst("form#submit input[name=return]").val();
        mvc.perform(post(path + "/submit").param("return", id).with(csrf()).session(manager))
                .andExpect(status().is3xxRedirection());
        return id;
    }

    private List<String> messages(String keys) {
        return jdbc.sql("SELECT template || '|' || recipient FROM notification_message WHERE event_key LIKE ? "
                + "ORDER BY id").param(keys).query(String.class).list();
    }

    private String personalisation(String keys) {
        return String.join("\n", jdbc.sql("SELECT personalisation FROM notification_message WHERE event_key LIKE ?")
                .param(keys).query(String.class).list());
    }

    private Document page(String path, MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}

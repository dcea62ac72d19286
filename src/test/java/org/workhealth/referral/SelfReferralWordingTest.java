package org.workhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The form speaks to whoever fills it: "you" to someone referring themselves, "they" about someone else. */
@SpringBootTest
@AutoConfigureMockMvc
class SelfReferralWordingTest {

    /** Words about a third person, which make no sense to someone referring themselves. */
    private static final Pattern THIRD_PERSON = Pattern.compile("\\b(they|their|them|themselves|the person)\\b",
            Pattern.CASE_INSENSITIVE);

    @Autowired
    MockMvc mvc;

    @Test
    void someoneReferringThemselvesIsAskedAboutThemselves() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/refer/who").session(session).with(csrf()).param("referringFor", "SELF"));

        Document name = page(session, "/refer/name");
        assertThat(name.title()).startsWith("What is your name?");
        assertThat(name.select("h1").text()).isEqualTo("What is your name?");
        assertThat(page(session, "/refer/date-of-birth").select("h1").text()).isEqualTo("What is your date of birth?");
        assertThat(page(session, "/refer/contact-details").select("h1").text()).isEqualTo("How can we contact you?");
        assertThat(page(session, "/refer/work").select("main").text()).contains("What is your employment status?");
        for (ReferralQuestion question : ReferralQuestion.values()) {
            if (question != ReferralQuestion.WHO) {
                assertThat(page(session, "/refer/" + question.slug()).select("main").text())
                        .as(question.slug()).doesNotContainPattern(THIRD_PERSON);
            }
        }
    }

    @Test
    void theCheckAnswersPageAndTheConfirmationSpeakToThemToo() throws Exception {
        MockHttpSession session = new MockHttpSession();
        answer(session, "who", "referringFor", "SELF");
        answer(session, "name", "firstName", "Ada", "lastName", "Wording");
        answer(session, "date-of-birth", "dobDay", "14", "dobMonth", "6", "dobYear", "1988");
        answer(session, "contact-details", "phone", "07700 900982", "postcode", "BL9 0EJ", "contactPreference", "PHONE");
        answer(session, "work", "employmentStatus", "EMPLOYED", "employerName", "Bury Bakery Ltd");
        answer(session, "help", "helpWanted", "Talk to my employer");
        answer(session, "consent", "consentToContact", "yes");

        Document check = page(session, "/refer/check");
        assertThat(check.select("h1").text()).isEqualTo("Check your answers before sending the referral");
        assertThat(check.select("main").text()).doesNotContainPattern(THIRD_PERSON).contains("Contact your employer");

        String key = check.selectFirst("input[name=submissionKey]").val();
        var sent = mvc.perform(post("/refer/submit").session(session).with(csrf()).param("submissionKey", key)
                .with(request -> {
                    request.setRemoteAddr("10.77.0.1");
                    return request;
                })).andReturn();
        Document confirmation = Jsoup.parse(mvc.perform(get("/refer/confirmation").session(session)
                .flashAttrs(sent.getFlashMap())).andReturn().getResponse().getContentAsString());
        assertThat(confirmation.select("main").text()).contains("contact you within 2 working days")
                .doesNotContainPattern(THIRD_PERSON);
    }

    private void answer(MockHttpSession session, String question, String... params) throws Exception {
        var request = post("/refer/" + question).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        mvc.perform(request);
    }

    @Test
    void errorMessagesSpeakToSomeoneReferringThemselves() throws Exception {
        MockHttpSession self = new MockHttpSession();
        answer(self, "who", "referringFor", "SELF");
        assertThat(errors(self, "date-of-birth", "dobDay", "1", "dobMonth", "1", "dobYear", "2020"))
                .contains("You must be aged 16 to 67").doesNotContainPattern(THIRD_PERSON);
        assertThat(errors(self, "contact-details", "postcode", "BL9 0EJ"))
                .contains("Select how you would like to be contacted").doesNotContainPattern(THIRD_PERSON);
        assertThat(errors(self, "work", "employmentStatus", "UNEMPLOYED"))
                .contains("Enter the date you stopped working").doesNotContainPattern(THIRD_PERSON);
        assertThat(errors(self, "consent"))
                .contains("You must agree that the service can contact you and use your information")
                .doesNotContainPattern(THIRD_PERSON);

        MockHttpSession other = new MockHttpSession();
        answer(other, "who", "referringFor", "SOMEONE_ELSE", "referrerName", "Jo Carer", "personAgrees", "yes");
        assertThat(errors(other, "date-of-birth", "dobDay", "1", "dobMonth", "1", "dobYear", "2020"))
                .contains("The person must be aged 16 to 67");
    }

    /** The error summary after answering a page with {@code params}. */
    private String errors(MockHttpSession session, String question, String... params) throws Exception {
        var request = post("/refer/" + question).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return Jsoup.parse(mvc.perform(request).andReturn().getResponse().getContentAsString())
                .select(".govuk-error-summary").text();
    }

    @Test
    void someoneReferringAnotherPersonIsAskedAboutThem() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/refer/who").session(session).with(csrf()).param("referringFor", "SOMEONE_ELSE")
                .param("referrerName", "Jo Carer").param("personAgrees", "yes"));
        assertThat(page(session, "/refer/name").select("h1").text()).isEqualTo("What is their name?");
        assertThat(page(session, "/refer/contact-details").select("h1").text()).isEqualTo("How can we contact them?");
        assertThat(page(session, "/refer/work").select("main").text()).contains("What is their employment status?");
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString());
    }
}

package org.workhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workhealth.SignIn;
import org.workhealth.referral.internal.ReferralRules;

@SpringBootTest(properties = "workhealth.referral.public-submissions-per-hour=3")
@AutoConfigureMockMvc
class ReferralFormTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    @Autowired
    ReferralFormTest(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    @Test
    void someoneRefersThemselvesWithoutSigningInAndGetsAReference() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String lastName = "Okoro" + letters();
        answerEveryPage(session, "10.0.0.1", lastName, "BL9 0EJ");
        String check = page(session, "/refer/check");
        assertThat(check).contains("Check your answers").contains("Ada " + lastName).contains("BL9 0EJ");
        String key = hiddenKey(check);

        MvcResult sent = mvc.perform(post("/refer/submit").session(session).with(csrf()).with(from("10.0.0.1"))
                .param("submissionKey", key)).andExpect(redirectedUrl("/refer/confirmation")).andReturn();
        String reference = (String) sent.getFlashMap().get("reference");
        assertThat(reference).matches("[ACDEFGHJKMNPQRTWXY2346789]{4}-[ACDEFGHJKMNPQRTWXY2346789]{4}");

        Map<String, Object> stored = jdbc.sql("""
                SELECT r.status, r.source, o.name AS routed, r.postcode, r.referring_for
                FROM referral r JOIN organisation o ON o.id = r.routed_organisation_id WHERE r.reference = ?
                """).param(reference).query().singleRow();
        assertThat(stored).containsEntry("status", "RECEIVED").containsEntry("source", "PUBLIC")
                .containsEntry("routed", "Bury Council Live Well service").containsEntry("referring_for", "SELF");
    }

    @Test
    void pressingSendTwiceOrRetryingMakesOneReferral() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String lastName = "Twice" + letters();
        answerEveryPage(session, "10.0.0.2", lastName, "OL1 1AA");
        String key = hiddenKey(page(session, "/refer/check"));
        MvcResult first = mvc.perform(post("/refer/submit").session(session).with(csrf()).with(from("10.0.0.2"))
                .param("submissionKey", key)).andReturn();
        MvcResult second = mvc.perform(post("/refer/submit").session(session).with(csrf()).with(from("10.0.0.2"))
                .param("submissionKey", key)).andExpect(redirectedUrl("/refer/confirmation")).andReturn();
        assertThat(second.getFlashMap().get("reference")).isEqualTo(first.getFlashMap().get("reference"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral WHERE last_name = ?").param(lastName).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void badAnswersAreShownNextToTheirFieldsAndKept() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String page = mvc.perform(post("/refer/date-of-birth").session(session).with(csrf()).param("dobDay", "31")
                .param("dobMonth", "2").param("dobYear", "1990")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("<title>Error: What is their date of birth?").contains("Date of birth must be a real date")
                .contains("href=\"#dateOfBirth-day\"").contains("value=\"31\"");
        String young = mvc.perform(post("/refer/date-of-birth").session(session).with(csrf()).param("dobDay", "1")
                .param("dobMonth", "1").param("dobYear", "2020")).andReturn().getResponse().getContentAsString();
        assertThat(young).contains("The person must be aged 16 to 67");
        String contact = mvc.perform(post("/refer/contact-details").session(session).with(csrf()).param("postcode", "NOT A PC")
                .param("email", "bad@").param("phone", "12").param("contactPreference", "EMAIL")
                .param("addressLine1", "<script>alert(1)</script>")).andReturn().getResponse().getContentAsString();
        assertThat(contact).contains("Enter a real postcode").contains("Enter an email address in the correct format")
                .contains("Enter a UK phone number").contains("&lt;script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void theNhsNumberExamplesPassTheServicesOwnCheck() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String hint = page(session, "/refer/gp");
        String error = mvc.perform(post("/refer/gp").session(session).with(csrf()).param("nhsNumber", "123"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String html : List.of(hint, error)) {
            java.util.regex.Matcher example = java.util.regex.Pattern.compile("like (\\d{3} \\d{3} \\d{4})").matcher(html);
            assertThat(example.find()).as("an example NHS number on the page").isTrue();
            assertThat(ReferralRules.nhsChecksumValid(example.group(1).replace(" ", ""))).as(example.group(1)).isTrue();
        }
    }

    @Test
    void aDateOfBirthWithOnlyTheYearWrongMarksAndLinksTheYear() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String page = mvc.perform(post("/refer/date-of-birth").session(session).with(csrf()).param("dobDay", "14")
                .param("dobMonth", "6").param("dobYear", "88")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Year must include 4 numbers").contains("href=\"#dateOfBirth-year\"")
                .doesNotContain("href=\"#dateOfBirth-day\"");
        assertThat(inputClasses(page, "dateOfBirth-year")).contains("govuk-input--error");
        assertThat(inputClasses(page, "dateOfBirth-day")).doesNotContain("govuk-input--error");
        assertThat(inputClasses(page, "dateOfBirth-month")).doesNotContain("govuk-input--error");

        String noMonth = mvc.perform(post("/refer/date-of-birth").session(session).with(csrf()).param("dobDay", "14")
                .param("dobYear", "1988")).andReturn().getResponse().getContentAsString();
        assertThat(noMonth).contains("href=\"#dateOfBirth-month\"");
        assertThat(inputClasses(noMonth, "dateOfBirth-month")).contains("govuk-input--error");
        assertThat(inputClasses(noMonth, "dateOfBirth-day")).doesNotContain("govuk-input--error");

        String empty = mvc.perform(post("/refer/date-of-birth").session(session).with(csrf())).andReturn().getResponse()
                .getContentAsString();
        assertThat(empty).contains("href=\"#dateOfBirth-day\"");
        for (String box : List.of("day", "month", "year")) {
            assertThat(inputClasses(empty, "dateOfBirth-" + box)).contains("govuk-input--error");
        }
    }

    @Test
    void ethnicGroupsAreHeadingsSoTypingTheStartOfAnEthnicityFindsIt() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String page = page(session, "/refer/equality");
        assertThat(page).contains("<optgroup label=\"Asian or Asian British\">")
                .contains("<option value=\"Asian or Asian British: Indian\">Indian</option>")
                .contains("<option value=\"White: Irish\">Irish</option>");
        assertThat(page).doesNotContainPattern(">Asian or Asian British: ").doesNotContainPattern(">White: ");

        mvc.perform(post("/refer/equality").session(session).with(csrf()).param("ethnicity", "Asian or Asian British: Indian"))
                .andExpect(redirectedUrl("/refer/check"));
        assertThat(page(session, "/refer/equality"))
                .containsPattern("<option value=\"Asian or Asian British: Indian\"\\s+selected=\"selected\">Indian</option>");
    }

    @Test
    void everyQuestionPageShowsWithItsQuestion() throws Exception {
        MockHttpSession session = new MockHttpSession();
        for (ReferralQuestion question : ReferralQuestion.values()) {
            assertThat(page(session, "/refer/" + question.slug())).contains("<title>" + question.title().replace("'", "&#39;"));
        }
        assertThat(page(session, "/refer")).contains("Start now");
    }

    @Test
    void theCheckPageSendsPeopleBackToAnythingUnanswered() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/refer/check").session(session)).andExpect(redirectedUrl("/refer/who"));
    }

    @Test
    void oneAddressCanOnlySendAFewReferralsAnHour() throws Exception {
        String address = "10.9." + (int) (Math.random() * 200) + ".1";
        for (int i = 0; i < 3; i++) {
            MockHttpSession session = new MockHttpSession();
            answerEveryPage(session, address, "Limit" + letters(), "BL9 0EJ");
            mvc.perform(post("/refer/submit").session(session).with(csrf()).with(from(address))
                    .param("submissionKey", hiddenKey(page(session, "/refer/check"))))
                    .andExpect(redirectedUrl("/refer/confirmation"));
        }
        MockHttpSession session = new MockHttpSession();
        String lastName = "Blocked" + letters();
        answerEveryPage(session, address, lastName, "BL9 0EJ");
        mvc.perform(post("/refer/submit").session(session).with(csrf()).with(from(address))
                .param("submissionKey", hiddenKey(page(session, "/refer/check")))).andExpect(status().is(429));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral WHERE last_name = ?").param(lastName).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void submissionsSentAtTheSameMomentTakeOnlyThePlacesLeftInTheHourlyAllowance() throws Exception {
        String address = "10.8." + (int) (Math.random() * 200) + ".2";
        String lastName = "Burst" + letters();
        List<MockHttpSession> sessions = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            MockHttpSession session = new MockHttpSession();
            answerEveryPage(session, address, lastName, "BL9 0EJ");
            sessions.add(session);
            keys.add(hiddenKey(page(session, "/refer/check")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            MockHttpSession session = sessions.get(i);
            String key = keys.get(i);
            statuses.add(pool.submit(() -> {
                start.await();
                return mvc.perform(post("/refer/submit").session(session).with(csrf()).with(from(address))
                        .param("submissionKey", key)).andReturn().getResponse().getStatus();
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answered.add(status.get());
        }

        // The allowance in this test is 3 an hour.
        assertThat(answered).filteredOn(status -> status == 302).hasSize(3);
        assertThat(answered).filteredOn(status -> status == 429).hasSize(7);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral WHERE last_name = ?").param(lastName).query(Integer.class)
                .single()).isEqualTo(3);
    }

    @Test
    void aSignedInReferrerRefersSomeoneAndSeesItsStatusButNoCasework() throws Exception {
        MockHttpSession gp = SignIn.as(mvc, "referrer@townside.workhealth.example");
        mvc.perform(get("/referrals/new").session(gp)).andExpect(redirectedUrl("/referrals/new/who"));
        mvc.perform(post("/referrals/new/who").session(gp).with(csrf()).param("personAgrees", "yes"))
                .andExpect(redirectedUrl("/referrals/new/name"));
        String lastName = "Partner" + letters();
        answerFromName(gp, "/referrals/new", lastName, "M26 2SP");
        String key = hiddenKey(page(gp, "/referrals/new/check"));
        mvc.perform(post("/referrals/new/submit").session(gp).with(csrf()).param("submissionKey", key))
                .andExpect(redirectedUrl("/referrals/new/confirmation"));
        Map<String, Object> stored = jdbc.sql("""
                SELECT r.source, r.referrer_name, o.name AS referrer_org FROM referral r
                JOIN organisation o ON o.id = r.referrer_organisation_id WHERE r.last_name = ?""").param(lastName)
                .query().singleRow();
        assertThat(stored).containsEntry("source", "PARTNER").containsEntry("referrer_org", "Townside Primary Care Centre");
        assertThat(page(gp, "/referrals/mine")).contains("Ada " + lastName).contains("Received");
    }

    @Test
    void peopleWhoCannotReferCannotUseThePartnerForm() throws Exception {
        MockHttpSession evaluator = SignIn.as(mvc, "evaluator@workhealth.example");
        mvc.perform(get("/referrals/new/name").session(evaluator)).andExpect(status().isNotFound());
        mvc.perform(get("/referrals/mine").session(evaluator)).andExpect(status().isNotFound());
    }

    private void answerEveryPage(MockHttpSession session, String address, String lastName, String postcode)
            throws Exception {
        mvc.perform(post("/refer/who").session(session).with(csrf()).with(from(address)).param("referringFor", "SELF"))
                .andExpect(redirectedUrl("/refer/name"));
        answerFromName(session, "/refer", lastName, postcode);
    }

    private void answerFromName(MockHttpSession session, String base, String lastName, String postcode)
            throws Exception {
        step(session, base, "name", "date-of-birth", "firstName", "Ada", "lastName", lastName);
        step(session, base, "date-of-birth", "contact-details", "dobDay", "14", "dobMonth", "6", "dobYear", "1988");
        step(session, base, "contact-details", "gp", "phone", "07700 900982", "postcode", postcode, "contactPreference", "PHONE");
        step(session, base, "gp", "work", "gpPractice", "Townside Primary Care Centre");
        step(session, base, "work", "health", "employmentStatus", "OFF_SICK", "employerName", "Bury Bakery Ltd",
                "hasFitNote", "yes", "fitNoteDay", "1", "fitNoteMonth", "9", "fitNoteYear", "2026");
        step(session, base, "health", "help", "conditions", "MENTAL_HEALTH", "waitingForTreatment", "NO");
        step(session, base, "help", "consent", "helpWanted", "Talk to my employer about a phased return");
        step(session, base, "consent", "equality", "consentToContact", "yes");
        mvc.perform(post(base + "/equality").session(session).with(csrf()).param("sex", "FEMALE"))
                .andExpect(redirectedUrl(base + "/check"));
    }

    private void step(MockHttpSession session, String base, String page, String next, String... params)
            throws Exception {
        MockHttpServletRequestBuilder request = post(base + "/" + page).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        MvcResult result = mvc.perform(request).andReturn();
        String problems = result.getResponse().getStatus() + " "
                + result.getResponse().getContentAsString().replaceAll("(?s).*govuk-error-summary__list\">(.*?)</ul>.*", "$1");
        assertThat(result.getResponse().getRedirectedUrl()).as(problems).isEqualTo(base + "/" + next);
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The class attribute of the input with this id. */
    private static String inputClasses(String html, String id) {
        java.util.regex.Matcher input = java.util.regex.Pattern.compile("<input[^>]*id=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(input.find()).as("input " + id).isTrue();
        java.util.regex.Matcher classes = java.util.regex.Pattern.compile("class=\"([^\"]*)\"").matcher(input.group());
        return classes.find() ? classes.group(1) : "";
    }

    private static String hiddenKey(String html) {
        int at = html.indexOf("name=\"submissionKey\" value=\"") + "name=\"submissionKey\" value=\"".length();
        return html.substring(at, html.indexOf('"', at));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** Five random letters: a UUID's letters alone are sometimes fewer than five. */
    private static String letters() {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            letters.append((char) ('a' + java.util.concurrent.ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}

package org.workhealth.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.WorkHealthApplication;

/**
 * Two nodes of the service on one database, as behind a load balancer with no sticky sessions: a person's requests
 * go to either node, and what they see must not depend on which. Sessions live in the database (Spring Session
 * JDBC), so signing in, a form in progress and signing out everywhere all hold across nodes.
 */
class SessionsAcrossNodesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SUBMISSION_KEY = Pattern.compile("name=\"submissionKey\" value=\"([^\"]+)\"");
    private static final Pattern REFERENCE = Pattern.compile("app-reference\">([A-Z0-9-]+)<");
    private static final String PASSWORD = "lantern orbit kettle 2026";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static String a;
    private static String b;

    @BeforeAll
    static void startTwoNodes() {
        nodeA = start();
        nodeB = start("--workhealth.demo-data=false");
        a = baseOf(nodeA);
        b = baseOf(nodeB);
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void aPersonSignedInOnOneNodeIsSignedInOnTheOtherAndSigningOutOnEitherEndsIt() throws Exception {
        Browser browser = new Browser();
        browser.signIn(a, SignIn.BURY_COACH, SignIn.DEMO_PASSWORD);

        HttpResponse<String> home = browser.get(b + "/home");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Sign out");
        assertThat(browser.get(a + "/cases").statusCode()).isEqualTo(200);

        String token = browser.token(b + "/home");
        assertThat(browser.post(b + "/sign-out", Map.of("_csrf", token)).headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).contains("/sign-in?signedOut"));
        assertThat(browser.get(a + "/home").headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).contains("/sign-in"));
    }

    @Test
    void aReferralFilledInOnBothNodesInTurnIsSentOnceWithAllItsAnswers() throws Exception {
        Browser browser = new Browser();
        String lastName = "Nodes" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        List<Map<String, String>> answers = List.of(
                Map.of("referringFor", "SELF"),
                Map.of("firstName", "Ada", "lastName", lastName),
                Map.of("dobDay", "3", "dobMonth", "4", "dobYear", "1980"),
                Map.of("phone", "07700900123", "postcode", "BL9 0AA", "contactPreference", "PHONE"),
                Map.of("gpPractice", "Townside Primary Care Centre"),
                Map.of("employmentStatus", "OFF_SICK", "employerName", "Bury Bakery Ltd", "hasFitNote", "no"),
                Map.of("conditions", "MENTAL_HEALTH", "waitingForTreatment", "NO"),
                Map.of("helpWanted", "Talk to my employer about a phased return"),
                Map.of("consentToContact", "yes"),
                Map.of("sex", "FEMALE"));
        browser.get(a + "/refer");
        String path = "/refer/who";
        int turn = 0;
        for (Map<String, String> page : answers) {
            String node = turn++ % 2 == 0 ? b : a;
            Map<String, String> form = new LinkedHashMap<>(page);
            form.put("_csrf", browser.token(node + path));
            HttpResponse<String> answered = browser.post((node == a ? b : a) + path, form);
            assertThat(answered.statusCode()).as("answering %s", path).isEqualTo(302);
            path = answered.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        }
        assertThat(path).isEqualTo("/refer/check");

        String check = browser.get(b + "/refer/check").body();
        assertThat(check).contains(lastName).contains("Talk to my employer about a phased return");
        HttpResponse<String> sent = browser.post(a + "/refer/submit",
                Map.of("_csrf", csrf(check), "submissionKey", find(SUBMISSION_KEY, check)));
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/refer/confirmation"));
        String reference = find(REFERENCE, browser.get(b + "/refer/confirmation").body());

        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral WHERE reference = ? AND last_name = ?")
                .params(reference, lastName).query(Integer.class).single()).isOne();
    }

    @Test
    void changingThePasswordOnOneNodeSignsOutTheOtherSessionsWhicheverNodeServesThem() throws Exception {
        Person person = person();
        Browser laptop = new Browser();
        Browser phone = new Browser();
        laptop.signIn(a, person.email(), PASSWORD);
        phone.signIn(b, person.email(), PASSWORD);

        String token = laptop.token(b + "/account/password");
        HttpResponse<String> changed = laptop.post(a + "/account/password", Map.of("_csrf", token,
                "currentPassword", PASSWORD, "newPassword", "harbour violet tundra 77",
                "confirmPassword", "harbour violet tundra 77"));
        assertThat(changed.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/account"));

        assertThat(laptop.get(b + "/home").statusCode()).isEqualTo(200);
        assertThat(phone.get(b + "/home").headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith(AccountSessions.ENDED_URL));
        assertThat(phone.get(a + "/home").headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).contains("/sign-in"));
    }

    private static Person person() {
        long bury = nodeA.getBean(JdbcClient.class)
                .sql("SELECT id FROM organisation WHERE name = 'Bury Council Live Well service'").query(Long.class).single();
        return nodeA.getBean(People.class).createWithPassword(new NewPerson("Two Nodes",
                "nodes-" + UUID.randomUUID() + "@example.com", bury, EnumSet.of(Role.PRACTITIONER)), PASSWORD);
    }

    private static ConfigurableApplicationContext start(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--management.server.port=",
                "--spring.main.banner-mode=off", "--spring.autoconfigure.exclude="));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(WorkHealthApplication.class).run(args.toArray(String[]::new));
    }

    private static String baseOf(ConfigurableApplicationContext node) {
        return "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static String csrf(String html) {
        return find(CSRF, html);
    }

    private static String find(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as("%s on the page", pattern).isTrue();
        return matcher.group(1);
    }

    /** One person's browser: its session cookie goes to whichever node it asks, as through a load balancer. */
    private static final class Browser {

        private String cookie;

        void signIn(String node, String email, String password) throws Exception {
            HttpResponse<String> signedIn = post(node + "/sign-in", Map.of("email", email, "password", password,
                    "_csrf", token(node + "/sign-in")));
            assertThat(signedIn.headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).endsWith("/home"));
        }

        String token(String url) throws Exception {
            return csrf(get(url).body());
        }

        HttpResponse<String> get(String url) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                if (set.startsWith("WORKHEALTH_SESSION=")) {
                    String value = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
                    cookie = value.equals("WORKHEALTH_SESSION=") ? null : value;
                }
            }
            return response;
        }
    }
}

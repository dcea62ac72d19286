package org.workhealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
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
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

/**
 * Every main page's title starts with its h1, so the browser tab, history and a screen reader's first
 * words say the page people see (WCAG 2.4.2): {@link PageTitles#check}. The browser journeys check
 * every page they visit the same way.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PageTitlesTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ReferralIntake intake;
    private final Casework casework;

    @Autowired
    PageTitlesTest(MockMvc mvc, JdbcClient jdbc, ReferralIntake intake, Casework casework) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.intake = intake;
        this.casework = casework;
    }

    @Test
    void everyMainPagesTitleStartsWithItsHeading() throws Exception {
        ReferralIntake.Submitted referral = refer();
        ReferralIntake.Submitted opened = refer();
        long caseId = open(opened);
        long organisationId = id("SELECT id FROM organisation WHERE name = 'Bury Council Live Well service'");
        long programmeId = id("SELECT id FROM programme WHERE code = 'WW'");
        long personId = id("SELECT id FROM person WHERE email = '" + SignIn.BURY_COACH + "'");
        String c = "/cases/" + caseId;

        SoftAssertions soft = new SoftAssertions();
        check(soft, new MockHttpSession(), List.of("/refer", "/refer/who", "/refer/name", "/refer/date-of-birth",
                "/refer/gp", "/refer/help", "/refer/equality", "/sign-in", "/cookies"));
        check(soft, SignIn.as(mvc, SignIn.BURY_COACH), List.of("/home", "/cases", c, c + "/action-plan",
                c + "/action-plan/edit", c + "/appointments", c + "/appointments/new", c + "/notes/new",
                c + "/assessment", c + "/vocational-profile", c + "/reviews", c + "/onward-referrals",
                c + "/employer", c + "/legal-hold", c + "/outcomes", c + "/measures", c + "/measures/new", c + "/exit",
                "/triage",
                "/referrals/" + referral.id(), "/referrals/" + referral.id() + "/decline",
                "/referrals/" + referral.id() + "/signpost", "/account", "/account/password", "/services", "/account/mfa",
                "/account/mfa/setup"));
        check(soft, SignIn.as(mvc, SignIn.BURY_MANAGER), List.of("/caseloads", "/performance", "/returns",
                "/reviews/overdue"));
        check(soft, SignIn.as(mvc, SignIn.GM_ADMIN), List.of("/organisations", "/organisations/" + organisationId,
                "/organisations/new", "/people", "/people/new", "/people/" + personId, "/people/" + personId + "/roles",
                "/programmes", "/programmes/" + programmeId, "/programmes/" + programmeId + "/kpis",
                "/audit", "/admin/retention", "/admin/erasure", "/people/" + personId + "/mfa/reset"));
        check(soft, SignIn.as(mvc, SignIn.NATIONAL_ADMIN), List.of("/admin/bank-holidays",
                "/admin/retention/periods/CASE_FILE"));
        check(soft, SignIn.as(mvc, "referrer@townside.workhealth.example"), List.of("/referrals/new/who",
                "/referrals/mine"));
        soft.assertAll();

        // Pages of one case or referral name it.
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        assertThat(title(coach, c)).startsWith("Tia ").contains(" – Case " + opened.reference() + " – ");
        assertThat(title(coach, c + "/action-plan")).contains(" – Case " + opened.reference() + " – ");
        assertThat(title(coach, "/referrals/" + referral.id() + "/decline"))
                .contains(" – Referral " + referral.reference() + " – ");
    }

    private void check(SoftAssertions soft, MockHttpSession session, List<String> paths) throws Exception {
        for (String path : paths) {
            MvcResult result = mvc.perform(get(path).session(session)).andReturn();
            soft.assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
            if (result.getResponse().getStatus() == 200) {
                Document page = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
                PageTitles.problem(page.title(), page.select("h1").eachText())
                        .ifPresent(problem -> soft.fail(path + ": " + problem));
            }
        }
    }

    private String title(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).title();
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private ReferralIntake.Submitted refer() {
        ReferralAnswers answers = TestData.Referral.of("Tia", "Title" + UUID.randomUUID().toString()
                .replaceAll("[^a-f]", "")).born(LocalDate.of(1986, 4, 4)).phone("07700900321")
                .livingAt(null, "Bury", "BL9 0EJ").health(true, false, "Anxiety", null).answers();
        return intake.submit(answers, ReferralSource.PUBLIC, null, null);
    }

    private long open(ReferralIntake.Submitted referral) {
        return casework.openCase(new OpenCase(referral.id(), referral.reference(),
                id("SELECT id FROM programme WHERE code = 'WW'"), null,
                id("SELECT id FROM organisation WHERE name = 'Bury Council Live Well service'"),
                id("SELECT id FROM person WHERE email = '" + SignIn.BURY_COACH + "'"),
                EmploymentStatus.UNEMPLOYED.name(), LocalDate.now().minusDays(1)));
    }
}

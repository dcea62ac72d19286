package org.workhealth.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;

/**
 * The pages every service has, and the branding of a service run by a council or an ICB rather than
 * on GOV.UK: the operator named in the settings, no crown, no Crown copyright.
 */
@SpringBootTest(properties = {"workhealth.operator.name=Bury Council",
    "workhealth.operator.contact=dpo@bury.example, Town Hall, Knowsley Street, Bury BL9 0SW",
    "workhealth.operator.licence=Content by Bury Council is available under the Open Government Licence v3.0"})
@AutoConfigureMockMvc
class SitePagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theHeaderNamesTheOperatorAndTheServiceWithoutTheGovukCrownOrLogotype() throws Exception {
        Document start = page("/", null);
        assertThat(start.select("header.govuk-header").text()).isEqualTo("Bury Council");
        assertThat(start.select("header svg, .govuk-header__logotype, .govuk-logo")).isEmpty();
        assertThat(start.select(".govuk-service-navigation__service-name").text()).isEqualTo("WorkHealth");
        assertThat(start.select("link[rel~=icon], link[rel=manifest], link[rel=mask-icon]").eachAttr("href"))
                .noneMatch(href -> href.contains("govuk"));
    }

    /** Browsers ask for /favicon.ico on every site: it answers with the service's own icon, not a 404 or the crown. */
    @Test
    void theFaviconAnswersWithTheServicesOwnIconToAnyone() throws Exception {
        byte[] icon = mvc.perform(get("/favicon.ico")).andReturn().getResponse().getContentAsByteArray();
        var response = mvc.perform(get("/favicon.ico")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).contains("icon");
        try (var own = getClass().getResourceAsStream("/static/favicon.ico")) {
            assertThat(icon).isEqualTo(own.readAllBytes());
        }
        // An ICO file: reserved 0, type 1 (icon).
        assertThat(icon).startsWith(0, 0, 1, 0);
        assertThat(page("/", null).select("link[rel=icon]").attr("href")).isEqualTo("/favicon.ico");
    }

    @Test
    void theFooterHasTheOperatorsCopyrightAndTheLicenceLineItSetsButNoCrown() throws Exception {
        Document start = page("/", null);
        String footer = start.select("footer").text();
        assertThat(footer).doesNotContain("Crown copyright").contains("© Bury Council")
                .contains("Content by Bury Council is available under the Open Government Licence v3.0");
        assertThat(start.select("footer svg, .govuk-footer__crown, .govuk-footer__copyright-logo")).isEmpty();
        assertThat(start.select("footer a").eachAttr("href")).contains("/privacy", "/accessibility", "/cookies");
    }

    @Test
    void thePrivacyNoticeIsPublicAndNamesTheControllerTheLawfulBasisRetentionAndRights() throws Exception {
        Document privacy = page("/privacy", null);
        assertThat(privacy.select("h1").text()).isEqualTo("Privacy notice");
        String text = privacy.select("main").text();
        assertThat(text).contains("Bury Council is the data controller",
                "dpo@bury.example, Town Hall, Knowsley Street, Bury BL9 0SW",
                "Article 6(1)(e)", "Article 9(2)(h)", "Schedule 1", "Data Protection Act 2018",
                "How long we keep your information", "Your rights", "Information Commissioner's Office");
        assertThat(privacy.select("main h2").eachText()).contains("Who holds your information",
                "Our lawful basis", "How long we keep your information", "Your rights");
    }

    @Test
    void theAccessibilityStatementFollowsTheGovukModel() throws Exception {
        Document statement = page("/accessibility", null);
        assertThat(statement.select("main h2, main h3").eachText()).contains("Compliance status", "Non-accessible content",
                "Reporting accessibility problems with this service", "Enforcement procedure",
                "Preparation of this accessibility statement");
        String text = statement.select("main").text();
        assertThat(text).contains("Bury Council", "Equality and Human Rights Commission",
                "Equality Advisory and Support Service", "Equality Commission for Northern Ireland",
                "This statement was prepared on", "It was last reviewed on");
    }

    @Test
    void everyReferralFormThatAsksForConsentLinksToThePrivacyNotice() throws Exception {
        assertThat(page("/refer/consent", null).select("main a[href=/privacy]")).isNotEmpty();
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        mvc.perform(get("/referrals/new").session(manager));
        assertThat(page("/referrals/new/consent", manager).select("main a[href=/privacy]")).isNotEmpty();
        assertThat(page("/referrals/upload", manager).select("main a[href=/privacy]")).isNotEmpty();
    }

    private Document page(String path, MockHttpSession session) throws Exception {
        var request = get(path);
        if (session != null) {
            request.session(session);
        }
        return Jsoup.parse(mvc.perform(request).andReturn().getResponse().getContentAsString());
    }
}

package org.workhealth.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;

/** Where people find pages: the service navigation for each role, the public start page, and the default layout. */
@SpringBootTest
@AutoConfigureMockMvc
class SiteNavigationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void providerManagersFindCaseloadsAndOverdueReviewsInTheNavigation() throws Exception {
        assertThat(navigation(SignIn.BURY_MANAGER)).contains("/caseloads", "/reviews/overdue");
    }

    @Test
    void commissionersFindCaseloadsButPractitionersAndAdministratorsDoNot() throws Exception {
        assertThat(navigation(SignIn.GM_COMMISSIONER)).contains("/caseloads").doesNotContain("/reviews/overdue");
        assertThat(navigation(SignIn.BURY_COACH)).doesNotContain("/caseloads");
        assertThat(navigation(SignIn.NATIONAL_ADMIN)).doesNotContain("/caseloads", "/reviews/overdue");
    }

    @Test
    void theManagersHomePageListsTheSamePages() throws Exception {
        Document home = page("/home", SignIn.as(mvc, SignIn.BURY_MANAGER));
        assertThat(home.select("main a").eachAttr("href")).contains("/caseloads", "/reviews/overdue");
    }

    @Test
    void thePublicStartPageLinksToTheSelfReferralForm() throws Exception {
        Document start = page("/", null);
        Element link = start.selectFirst("main a[href=/refer]");
        assertThat(link).isNotNull();
        assertThat(link.text()).containsIgnoringCase("refer");
    }

    @Test
    void withoutOperatorSettingsTheFooterShowsNoLicenceAndNoCrownCopyright() throws Exception {
        Document start = page("/", null);
        assertThat(start.select("header.govuk-header").text()).isEqualTo("WorkHealth");
        assertThat(start.select("footer").text()).doesNotContain("Crown copyright", "Open Government Licence")
                .contains("© WorkHealth");
    }

    private List<String> navigation(String email) throws Exception {
        return page("/home", SignIn.as(mvc, email)).select(".govuk-service-navigation__list a").eachAttr("href");
    }

    private Document page(String path, MockHttpSession session) throws Exception {
        var request = get(path);
        if (session != null) {
            request.session(session);
        }
        return Jsoup.parse(mvc.perform(request).andReturn().getResponse().getContentAsString());
    }
}

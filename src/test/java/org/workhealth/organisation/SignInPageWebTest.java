package org.workhealth.organisation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.govuk.internal.GovukDialect;

/**
 * A web slice: the sign-in page in the GOV.UK layout, without a database. The filters and web configuration of
 * other modules (multi-factor sign-in, the audit of page views) are left out: they need the database.
 */
@WebMvcTest(controllers = SignInController.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = {"org\\.workhealth\\.mfa\\..*", "org\\.workhealth\\.audit\\..*",
                "org\\.workhealth\\.govuk\\.UploadTooLarge.*"}))
@Import({SecurityConfiguration.class, SessionConfiguration.class, CurrentUserInterceptor.class, GovukDialect.class})
@org.springframework.boot.context.properties.EnableConfigurationProperties(SingleSignOnProperties.class)
class SignInPageWebTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    StaffDirectory directory;

    // What the security configuration and the web layer need from outside this slice.
    @MockitoBean
    org.workhealth.audit.AuditLog audit;

    @MockitoBean
    AccountSessions accountSessions;

    @MockitoBean
    SingleSignOn singleSignOn;

    @MockitoBean
    AccessPolicy access;

    @Test
    void theSignInPageFollowsTheGovukLayout() throws Exception {
        mvc.perform(get("/sign-in")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Sign in – WorkHealth</title>")))
                .andExpect(content().string(containsString("class=\"govuk-skip-link\"")))
                .andExpect(content().string(containsString("govuk-service-navigation")))
                .andExpect(content().string(containsString("govuk-phase-banner")))
                .andExpect(content().string(containsString("id=\"main-content\"")))
                .andExpect(content().string(containsString("govuk-footer")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(not(containsString("There is a problem"))));
    }

    @Test
    void aFailedSignInShowsOneMessageInTheSummaryAndAgainstTheEmailField() throws Exception {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(SignInController.TYPED_EMAIL, "someone@example.com");
        mvc.perform(get("/sign-in").param("error", "").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Error: Sign in – WorkHealth</title>")))
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("href=\"#email\"")))
                .andExpect(content().string(containsString("id=\"email-error\"")))
                .andExpect(content().string(containsString("value=\"someone@example.com\"")));
    }
}

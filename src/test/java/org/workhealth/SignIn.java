package org.workhealth;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Signs in through the real sign-in form, as a person would, and hands back their session. */
public final class SignIn {

    public static final String DEMO_PASSWORD = "demo-password-2026";

    public static final String NATIONAL_ADMIN = "admin@workhealth.example";
    public static final String GM_ADMIN = "admin@gm.workhealth.example";
    public static final String GM_COMMISSIONER = "commissioner@gm.workhealth.example";
    public static final String WMCA_COMMISSIONER = "commissioner@wmca.workhealth.example";
    public static final String BURY_MANAGER = "manager@bury.workhealth.example";
    public static final String BURY_COACH = "coach@bury.workhealth.example";
    public static final String NATIONAL = "national@workhealth.example";

    private SignIn() {
    }

    public static MockHttpSession as(MockMvc mvc, String email) throws Exception {
        return as(mvc, email, DEMO_PASSWORD);
    }

    public static MockHttpSession as(MockMvc mvc, String email, String password) throws Exception {
        MvcResult result = mvc.perform(post("/sign-in").param("email", email).param("password", password).with(csrf()))
                .andReturn();
        String target = result.getResponse().getRedirectedUrl();
        if (target == null || target.contains("error")) {
            throw new AssertionError("Could not sign in as " + email + ": redirected to " + target);
        }
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}

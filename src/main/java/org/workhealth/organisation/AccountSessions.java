package org.workhealth.organisation;

import java.io.IOException;
import java.util.function.Predicate;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.stereotype.Component;

/**
 * Ends a person's sessions when their password changes: their other sessions when they change it themselves
 * (someone else may have had it), all of them when an administrator resets it. Spring Security's session registry
 * knows every signed-in session; an ended one is signed out on its next request.
 */
@Component
class AccountSessions implements SessionInformationExpiredStrategy {

    static final String ENDED_URL = "/sign-in?passwordChanged";

    private final SessionRegistry registry;

    AccountSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** @return how many sessions were ended */
    int endOtherSessions(long personId, String keepSessionId) {
        return end(personId, id -> !id.equals(keepSessionId));
    }

    /** @return how many sessions were ended */
    int endAllSessions(long personId) {
        return end(personId, id -> true);
    }

    private int end(long personId, Predicate<String> which) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof StaffUserDetails details && details.user().id() == personId) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    if (which.test(session.getSessionId())) {
                        session.expireNow();
                        ended++;
                    }
                }
            }
        }
        return ended;
    }

    /** The ended session's cookie goes too, so the sign-in page says why rather than "timed out". */
    @Override
    public void onExpiredSessionDetected(SessionInformationExpiredEvent event) throws IOException {
        HttpServletRequest request = event.getRequest();
        HttpServletResponse response = event.getResponse();
        Cookie cookie = new Cookie("WORKHEALTH_SESSION", null);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(0);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
        response.sendRedirect(request.getContextPath() + ENDED_URL);
    }
}

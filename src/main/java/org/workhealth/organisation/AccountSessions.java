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
 * (someone else may have had it), all of them when an administrator resets it. The session registry knows every
 * signed-in session on every node (it is the sessions table); an ended one is signed out on its next request,
 * whichever node serves it.
 */
@Component
class AccountSessions implements SessionInformationExpiredStrategy {

    static final String ENDED_URL = "/sign-in?passwordChanged";

    private final SessionRegistry registry;

    AccountSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** @return how many sessions were ended */
    int endOtherSessions(String email, String keepSessionId) {
        return end(email, id -> !id.equals(keepSessionId));
    }

    /** @return how many sessions were ended */
    int endAllSessions(String email) {
        return end(email, id -> true);
    }

    /** Sessions are registered under the signed-in person's email, the name Spring Security gives them. */
    private int end(String email, Predicate<String> which) {
        int ended = 0;
        for (SessionInformation session : registry.getAllSessions(email, false)) {
            if (which.test(session.getSessionId())) {
                session.expireNow();
                ended++;
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

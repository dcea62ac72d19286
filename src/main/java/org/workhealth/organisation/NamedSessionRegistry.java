package org.workhealth.organisation;

import java.util.List;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistryImpl;

/**
 * The in-memory register, keyed by the principal's name (a person's email) as the database-backed one is, so
 * that {@link AccountSessions} asks both the same way.
 */
class NamedSessionRegistry extends SessionRegistryImpl {

    @Override
    public void registerNewSession(String sessionId, Object principal) {
        super.registerNewSession(sessionId, name(principal));
    }

    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        return super.getAllSessions(name(principal), includeExpiredSessions);
    }

    /** The name Spring Session indexes a session by: the authentication's name for this principal. */
    private static String name(Object principal) {
        return new TestingAuthenticationToken(principal, null).getName();
    }
}

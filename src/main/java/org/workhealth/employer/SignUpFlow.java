package org.workhealth.employer;

import org.workhealth.employer.internal.SignUpDraft;

import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/**
 * Where a sign-up in progress is kept, the two ways in (the public form, an advisor signing an employer up), and
 * which hub a sign-up goes to: the hub named by the setting {@code workhealth.employer.sign-up-hub} (the West
 * Midlands Combined Authority unless set), or the advisor's own organisation when it is a hub.
 */
@Component
class SignUpFlow {

    enum Mode {
        PUBLIC, ADVISOR;

        /** Where the question pages of a sign-up live. */
        String base() {
            return this == PUBLIC ? "/thrive-at-work/sign-up" : "/employers/new";
        }

        /** The page before the first question: the public start page, or the advisor's list of employers. */
        String startPage() {
            return this == PUBLIC ? base() : "/employers";
        }

        String caption() {
            return this == PUBLIC ? "Sign up to Thrive at Work" : "Sign up an employer";
        }

        String sessionKey() {
            return SignUpDraft.class.getName() + "." + name();
        }
    }

    private final Organisations organisations;
    private final String hubName;

    SignUpFlow(Organisations organisations,
            @Value("${workhealth.employer.sign-up-hub:West Midlands Combined Authority}") String hubName) {
        this.organisations = organisations;
        this.hubName = hubName;
    }

    SignUpDraft draft(HttpSession session, Mode mode) {
        SignUpDraft draft = (SignUpDraft) session.getAttribute(mode.sessionKey());
        if (draft == null) {
            draft = new SignUpDraft();
            session.setAttribute(mode.sessionKey(), draft);
        }
        return draft;
    }

    SignUpDraft existing(HttpSession session, Mode mode) {
        return session == null ? null : (SignUpDraft) session.getAttribute(mode.sessionKey());
    }

    void reset(HttpSession session, Mode mode) {
        session.removeAttribute(mode.sessionKey());
    }

    /** The hub public sign-ups go to; "not found" when this copy of the service has no such hub. */
    long publicHub() {
        return organisations.findByName(hubName).filter(o -> "HUB".equals(o.typeCode())).map(Organisation::id)
                .orElseThrow(OutOfScopeException::new);
    }

    /** An advisor's sign-ups go to their own hub when they work at one, else to the programme's hub. */
    long hubFor(CurrentUser advisor) {
        return organisations.find(advisor.organisationId()).filter(o -> "HUB".equals(o.typeCode()))
                .map(Organisation::id).orElseGet(this::publicHub);
    }

    static void requireAdvisor(CurrentUser user) {
        if (user == null || !user.has(Permission.ADVISE_EMPLOYERS)) {
            throw new OutOfScopeException();
        }
    }
}

package org.workhealth.referral;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;
import org.workhealth.organisation.CurrentUser;

/** Where a referral in progress is kept, and the two ways in: public, or a signed-in referrer. */
@Component
class ReferralFlow {

    enum Mode {
        PUBLIC("/refer", "/refer"),
        PARTNER("/referrals/new", "/referrals/mine");

        private final String base;
        private final String startPage;

        Mode(String base, String startPage) {
            this.base = base;
            this.startPage = startPage;
        }

        String base() {
            return base;
        }

        String startPage() {
            return startPage;
        }

        String sessionKey() {
            return ReferralDraft.class.getName() + "." + name();
        }
    }

    ReferralDraft draft(HttpSession session, Mode mode) {
        ReferralDraft draft = (ReferralDraft) session.getAttribute(mode.sessionKey());
        if (draft == null) {
            draft = new ReferralDraft();
            if (mode == Mode.PARTNER) {
                draft.setReferringFor("SOMEONE_ELSE");
            }
            session.setAttribute(mode.sessionKey(), draft);
        }
        return draft;
    }

    /** The draft if one is in progress, without starting one. */
    ReferralDraft existing(HttpSession session, Mode mode) {
        return session == null ? null : (ReferralDraft) session.getAttribute(mode.sessionKey());
    }

    void reset(HttpSession session, Mode mode) {
        session.removeAttribute(mode.sessionKey());
    }

    /** A signed-in referrer refers someone else, as themselves. */
    /** Whether the person filling the form is referring themselves, so the pages say "you" rather than "they". */
    static boolean isSelfReferral(Mode mode, ReferralDraft draft) {
        return mode == Mode.PUBLIC && draft != null && "SELF".equals(draft.getReferringFor());
    }

    void fillReferrer(ReferralDraft draft, CurrentUser user) {
        draft.setReferringFor("SOMEONE_ELSE");
        draft.setReferrerName(user.fullName() + ", " + user.organisationName());
        draft.setReferrerContact(user.email());
    }
}

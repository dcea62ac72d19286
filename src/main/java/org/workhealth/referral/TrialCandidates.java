package org.workhealth.referral;

import org.springframework.stereotype.Service;
import org.workhealth.organisation.CurrentUser;

/**
 * Referrals offered to a trial at triage: only to someone who may triage the referral (otherwise "not found"). The
 * trial module reads them through here rather than from the referral tables.
 */
@Service
public class TrialCandidates {

    private final Triage triage;

    TrialCandidates(Triage triage) {
        this.triage = triage;
    }

    /** For a page that shows the referral: one VIEW entry in the audit log. */
    public TrialCandidate view(CurrentUser user, long referralId) {
        return candidate(triage.view(user, referralId));
    }

    /** For an action: the access check without a view entry (the action is audited itself). */
    public TrialCandidate find(CurrentUser user, long referralId) {
        return candidate(triage.triageable(user, referralId));
    }

    private static TrialCandidate candidate(ReferralDetails r) {
        String inWork = null;
        if (r.employmentStatus() != null) {
            inWork = EmploymentStatus.valueOf(r.employmentStatus()).inWork() ? "IN_WORK" : "OUT_OF_WORK";
        }
        return new TrialCandidate(r.id(), r.reference(), r.routedOrganisationId(), r.routedOrganisationName(), inWork,
                r.cohortName());
    }
}

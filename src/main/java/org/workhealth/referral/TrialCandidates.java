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
        return candidate(user, triage.view(user, referralId));
    }

    /** For an action: the access check without a view entry (the action is audited itself). */
    public TrialCandidate find(CurrentUser user, long referralId) {
        return candidate(user, triage.triageable(user, referralId));
    }

    private TrialCandidate candidate(CurrentUser user, ReferralDetails r) {
        String inWork = null;
        if (r.employmentStatus() != null) {
            inWork = EmploymentStatus.valueOf(r.employmentStatus()).inWork() ? "IN_WORK" : "OUT_OF_WORK";
        }
        // Once a programme is named the referral is assessed for that one only; before, for any the triage page
        // offers the triager (the same list, so a trial link the page showed always leads somewhere).
        java.util.Set<Long> assessable = r.programmeId() != null ? java.util.Set.of(r.programmeId())
                : triage.programmesFor(user).stream().map(p -> p.id()).collect(java.util.stream.Collectors.toSet());
        return new TrialCandidate(r.id(), r.reference(), r.routedOrganisationId(), r.routedOrganisationName(), inWork,
                r.cohortName(), r.programmeId(), assessable, r.status());
    }
}

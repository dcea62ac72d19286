package org.workhealth.referral;

/**
 * A referral as a trial needs it at randomisation: who holds it and the values of the stratification factors,
 * read from the referral itself so nobody types a stratum in.
 *
 * @param inWork "IN_WORK" or "OUT_OF_WORK", or null when the employment status is not recorded
 * @param cohortName null until a cohort is chosen
 * @param programmeId the referral's programme once a decision or route has named one, else null
 * @param assessableProgrammeIds the programmes it may be assessed for at triage: its programme once named,
 *        otherwise the programmes the triager works with (the triage page's choice)
 * @param status where the referral has got to: only an open one may be randomised
 */
public record TrialCandidate(long referralId, String reference, long routedOrganisationId,
        String routedOrganisationName, String inWork, String cohortName, Long programmeId,
        java.util.Set<Long> assessableProgrammeIds, ReferralStatus status) {

    public TrialCandidate {
        assessableProgrammeIds = java.util.Set.copyOf(assessableProgrammeIds);
    }

    /** Whether a trial on the programme may take this referral. */
    public boolean assessableFor(long programmeId) {
        return assessableProgrammeIds.contains(programmeId);
    }

    /** Still waiting for a triage decision: a decided referral is not randomised. */
    public boolean open() {
        return status.open();
    }
}

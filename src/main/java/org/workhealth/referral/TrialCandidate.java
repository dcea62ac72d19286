package org.workhealth.referral;

/**
 * A referral as a trial needs it at randomisation: who holds it and the values of the stratification factors,
 * read from the referral itself so nobody types a stratum in.
 *
 * @param inWork "IN_WORK" or "OUT_OF_WORK", or null when the employment status is not recorded
 * @param cohortCode null until a cohort is chosen
 */
public record TrialCandidate(long referralId, String reference, long routedOrganisationId,
        String routedOrganisationName, String inWork, String cohortName) {
}

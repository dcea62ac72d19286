package org.workhealth.referral;

/**
 * How many distinct referrals reached one stage, for one cohort.
 *
 * @param stage    the position of the stage in the list asked for
 * @param cohortId the referral's cohort; null for referrals without one
 */
public record ReferralStageCount(int stage, Long cohortId, long referrals) {
}

package org.workhealth.referral;

/**
 * Published by the trial module when a referral is randomised (participant trials). Defined here, not in the trial
 * module, because the trial module already reads referrals: the referral module listens without depending on trials.
 *
 * @param controlAction what the protocol says happens in the control arm; null for a treatment arm
 */
public record ParticipantAllocated(long referralId, long trialId, String trialTitle, long programmeId,
        String armCode, String armName, boolean control, String controlAction, long allocatedBy) {
}

package org.workhealth.milestone;

/**
 * A referral that reached a stage: it has a current milestone of one of the stage's types, as
 * {@link Milestones#referralStages} finds them. {@code stage} is the stage's position in the list asked for.
 */
public record ReferralStage(int stage, long referralId) {
}

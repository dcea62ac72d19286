package org.workhealth.trial.consort;

import java.util.List;

/**
 * The numbers of a trial's CONSORT flow diagram, from the record. {@code referred} is null for employer trials
 * (nobody refers an employer into a trial). Assessed = randomised + excluded; randomised = the arms' allocated.
 */
public record ConsortCounts(boolean employers, Long referred, int excludedNotEligible, int excludedDeclined,
        int excludedOther, List<ArmFlow> arms, boolean receiptRecorded) {

    public int excluded() {
        return excludedNotEligible + excludedDeclined + excludedOther;
    }

    public int randomised() {
        return arms.stream().mapToInt(ArmFlow::allocated).sum();
    }

    public int assessed() {
        return randomised() + excluded();
    }

    public String units() {
        return employers ? "employers" : "participants";
    }

    public boolean addsUp() {
        return arms.stream().allMatch(ArmFlow::addsUp) && assessed() == excluded() + randomised();
    }
}

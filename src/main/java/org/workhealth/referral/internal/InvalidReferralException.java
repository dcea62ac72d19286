package org.workhealth.referral.internal;

import java.util.List;

/** A referral that breaks the rules reached the point of saving; nothing was saved. */
public class InvalidReferralException extends RuntimeException {

    private final transient List<ReferralRules.Problem> problems;

    public InvalidReferralException(List<ReferralRules.Problem> problems) {
        super("Referral is not valid: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<ReferralRules.Problem> problems() {
        return problems;
    }
}

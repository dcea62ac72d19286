package org.workhealth.trial.employer;

import java.util.List;
import java.util.Optional;

/** A trial's grant: the funding agreement that pays it and the instalments, each with its condition. */
public record GrantPlan(long trialId, long fundingAgreementId, List<Instalment> instalments) {

    /** One instalment of the plan: its number, amount in pence and the condition that must be met first. */
    public record Instalment(int number, long amountPence, String condition) {

        public String amount() {
            return Pounds.format(amountPence);
        }
    }

    public GrantPlan {
        instalments = List.copyOf(instalments);
    }

    public Optional<Instalment> instalment(int number) {
        return instalments.stream().filter(i -> i.number() == number).findFirst();
    }

    public long totalPence() {
        return instalments.stream().mapToLong(Instalment::amountPence).sum();
    }
}

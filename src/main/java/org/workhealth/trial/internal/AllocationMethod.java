package org.workhealth.trial.internal;


/** How arms are assigned: docs/trials.md gives the method and references for each. */
public enum AllocationMethod {
    PERMUTED_BLOCKS("Permuted blocks of random size within strata"),
    MINIMISATION("Minimisation with a random element");

    private final String label;

    AllocationMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

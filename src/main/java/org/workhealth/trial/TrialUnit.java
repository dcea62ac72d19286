package org.workhealth.trial;

/** What is randomised: a person referred to the programme, or an employer (an SME trial). */
public enum TrialUnit {
    PARTICIPANT("Participant"), EMPLOYER("Employer");

    private final String label;

    TrialUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

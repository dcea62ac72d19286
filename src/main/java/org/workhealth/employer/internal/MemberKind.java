package org.workhealth.employer.internal;

/** What one of an employer's own people is to the programme. */
public enum MemberKind {
    WELLBEING_LEAD("Wellbeing lead"),
    CHAMPION("Wellbeing champion");

    private final String label;

    MemberKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

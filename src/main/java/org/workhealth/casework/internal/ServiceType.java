package org.workhealth.casework.internal;

/** The kinds of service in the directory, as practitioners look for them when signposting. */
public enum ServiceType {
    EMPLOYMENT_SUPPORT("Employment support"),
    MENTAL_HEALTH("Mental health"),
    MUSCULOSKELETAL("Musculoskeletal"),
    SKILLS_AND_EDUCATION("Skills and education"),
    MONEY_AND_DEBT("Money and debt"),
    HOUSING("Housing"),
    VOLUNTARY_SECTOR("Voluntary sector"),
    OTHER("Other");

    private final String label;

    ServiceType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.workhealth.referral;

/**
 * The kinds of eligibility rule a programme can hold. Each rule is a row of data (kind and plain-text
 * parameters), so commissioners change eligibility without a release; {@link EligibilityRule} says
 * what each kind means.
 */
enum EligibilityRuleKind {
    AGE_RANGE("Age range", "The youngest and oldest age accepted, on the day the referral was received"),
    EMPLOYMENT_STATUS_IN("Employment status", "Only people with one of the chosen employment statuses"),
    WEEKS_SINCE_LAST_WORKED_AT_MOST("Weeks since last worked",
            "People who are unemployed must have stopped working no more than this many weeks before referral"),
    IN_AREA("Lives or has a GP in the area",
            "Postcode district or GP practice is in an area of an organisation delivering or commissioning the programme"),
    HEALTH_CONDITION_PRESENT("Has a health condition",
            "A mental health, musculoskeletal or other long-term condition"),
    NOT_ALREADY_ACTIVE("Not already on the programme",
            "No other accepted referral for the same person on this programme");

    private final String label;
    private final String hint;

    EligibilityRuleKind(String label, String hint) {
        this.label = label;
        this.hint = hint;
    }

    public String label() {
        return label;
    }

    public String hint() {
        return hint;
    }
}

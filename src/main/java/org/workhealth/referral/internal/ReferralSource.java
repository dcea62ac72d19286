package org.workhealth.referral.internal;

/** How a referral reached the single access point. */
public enum ReferralSource {
    PUBLIC("Online form"),
    PARTNER("Partner referral"),
    BULK("File upload"),
    API("API client"),
    FHIR("GP system (FHIR)");

    private final String label;

    ReferralSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.workhealth.fhir.internal;

/**
 * The systems and codes the FHIR referral interface reads and writes. The service's own are canonical names under
 * {@link #BASE}: stable identifiers, not addresses anyone needs to fetch (docs/fhir.md lists every code).
 */
public final class FhirCodes {

    public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String ODS_ORGANISATION = "https://fhir.nhs.uk/Id/ods-organization-code";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    /** LOINC "Employment status current": the Observation that says whether the person works. */
    public static final String LOINC_EMPLOYMENT_STATUS = "67875-5";

    public static final String BASE = "https://workhealth.example/fhir/";
    /** The referral's reference (such as ABCD-EFGH), which is also the ServiceRequest's id. */
    public static final String REFERRAL_REFERENCE = BASE + "Id/referral-reference";
    /** The web form's employment statuses, by their codes (UNEMPLOYED, OFF_SICK...). */
    public static final String EMPLOYMENT_STATUS = BASE + "CodeSystem/employment-status";
    /** The service's own codes for what base FHIR has no code for: fit-note, employer-name, contact-employer. */
    public static final String REFERRAL_CODES = BASE + "CodeSystem/referral";
    public static final String FIT_NOTE = "fit-note";
    public static final String EMPLOYER_NAME = "employer-name";
    public static final String CONTACT_EMPLOYER = "contact-employer";
    /** Where triage has got to, in the service's own words, on a ServiceRequest the service answers with. */
    public static final String REFERRAL_STATUS_EXTENSION = BASE + "StructureDefinition/referral-status";
    public static final String REFERRAL_STATUS = BASE + "CodeSystem/referral-status";

    private FhirCodes() {
    }
}

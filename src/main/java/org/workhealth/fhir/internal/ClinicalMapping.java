package org.workhealth.fhir.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.workhealth.fhir.internal.ConditionCategories.Category;
import org.workhealth.fhir.internal.ReferralResources.Located;
import org.workhealth.referral.EmploymentStatus;

/** Why the person is referred: conditions, fit note, employment, consent and the help asked for. */
final class ClinicalMapping {

    private static final Pattern FIT_NOTE_WORDS = Pattern.compile(
            "fit note|fit-note|fitness for work|med ?3\\b|statement of fitness");

    private ClinicalMapping() {
    }

    /** Every Condition sent (not refuted or entered in error) and the ServiceRequest's reasonCode. */
    static void conditions(ReferralResources sent, MappedReferral m) {
        List<String> details = new ArrayList<>();
        String firstAt = null;
        for (Located<Condition> located : sent.conditions()) {
            Condition condition = located.resource();
            if (condition.hasVerificationStatus() && condition.getVerificationStatus().getCoding().stream()
                    .anyMatch(c -> "refuted".equals(c.getCode()) || "entered-in-error".equals(c.getCode()))) {
                continue;
            }
            firstAt = firstAt == null ? located.at("code") : firstAt;
            add(condition.getCode(), details, m);
        }
        ServiceRequest request = sent.serviceRequest().resource();
        for (CodeableConcept reason : request.getReasonCode()) {
            firstAt = firstAt == null ? sent.serviceRequest().at("reasonCode") : firstAt;
            add(reason, details, m);
        }
        m.conditionDetails = details.isEmpty() ? null : String.join("; ", details);
        m.at("conditionDetails", firstAt == null ? sent.serviceRequest().at("reasonReference") : firstAt);
        m.helpWanted = request.getNote().stream().map(Annotation::getText).filter(t -> t != null && !t.isBlank())
                .map(String::strip).reduce((a, b) -> a + "\n" + b).orElse(null);
        m.at("helpWanted", sent.serviceRequest().at("note"));
    }

    private static void add(CodeableConcept code, List<String> details, MappedReferral m) {
        switch (ConditionCategories.of(code)) {
            case MENTAL_HEALTH -> m.mentalHealth = true;
            case MUSCULOSKELETAL -> m.musculoskeletal = true;
            case OTHER -> m.otherCondition = true;
        }
        String text = ConditionCategories.text(code);
        if (text != null && !text.isEmpty() && !details.contains(text)) {
            details.add(text);
        }
    }

    /** A fit note as an Observation (its effective date) or a DocumentReference (its period's start, else date). */
    static void fitNote(ReferralResources sent, MappedReferral m) {
        for (Located<Observation> located : sent.observations()) {
            Observation observation = located.resource();
            if (isFitNote(observation.getCode())) {
                m.hasFitNote = true;
                m.fitNoteSince = observation.hasEffectivePeriod()
                        ? PersonMapping.day(observation.getEffectivePeriod().getStartElement())
                        : observation.hasEffectiveDateTimeType()
                                ? PersonMapping.day(observation.getEffectiveDateTimeType()) : null;
                m.at("fitNoteSince", located.at("effective"));
                return;
            }
        }
        for (Located<DocumentReference> located : sent.documents()) {
            DocumentReference document = located.resource();
            if (isFitNote(document.getType())) {
                m.hasFitNote = true;
                if (document.getContext().getPeriod().hasStart()) {
                    m.fitNoteSince = PersonMapping.day(document.getContext().getPeriod().getStartElement());
                    m.at("fitNoteSince", located.at("context.period.start"));
                } else {
                    m.fitNoteSince = document.hasDate() ? PersonMapping.day(document.getDateElement()) : null;
                    m.at("fitNoteSince", located.at("date"));
                }
                return;
            }
        }
    }

    /**
     * Employment status: an Observation coded LOINC 67875-5 (or valued from the service's employment-status code
     * system) whose value is one of the web form's codes; for UNEMPLOYED its effectivePeriod.start is the day they
     * stopped working; a component coded employer-name gives the employer.
     */
    static void employment(ReferralResources sent, MappedReferral m) {
        m.at("employmentStatus", sent.serviceRequest().at("supportingInfo"));
        for (Located<Observation> located : sent.observations()) {
            Observation observation = located.resource();
            Optional<Coding> status = observation.hasValueCodeableConcept() ? observation.getValueCodeableConcept()
                    .getCoding().stream().filter(c -> FhirCodes.EMPLOYMENT_STATUS.equals(c.getSystem())).findFirst()
                    : Optional.empty();
            if (!has(observation.getCode(), FhirCodes.LOINC, FhirCodes.LOINC_EMPLOYMENT_STATUS) && status.isEmpty()) {
                continue;
            }
            m.at("employmentStatus", located.at("value"));
            m.employmentStatus = status.flatMap(c -> java.util.Arrays.stream(EmploymentStatus.values())
                    .filter(s -> s.name().equals(c.getCode())).findFirst()).orElse(null);
            m.unemployedSince = observation.hasEffectivePeriod()
                    ? PersonMapping.day(observation.getEffectivePeriod().getStartElement()) : null;
            m.at("unemployedSince", located.at("effective.start"));
            m.at("employerName", located.at("component"));
            for (Observation.ObservationComponentComponent component : observation.getComponent()) {
                if (has(component.getCode(), FhirCodes.REFERRAL_CODES, FhirCodes.EMPLOYER_NAME)
                        && component.hasValueStringType()) {
                    m.employerName = component.getValueStringType().getValue();
                }
            }
            if (m.employmentStatus == null) {
                m.problem("employmentStatus", "Give the employment status as one of UNEMPLOYED, EMPLOYED, "
                        + "SELF_EMPLOYED, OFF_SICK or NOT_WORKED_RECENTLY from " + FhirCodes.EMPLOYMENT_STATUS);
            }
            return;
        }
    }

    /**
     * Consent: an active Consent whose provision permits is the person agreeing to be referred, and to the service
     * contacting them and using their information; a nested provision that permits the action contact-employer is
     * their consent to the service contacting their employer.
     */
    static void consent(ReferralResources sent, MappedReferral m) {
        m.at("personAgrees", sent.serviceRequest().at("supportingInfo"));
        m.at("consentToContact", sent.serviceRequest().at("supportingInfo"));
        m.at("consentToContactEmployer", sent.serviceRequest().at("supportingInfo"));
        for (Located<Consent> located : sent.consents()) {
            Consent consent = located.resource();
            if (consent.getStatus() != Consent.ConsentState.ACTIVE) {
                continue;
            }
            Consent.ProvisionComponent provision = consent.getProvision();
            boolean permits = provision.getType() == Consent.ConsentProvisionType.PERMIT;
            m.at("personAgrees", located.at("provision.type"));
            m.at("consentToContact", located.at("provision.type"));
            m.personAgrees |= permits;
            m.consentToContact |= permits;
            for (Consent.ProvisionComponent nested : provision.getProvision()) {
                if (nested.getType() == Consent.ConsentProvisionType.PERMIT && nested.getAction().stream()
                        .anyMatch(a -> has(a, FhirCodes.REFERRAL_CODES, FhirCodes.CONTACT_EMPLOYER))) {
                    m.consentToContactEmployer = permits;
                }
            }
        }
    }

    static boolean isFitNote(CodeableConcept code) {
        if (has(code, FhirCodes.REFERRAL_CODES, FhirCodes.FIT_NOTE)) {
            return true;
        }
        StringBuilder words = new StringBuilder(code.hasText() ? code.getText() : "");
        code.getCoding().stream().filter(Coding::hasDisplay).forEach(c -> words.append(' ').append(c.getDisplay()));
        return FIT_NOTE_WORDS.matcher(words.toString().toLowerCase(Locale.UK)).find();
    }

    private static boolean has(CodeableConcept code, String system, String value) {
        return code.getCoding().stream().anyMatch(c -> system.equals(c.getSystem()) && value.equals(c.getCode()));
    }
}

package org.workhealth.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;

/**
 * The reused validators give a GP system exactly what HAPI's own validator gives: the same errors, warnings and
 * locations for a valid referral, for an invalid one, and for one naming a profile the service does not know; and a
 * validator that has seen an invalid referral does not carry anything over to the next one.
 */
class PooledInstanceValidatorTest {

    private static FhirValidator hapi;
    private static FhirValidator pooled;

    @BeforeAll
    static void validators() {
        FhirContext context = FhirServerContext.get();
        ValidationSupportChain support = FhirValidation.support(context);
        hapi = validator(context, new FhirInstanceValidator(support));
        // One validator in the pool, so every call below reuses the same HL7 InstanceValidator.
        pooled = validator(context, new PooledInstanceValidator(support, 1));
    }

    @Test
    void everyReferralGetsTheSameMessagesAsFromHapisOwnValidatorAndNothingCarriesOver() throws IOException {
        Bundle valid = bundle();
        Bundle invalid = bundle();
        ((ServiceRequest) invalid.getEntryFirstRep().getResource()).setIntent(null);
        Patient patient = (Patient) invalid.getEntry().get(1).getResource();
        patient.addIdentifier().setSystem("urn:oid:2.16.840.1.113883.2.1.4.1").setValue("9434765919");
        patient.getNameFirstRep().addGiven("");
        Bundle profiled = bundle();
        profiled.getMeta().addProfile("https://fhir.example/StructureDefinition/unknown-bundle");

        for (Bundle bundle : List.of(valid, invalid, valid, profiled, invalid, valid)) {
            assertThat(messages(pooled, bundle)).isEqualTo(messages(hapi, bundle));
        }
        assertThat(messages(pooled, valid)).noneMatch(m -> m.startsWith("ERROR"));
        assertThat(messages(pooled, invalid)).anyMatch(m -> m.startsWith("ERROR Bundle.entry[0].resource")
                && m.contains("intent"));
        assertThat(messages(pooled, new Patient().setBirthDateElement(new DateType("1980-01-01"))))
                .isEqualTo(messages(hapi, new Patient().setBirthDateElement(new DateType("1980-01-01"))));
    }

    private static List<String> messages(FhirValidator validator, org.hl7.fhir.instance.model.api.IBaseResource r) {
        return validator.validateWithResult(r).getMessages().stream()
                .map(m -> m.getSeverity() + " " + m.getLocationString() + " " + m.getMessageId() + " " + m.getMessage())
                .toList();
    }

    private static FhirValidator validator(FhirContext context, FhirInstanceValidator module) {
        module.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(module);
        return validator;
    }

    private static Bundle bundle() throws IOException {
        try (InputStream in = PooledInstanceValidatorTest.class.getResourceAsStream("/fhir/referral-bundle.json")) {
            return FhirServerContext.get().newJsonParser().parseResource(Bundle.class,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}

package org.workhealth.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.workhealth.TestData;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/** The example referrals of docs/fhir.md (src/test/resources/fhir), each for a person no other test has. */
final class FhirFixtures {

    static final IParser JSON = FhirContext.forR4Cached().newJsonParser();

    private FhirFixtures() {
    }

    /** The example Bundle of docs/fhir.md, for a person no other test has, out of work 12 weeks, fit note 2 weeks. */
    static Bundle bundle(String lastName) throws IOException {
        Bundle bundle = JSON.parseResource(Bundle.class, resource("referral-bundle.json"));
        String identifier = UUID.randomUUID().toString();
        bundle.getIdentifier().setValue(identifier);
        ServiceRequest request = (ServiceRequest) bundle.getEntryFirstRep().getResource();
        request.getIdentifierFirstRep().setValue(identifier);
        ((Patient) bundle.getEntry().get(1).getResource()).getNameFirstRep().setFamily(lastName);
        ((Observation) bundle.getEntry().get(6).getResource())
                .setEffective(new Period().setStartElement(new DateTimeType(TestData.today().minusWeeks(12).toString())));
        ((Observation) bundle.getEntry().get(7).getResource())
                .setEffective(new DateTimeType(TestData.today().minusWeeks(2).toString()));
        return bundle;
    }

    static ServiceRequest serviceRequest(String lastName) throws IOException {
        ServiceRequest request = JSON.parseResource(ServiceRequest.class, resource("referral-service-request.json"));
        ((Patient) request.getContained().get(0)).getNameFirstRep().setFamily(lastName);
        request.getIdentifierFirstRep().setValue(UUID.randomUUID().toString());
        return request;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FhirFixtures.class.getResourceAsStream("/fhir/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

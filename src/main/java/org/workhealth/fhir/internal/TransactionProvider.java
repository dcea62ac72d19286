package org.workhealth.fhir.internal;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;

/**
 * {@code POST /fhir}: a referral as a Bundle (transaction, or a collection or message of the same resources),
 * answered with a transaction-response Bundle. Only the ServiceRequest becomes a resource of the service: the
 * others are read into the referral and not kept as resources of their own, and their entries say so.
 */
@Component
public class TransactionProvider {

    private final FhirReferrals referrals;

    TransactionProvider(FhirReferrals referrals) {
        this.referrals = referrals;
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle) {
        FhirReferrals.Acknowledged acknowledged = referrals.receive(bundle, () -> ReferralResources.of(bundle),
                FhirCaller.current(), key(bundle));
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Bundle.BundleEntryComponent answer = response.addEntry();
            if (entry.getResource() instanceof ServiceRequest) {
                answer.setFullUrl("ServiceRequest/" + acknowledged.reference()).setResource(acknowledged.answer());
                answer.getResponse().setStatus(acknowledged.alreadyReceived() ? "200 OK" : "201 Created")
                        .setLocation("ServiceRequest/" + acknowledged.reference())
                        .setLastModified(acknowledged.answer().getMeta().getLastUpdated());
            } else {
                OperationOutcome note = new OperationOutcome();
                note.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                        .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                        .setDiagnostics("Read into referral " + acknowledged.reference()
                                + "; not kept as a resource of its own");
                answer.getResponse().setStatus("200 OK").setOutcome(note);
            }
        }
        return response;
    }

    private static String key(Bundle bundle) {
        ServiceRequest request = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(ServiceRequest.class::isInstance).map(ServiceRequest.class::cast).findFirst()
                .orElseGet(ServiceRequest::new);
        return FhirCaller.idempotencyKey(null, request, bundle);
    }
}

package org.workhealth.fhir.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.workhealth.referral.ReferralStatus;
import org.workhealth.referral.SystemReferrals;

/**
 * A referral as the ServiceRequest the service answers with. Its FHIR status says whether the service is still
 * acting on it; the extension and the note carry the service's own status words (docs/fhir.md has the table).
 * It names no personal data: the sending system holds the patient's record, the service only says where the
 * referral has got to.
 */
final class ReferralStatuses {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private ReferralStatuses() {
    }

    /**
     * Waiting for triage, or taken on (support runs for months after): active. Answered by pointing the person to
     * another service: completed. Not taken on (declined, not reached, or a trial's control arm): revoked.
     */
    static ServiceRequestStatus of(ReferralStatus status) {
        return switch (status) {
            case RECEIVED, IN_TRIAGE, ROUTED, ACCEPTED -> ServiceRequestStatus.ACTIVE;
            case SIGNPOSTED -> ServiceRequestStatus.COMPLETED;
            case DECLINED, UNABLE_TO_CONTACT, TRIAL_CONTROL -> ServiceRequestStatus.REVOKED;
        };
    }

    static ServiceRequest answer(SystemReferrals.SentReferral sent) {
        ServiceRequest request = new ServiceRequest();
        request.setId(new IdType("ServiceRequest", sent.reference()));
        Instant changed = sent.lastChangedAt() == null ? sent.receivedAt() : sent.lastChangedAt();
        request.getMeta().setLastUpdated(Date.from(changed));
        request.addIdentifier().setSystem(FhirCodes.REFERRAL_REFERENCE).setValue(sent.reference());
        request.setStatus(of(sent.status()));
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.getCode().setText("Referral to work and health support");
        request.setSubject(new Reference().setDisplay("The person referred (held by the sending system)"));
        request.addExtension(FhirCodes.REFERRAL_STATUS_EXTENSION,
                new Coding(FhirCodes.REFERRAL_STATUS, sent.status().name(), sent.status().label()));
        String words = sent.status().label() + ". Received " + DAY.format(sent.receivedAt())
                + (sent.status().open() ? "; a response is due by " + DAY.format(sent.responseDueAt()) : "") + ".";
        request.addNote().setText(words).setTimeElement(new org.hl7.fhir.r4.model.DateTimeType(Date.from(changed)));
        return request;
    }
}

package org.workhealth.fhir.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Service;
import org.workhealth.api.ApiCaller;
import org.workhealth.audit.AuditLog;
import org.workhealth.fhir.internal.Issues.Issue;
import org.workhealth.fhir.internal.ReferralResources.Located;
import org.workhealth.govuk.TypedText;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.Organisations;
import org.workhealth.referral.SystemReferrals;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * A GP system's referral, from FHIR resources to the web form's intake and back: validated against base R4, sent
 * by the practice the client belongs to, mapped answer by answer (docs/fhir.md), and taken by
 * {@link SystemReferrals} with its rules; its status read back only by the organisation that sent it.
 */
@Service
public class FhirReferrals {

    /** A referral the service holds (made now, or earlier for a repeated identifier) and the ServiceRequest for it. */
    public record Acknowledged(String reference, boolean alreadyReceived, ServiceRequest answer) {
    }

    private final SystemReferrals referrals;
    private final FhirValidation validation;
    private final Organisations organisations;
    private final AccessPolicy access;
    private final AuditLog audit;

    FhirReferrals(SystemReferrals referrals, FhirValidation validation, Organisations organisations,
            AccessPolicy access, AuditLog audit) {
        this.referrals = referrals;
        this.validation = validation;
        this.organisations = organisations;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Takes the referral in {@code sent} (a Bundle or a ServiceRequest, {@code whole}) from the caller's practice.
     *
     * @param idempotencyKey the sender's identifier for the referral: a repeat returns the referral first made
     */
    public Acknowledged receive(IBaseResource whole, java.util.function.Supplier<ReferralResources> sent,
            ApiCaller caller, String idempotencyKey) {
        List<SingleValidationMessage> errors = validation.errors(whole);
        if (!errors.isEmpty()) {
            throw Issues.unprocessable(errors.stream().map(e -> new Issue(IssueType.INVALID, e.getLocationString(),
                    e.getMessage())).toList());
        }
        ReferralResources resources = sent.get();
        Located<ServiceRequest> request = resources.serviceRequest();
        if (request.resource().getStatus() != ServiceRequest.ServiceRequestStatus.ACTIVE) {
            throw Issues.unprocessable(request.at("status"), "Send the referral with status active");
        }
        Located<Organization> practice = requireCallersPractice(resources, caller);
        MappedReferral mapped = map(resources, practice);
        if (!mapped.problems().isEmpty()) {
            throw refused(mapped.problems(), mapped);
        }
        SystemReferrals.Outcome outcome = referrals.submit(mapped.referral(), SystemReferrals.Channel.FHIR,
                caller.organisationId(), "fhir:" + caller.organisationId(), idempotencyKey);
        if (outcome instanceof SystemReferrals.Refused refused) {
            throw refused(refused.problems(), mapped);
        }
        SystemReferrals.Received received = (SystemReferrals.Received) outcome;
        SystemReferrals.SentReferral sentReferral = referrals.sentBy(received.reference(),
                List.of(caller.organisationId())).orElseThrow();
        return new Acknowledged(received.reference(), received.alreadyReceived(), ReferralStatuses.answer(sentReferral));
    }

    /** The referral's status, for the organisation that sent it (or one above it); not found for anyone else. */
    public ServiceRequest read(String reference, ApiCaller caller) {
        SystemReferrals.SentReferral sent = referrals.sentBy(reference, access.scopeOf(caller.organisationId()))
                .orElseThrow(() -> new ResourceNotFoundException("ServiceRequest/" + reference));
        audit.recordView("referral", sent.id(), null);
        return ReferralStatuses.answer(sent);
    }

    /**
     * The requesting practice must be the calling client's own organisation, named by its ODS code: a client may
     * refer only for the practice it belongs to.
     */
    private Located<Organization> requireCallersPractice(ReferralResources resources, ApiCaller caller) {
        Located<ServiceRequest> request = resources.serviceRequest();
        Located<Organization> practice = resources.requestingOrganisation().orElseThrow(() -> Issues.unprocessable(
                request.at("requester"), "Name the requesting practice: a PractitionerRole with its organization, "
                        + "or an Organization, with its ODS code"));
        Optional<String> ods = PersonMapping.identifier(practice.resource().getIdentifier(),
                FhirCodes.ODS_ORGANISATION);
        if (ods.isEmpty()) {
            throw Issues.unprocessable(practice.at("identifier"),
                    "Give the requesting practice's ODS code (system " + FhirCodes.ODS_ORGANISATION + ")");
        }
        String callers = organisations.find(caller.organisationId()).map(Organisation::odsCode).orElse(null);
        if (callers == null || !callers.equalsIgnoreCase(ods.get().strip())) {
            throw new ForbiddenOperationException("This client may refer only for its own organisation",
                    Issues.outcome(IssueSeverity.ERROR, List.of(new Issue(IssueType.FORBIDDEN,
                            practice.at("identifier"), callers == null
                                    ? "This client's organisation has no ODS code in the service: ask its administrator"
                                    : "This client may refer only for the practice with ODS code " + callers))));
        }
        return practice;
    }

    private static MappedReferral map(ReferralResources resources, Located<Organization> practice) {
        MappedReferral m = new MappedReferral();
        Located<org.hl7.fhir.r4.model.Patient> patient = resources.patient();
        PersonMapping.patient(patient, m);
        PersonMapping.referrer(resources.practitioner(), resources.role(), Optional.of(practice), m);
        // The person's own practice when the Patient names it, else the referring practice.
        Located<Organization> gp = patient.resource().getGeneralPractitioner().stream()
                .map(r -> resources.resolve(r, Organization.class)).flatMap(Optional::stream).findFirst()
                .orElse(practice);
        m.gpPractice = gp.resource().getName();
        m.gpPracticeCode = PersonMapping.identifier(gp.resource().getIdentifier(), FhirCodes.ODS_ORGANISATION)
                .orElse(null);
        m.at("gpPractice", gp.at("name"));
        m.at("gpPracticeCode", gp.at("identifier"));
        ClinicalMapping.conditions(resources, m);
        ClinicalMapping.fitNote(resources, m);
        ClinicalMapping.employment(resources, m);
        ClinicalMapping.consent(resources, m);
        for (Map.Entry<String, String> text : m.texts().entrySet()) {
            if (TypedText.hasControlCharacters(text.getValue())) {
                m.problem(text.getKey(), "Remove the control characters: send letters, numbers, spaces and punctuation");
            }
        }
        return m;
    }

    /** Every problem, each pointing at the FHIR element its answer is read from. */
    private static RuntimeException refused(List<SystemReferrals.Problem> problems, MappedReferral mapped) {
        List<Issue> issues = new ArrayList<>();
        for (SystemReferrals.Problem problem : problems) {
            issues.add(new Issue(IssueType.BUSINESSRULE, mapped.where(problem.field()), problem.message()));
        }
        return Issues.unprocessable(issues);
    }
}

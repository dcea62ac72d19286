package org.workhealth.fhir.internal;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;

/**
 * {@code POST /fhir/ServiceRequest}: a referral as one ServiceRequest with its Patient, requester and reasons
 * contained; {@code GET /fhir/ServiceRequest/{reference}}: where it has got to.
 */
@Component
public class ServiceRequestProvider implements IResourceProvider {

    private final FhirReferrals referrals;

    ServiceRequestProvider(FhirReferrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return ServiceRequest.class;
    }

    /** 201 and the new ServiceRequest; 200 and the one made before when its identifier was sent before. */
    @Create
    public MethodOutcome create(@ResourceParam ServiceRequest request, @ConditionalUrlParam String ifNoneExist) {
        FhirReferrals.Acknowledged acknowledged = referrals.receive(request, () -> ReferralResources.of(request),
                FhirCaller.current(), FhirCaller.idempotencyKey(ifNoneExist, request, null));
        MethodOutcome outcome = new MethodOutcome(new IdType("ServiceRequest", acknowledged.reference()),
                !acknowledged.alreadyReceived());
        outcome.setResource(acknowledged.answer());
        return outcome;
    }

    @Read
    public ServiceRequest read(@IdParam IdType id) {
        return referrals.read(id.getIdPart(), FhirCaller.current());
    }
}

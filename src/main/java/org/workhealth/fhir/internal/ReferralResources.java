package org.workhealth.fhir.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The resources of one referral, found in a Bundle or among a ServiceRequest's contained resources, each with the
 * FHIRPath it was found at so that a problem can point at it. References are followed within what was sent only:
 * the service never fetches a resource from elsewhere.
 */
public final class ReferralResources {

    /** A resource and where it was in what was sent, such as {@code Bundle.entry[1].resource}. */
    public record Located<T extends Resource>(T resource, String path) {

        public String at(String element) {
            return path + "." + element;
        }
    }

    private final List<Located<Resource>> all = new ArrayList<>();
    private final Map<String, Located<Resource>> byReference = new HashMap<>();
    private final Map<Resource, Located<Resource>> byIdentity = new IdentityHashMap<>();
    private Located<ServiceRequest> serviceRequest;

    private ReferralResources() {
    }

    /** A Bundle of any type holding exactly one ServiceRequest, and what it refers to. */
    public static ReferralResources of(Bundle bundle) {
        ReferralResources found = new ReferralResources();
        List<Integer> requests = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            if (entry.getResource() == null) {
                continue;
            }
            Located<Resource> located = found.add(entry.getResource(), "Bundle.entry[" + i + "].resource");
            if (entry.hasFullUrl()) {
                found.byReference.put(entry.getFullUrl(), located);
            }
            if (entry.getResource() instanceof ServiceRequest) {
                requests.add(i);
            }
        }
        if (requests.size() != 1) {
            throw Issues.unprocessable("Bundle.entry", "Send exactly one ServiceRequest in the Bundle (found "
                    + requests.size() + ")");
        }
        found.serviceRequest = found.typed(found.all.stream()
                .filter(l -> l.resource() instanceof ServiceRequest).findFirst().orElseThrow(), ServiceRequest.class);
        found.addContained();
        return found;
    }

    /** A ServiceRequest sent on its own, with its Patient and requester as contained resources. */
    public static ReferralResources of(ServiceRequest request) {
        ReferralResources found = new ReferralResources();
        found.serviceRequest = found.typed(found.add(request, "ServiceRequest"), ServiceRequest.class);
        found.addContained();
        return found;
    }

    public Located<ServiceRequest> serviceRequest() {
        return serviceRequest;
    }

    /** The resource a reference names, if it was sent, of the type wanted. */
    public <T extends Resource> Optional<Located<T>> resolve(Reference reference, Class<T> type) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        Located<Resource> located = null;
        if (reference.getResource() instanceof Resource target) {
            located = byIdentity.get(target);
        }
        if (located == null && reference.hasReference()) {
            located = byReference.get(reference.getReference());
        }
        return Optional.ofNullable(located).filter(l -> type.isInstance(l.resource())).map(l -> typed(l, type));
    }

    /** Every resource of the type that was sent, in the order sent. */
    public <T extends Resource> List<Located<T>> all(Class<T> type) {
        return all.stream().filter(l -> type.isInstance(l.resource())).map(l -> typed(l, type)).toList();
    }

    public Located<Patient> patient() {
        return resolve(serviceRequest.resource().getSubject(), Patient.class).orElseThrow(() -> Issues.unprocessable(
                serviceRequest.at("subject"), "Refer to the Patient, sent in the Bundle or contained"));
    }

    public Optional<Located<PractitionerRole>> role() {
        return resolve(serviceRequest.resource().getRequester(), PractitionerRole.class);
    }

    public Optional<Located<Practitioner>> practitioner() {
        return resolve(serviceRequest.resource().getRequester(), Practitioner.class)
                .or(() -> role().flatMap(r -> resolve(r.resource().getPractitioner(), Practitioner.class)));
    }

    /**
     * The requesting practice: the requester itself when it is an Organization, the PractitionerRole's
     * organization, or else the only Organization sent.
     */
    public Optional<Located<Organization>> requestingOrganisation() {
        Optional<Located<Organization>> named = resolve(serviceRequest.resource().getRequester(), Organization.class)
                .or(() -> role().flatMap(r -> resolve(r.resource().getOrganization(), Organization.class)));
        if (named.isPresent()) {
            return named;
        }
        List<Located<Organization>> organisations = all(Organization.class);
        return organisations.size() == 1 ? Optional.of(organisations.get(0)) : Optional.empty();
    }

    public List<Located<Condition>> conditions() {
        return all(Condition.class);
    }

    public List<Located<Observation>> observations() {
        return all(Observation.class);
    }

    public List<Located<DocumentReference>> documents() {
        return all(DocumentReference.class);
    }

    public List<Located<Consent>> consents() {
        return all(Consent.class);
    }

    private void addContained() {
        List<Resource> contained = serviceRequest.resource().getContained();
        for (int j = 0; j < contained.size(); j++) {
            Resource resource = contained.get(j);
            Located<Resource> located = add(resource, serviceRequest.at("contained[" + j + "]"));
            String id = resource.getIdElement().getIdPart();
            if (id != null) {
                byReference.put("#" + (id.startsWith("#") ? id.substring(1) : id), located);
            }
        }
    }

    private Located<Resource> add(Resource resource, String path) {
        Located<Resource> located = new Located<>(resource, path);
        all.add(located);
        byIdentity.put(resource, located);
        if (resource.getIdElement().hasIdPart()) {
            byReference.putIfAbsent(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), located);
        }
        return located;
    }

    @SuppressWarnings("unchecked")
    private <T extends Resource> Located<T> typed(Located<Resource> located, Class<T> type) {
        return (Located<T>) located;
    }
}

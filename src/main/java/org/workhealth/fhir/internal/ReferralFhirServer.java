package org.workhealth.fhir.internal;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;

/**
 * HAPI FHIR's plain server for referrals: ServiceRequest create and read, Bundles at the base, and the
 * CapabilityStatement HAPI writes from these at {@code /fhir/metadata}. JSON unless the client asks for XML.
 */
public class ReferralFhirServer extends RestfulServer {

    private static final long serialVersionUID = 1L;

    public ReferralFhirServer(ServiceRequestProvider serviceRequests, TransactionProvider transactions) {
        super(FhirServerContext.get());
        setResourceProviders(serviceRequests);
        registerProvider(transactions);
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setServerName("WorkHealth FHIR referrals");
        setImplementationDescription("Referrals to work and health support from GP systems (docs/fhir.md)");
    }
}

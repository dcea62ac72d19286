package org.workhealth.casework.internal;

/** A service in the directory that practitioners signpost or refer people on to. */
public record SupportService(long id, long organisationId, String name, ServiceType type, String area,
        String contact, String eligibility) {
}

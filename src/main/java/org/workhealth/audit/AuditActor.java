package org.workhealth.audit;

/** Implemented by the signed-in principal so that audit entries name who acted and for which organisation. */
public interface AuditActor {

    /** The person who acted; null for a system that acted for an organisation, such as an API client. */
    Long actorId();

    String actorEmail();

    long actorOrganisationId();
}

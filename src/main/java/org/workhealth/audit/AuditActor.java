package org.workhealth.audit;

/** Implemented by the signed-in principal so that audit entries name who acted and for which organisation. */
public interface AuditActor {

    long actorId();

    String actorEmail();

    long actorOrganisationId();
}

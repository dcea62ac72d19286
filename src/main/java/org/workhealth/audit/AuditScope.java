package org.workhealth.audit;

import java.util.Set;

/**
 * Which organisations' audit entries the signed-in administrator may search. Provided by the
 * module that knows the organisation hierarchy, so that the audit log depends on nothing.
 */
public interface AuditScope {

    Set<Long> organisationsVisibleToCurrentUser();
}

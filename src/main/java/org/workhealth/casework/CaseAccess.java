package org.workhealth.casework;

import org.springframework.stereotype.Component;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/**
 * Every case page and action starts here: the case must exist and belong to an organisation the
 * person works for (or above), with a role that manages cases; anything else is "not found".
 */
@Component
class CaseAccess {

    private final Casework casework;
    private final AccessPolicy access;
    private final AuditLog audit;

    CaseAccess(Casework casework, AccessPolicy access, AuditLog audit) {
        this.casework = casework;
        this.access = access;
        this.audit = audit;
    }

    /** For pages that show the case's personal data: checks access and records the view. */
    SupportCase view(CurrentUser user, long caseId, String what) {
        SupportCase supportCase = change(user, caseId);
        audit.recordView(what, caseId, supportCase.organisationId());
        return supportCase;
    }

    /** For actions: checks access; the action records its own change in the audit log. */
    SupportCase change(CurrentUser user, long caseId) {
        SupportCase supportCase = casework.find(caseId).orElseThrow(OutOfScopeException::new);
        access.require(user, Permission.MANAGE_CASES, supportCase.organisationId());
        return supportCase;
    }
}

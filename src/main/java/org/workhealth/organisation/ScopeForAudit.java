package org.workhealth.organisation;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.workhealth.audit.AuditScope;

/** Administrators search the audit entries of their own organisation and those below it. */
@Component
class ScopeForAudit implements AuditScope {

    private final AccessPolicy access;

    ScopeForAudit(AccessPolicy access) {
        this.access = access;
    }

    @Override
    public Set<Long> organisationsVisibleToCurrentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffUserDetails details
                && details.user().has(Permission.VIEW_AUDIT_LOG)) {
            return access.scope(details.user());
        }
        return Set.of();
    }
}

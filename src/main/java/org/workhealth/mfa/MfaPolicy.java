package org.workhealth.mfa;

import java.util.Collection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.workhealth.organisation.Permission;
import org.workhealth.organisation.Role;

/** Whether a person with these roles must set up a second factor before they can use the service. */
@Component
class MfaPolicy {

    private static final Logger log = LoggerFactory.getLogger(MfaPolicy.class);

    private final MfaProperties.Requirement requirement;

    MfaPolicy(MfaProperties properties, @Value("${spring.datasource.url:}") String databaseUrl) {
        this.requirement = resolve(properties.required(), databaseUrl);
        if (requirement == MfaProperties.Requirement.NOBODY) {
            log.warn("Multi-factor authentication is not required of anyone (MFA_REQUIRED={}): "
                    + "fine for a demo, not for personal data", properties.required());
        }
    }

    static MfaProperties.Requirement resolve(MfaProperties.Requirement configured, String databaseUrl) {
        if (configured != MfaProperties.Requirement.AUTO) {
            return configured;
        }
        // The embedded database is the laptop demo, whose accounts everyone knows the password of anyway.
        return databaseUrl.startsWith("jdbc:h2:") ? MfaProperties.Requirement.NOBODY
                : MfaProperties.Requirement.PERSONAL_DATA;
    }

    boolean requiredFor(Collection<Role> roles) {
        return switch (requirement) {
            case EVERYONE -> true;
            case NOBODY, AUTO -> false;
            case PERSONAL_DATA -> roles.stream().anyMatch(role -> role.grants(Permission.VIEW_PERSONAL_DATA)
                    || role.grants(Permission.MANAGE_PEOPLE));
        };
    }

    boolean requiresAnyone() {
        return requirement != MfaProperties.Requirement.NOBODY;
    }
}

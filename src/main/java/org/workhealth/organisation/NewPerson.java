package org.workhealth.organisation;

import java.util.Set;

/** What an administrator gives to create an account. */
public record NewPerson(String fullName, String email, long organisationId, Set<Role> roles) {
}

package org.workhealth.employer.internal;

/** A site of an employer: a name, its postcode where given, and the code of its {@link LocalAuthority}. */
public record NewSite(String name, String postcode, LocalAuthority localAuthority) {
}

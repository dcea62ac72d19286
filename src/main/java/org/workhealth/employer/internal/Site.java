package org.workhealth.employer.internal;

/** A site of an employer, as stored. */
public record Site(long id, long employerId, String name, String postcode, String localAuthority) {

    public String localAuthorityLabel() {
        return LocalAuthority.labelOf(localAuthority);
    }
}

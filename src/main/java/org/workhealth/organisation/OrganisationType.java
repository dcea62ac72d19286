package org.workhealth.organisation;

/** A kind of organisation; the kinds are data in {@code organisation_type}. */
record OrganisationType(String code, String name, int rankOrder) {
}

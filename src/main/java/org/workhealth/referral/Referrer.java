package org.workhealth.referral;

/** The signed-in person making a referral on someone's behalf, and their organisation. */
public record Referrer(long personId, long organisationId) {
}

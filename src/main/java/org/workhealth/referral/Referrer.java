package org.workhealth.referral;

/**
 * Who made a referral on someone's behalf: a signed-in person and their organisation, or a system (an API client,
 * a GP system) acting for an organisation, which has no person.
 */
public record Referrer(Long personId, long organisationId) {

    /** An organisation's system, such as a GP practice's clinical system sending referrals through the API. */
    public static Referrer system(long organisationId) {
        return new Referrer(null, organisationId);
    }
}

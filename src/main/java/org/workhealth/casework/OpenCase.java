package org.workhealth.casework;

import java.time.LocalDate;

/**
 * Opens a case for a referral whose person has said they want support.
 *
 * @param reference                  the referral's reference, which the case keeps so that people quote one number
 * @param organisationId             the provider that delivers the support
 * @param keyWorkerId                the practitioner who holds the case
 * @param employmentStatusAtReferral the referral's employment status, which splits the figures for good
 */
public record OpenCase(long referralId, String reference, long programmeId, Long cohortId, long organisationId,
        long keyWorkerId, String employmentStatusAtReferral, LocalDate openedOn) {
}

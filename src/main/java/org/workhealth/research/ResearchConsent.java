package org.workhealth.research;

import java.time.LocalDate;

/**
 * One person's consent to one study, and what they have withdrawn.
 *
 * @param withdrawnOn null while consent stands
 * @param noContact no further contact for the study (follow-up lists leave them out)
 * @param noFurtherData no data about them dated after {@code withdrawnOn} is used
 * @param noCollectedData nothing about them is used at all, even what was collected before
 */
public record ResearchConsent(long id, String studyCode, long referralId, long organisationId,
        String informationSheetVersion, LocalDate consentedOn, LocalDate withdrawnOn, boolean noContact,
        boolean noFurtherData, boolean noCollectedData, String withdrawalNote) {

    public boolean withdrawn() {
        return withdrawnOn != null;
    }

    /** What is withdrawn so far, in words. */
    public String withdrawalScope() {
        return ResearchWithdrawal.of(withdrawnOn, noContact, noFurtherData, noCollectedData, null).scope();
    }

    /** Whether data dated {@code on} about this person may go into an extract made today. */
    public boolean mayUseDataFrom(LocalDate on) {
        if (noCollectedData) {
            return false;
        }
        return !noFurtherData || withdrawnOn == null || on == null || !on.isAfter(withdrawnOn);
    }
}

package org.workhealth.referral;

import java.time.LocalDate;

/** Who a referral is about, for other modules that show the person without reading the whole referral. */
public record ReferralSummary(long id, String reference, String fullName, LocalDate dateOfBirth) {
}

package org.workhealth.casework;

import java.util.List;

/**
 * Published, inside the erasing transaction, when cases' personal data has been erased: the referral module
 * listens and erases the referrals they came from, which casework cannot reach.
 */
public record CasesErased(List<Long> referralIds) {
}

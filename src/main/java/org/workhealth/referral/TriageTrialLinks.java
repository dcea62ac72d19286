package org.workhealth.referral;

import java.util.Optional;

/**
 * Implemented by the trial module: the link the triage page shows when the programme being assessed has a trial
 * recruiting. Defined here so the referral module does not depend on trials.
 */
public interface TriageTrialLinks {

    /** @return the link text and address, or empty when no trial of the programme is recruiting */
    Optional<Link> forReferral(long referralId, long programmeId);

    record Link(String text, String href) {
    }
}

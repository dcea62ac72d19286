package org.workhealth.casework;

import java.util.Optional;

/**
 * Where casework finds who a case is about. The person's details stay in the referral that the
 * referral module keeps, and that module implements this; casework declares it so that it never
 * depends on the referral module, which depends on casework to open cases.
 */
public interface CaseSubjects {

    Optional<CaseSubject> forReferral(long referralId);

    /** The full name of the person a case is about, or "" when their details are gone (erased). */
    default String fullName(SupportCase supportCase) {
        return forReferral(supportCase.referralId()).map(CaseSubject::fullName).orElse("");
    }
}

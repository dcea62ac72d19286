package org.workhealth.casework;

/**
 * Whether the person agreed, on their referral, that their employer may be contacted. The referral
 * module keeps the answer and implements this; casework declares it so that it never depends on
 * the referral module (which depends on casework to open cases).
 */
public interface EmployerContactConsents {

    boolean consentToContactEmployer(long referralId);
}

package org.workhealth.casework;

import java.util.Collection;
import java.util.Map;

/**
 * How to reach the people a list of cases is about, in one look-up, for the messages casework sends them. The
 * referral module keeps the details and implements this; casework declares it so that it never reads the referral
 * table (the referral module depends on casework to open cases).
 */
public interface ParticipantContacts {

    /**
     * What the referral recorded: {@code preference} is its contact preference code (PHONE, EMAIL, TEXT or LETTER);
     * email and phone may be null.
     */
    record Contact(String firstName, String email, String phone, String preference) {
    }

    /** Contacts by referral id; an unknown id has no entry. */
    Map<Long, Contact> forReferrals(Collection<Long> referralIds);
}

package org.workhealth.research;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One withdrawal of research consent and what it covers. Not using data already collected implies no further
 * data, and either implies no further contact: the scope is always kept in that closed form.
 */
public record ResearchWithdrawal(LocalDate withdrawnOn, boolean noContact, boolean noFurtherData,
        boolean noCollectedData, String note, Long recordedBy, Instant recordedAt) {

    public static final int NOTE_MAX = 500;

    public ResearchWithdrawal {
        noFurtherData = noFurtherData || noCollectedData;
        noContact = noContact || noFurtherData;
    }

    public static ResearchWithdrawal of(LocalDate on, boolean noContact, boolean noFurtherData,
            boolean noCollectedData, String note) {
        return new ResearchWithdrawal(on, noContact, noFurtherData, noCollectedData, note, null, null);
    }

    public boolean any() {
        return noContact || noFurtherData || noCollectedData;
    }

    /** Whether this covers everything {@code consent} already withdraws (a withdrawal never narrows). */
    public boolean covers(ResearchConsent consent) {
        return (noContact || !consent.noContact()) && (noFurtherData || !consent.noFurtherData())
                && (noCollectedData || !consent.noCollectedData());
    }

    /** Whether this withdraws something {@code consent} does not yet. */
    public boolean widens(ResearchConsent consent) {
        return noContact && !consent.noContact() || noFurtherData && !consent.noFurtherData()
                || noCollectedData && !consent.noCollectedData();
    }

    /** What it covers, in words. */
    public String scope() {
        if (noCollectedData) {
            return "No further contact, no further data, and data already collected not to be used";
        }
        if (noFurtherData) {
            return "No further contact and no further data";
        }
        return noContact ? "No further contact" : "Nothing";
    }
}

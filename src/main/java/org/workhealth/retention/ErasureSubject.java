package org.workhealth.retention;

/**
 * What an erasure on request would erase, described without personal data: the referral's reference, whether it
 * became a case, and anything that stops erasure.
 *
 * @param organisationId the organisation that owns the record, for the scope check
 */
public record ErasureSubject(String reference, long organisationId, boolean hasCase, boolean stillOpen,
        boolean underLegalHold, boolean alreadyErased) {

    /** Why erasure is refused, in words for the page; null when it may go ahead. */
    public String refusal() {
        if (alreadyErased) {
            return "The personal data of " + reference + " has already been erased.";
        }
        if (underLegalHold) {
            return "The case " + reference + " is under a legal hold. The hold must be lifted, by a provider manager "
                    + "or commissioner with the reason, before it can be erased.";
        }
        if (stillOpen) {
            return hasCase
                    ? "The case " + reference + " is still open. Support must end and the case be closed before it "
                            + "can be erased: the law lets us keep what we need to support the person."
                    : "The referral " + reference + " is still open: it waits for triage or first contact. Decline "
                            + "it, or close it as unable to contact (for example, because the person withdrew), "
                            + "before it can be erased.";
        }
        return null;
    }
}

package org.workhealth.retention;

/** The kinds of record the retention schedule covers; each is erased by the module that owns it. */
public enum RetentionKind {
    CASE_FILE("Case files", "after the case closes"),
    UNCONVERTED_REFERRAL("Referrals that did not become a case", "after the triage decision"),
    REFERRAL_UPLOAD("Uploaded referral files", "after the upload"),
    AUDIT_LOG("Audit log entries", "after the entry was written");

    private final String label;
    private final String clockStarts;

    RetentionKind(String label, String clockStarts) {
        this.label = label;
        this.clockStarts = clockStarts;
    }

    public String label() {
        return label;
    }

    public String clockStarts() {
        return clockStarts;
    }
}

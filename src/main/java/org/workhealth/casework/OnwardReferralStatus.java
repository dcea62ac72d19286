package org.workhealth.casework;

import java.util.List;

/** Where an onward referral to a service has got to: made, then accepted or declined, then attended. */
enum OnwardReferralStatus {
    MADE("Made"),
    ACCEPTED("Accepted"),
    DECLINED("Declined"),
    ATTENDED("Attended");

    private final String label;

    OnwardReferralStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statuses it can move to next; declined and attended are the end. */
    List<OnwardReferralStatus> next() {
        return switch (this) {
            case MADE -> List.of(ACCEPTED, DECLINED);
            case ACCEPTED -> List.of(ATTENDED);
            case DECLINED, ATTENDED -> List.of();
        };
    }
}

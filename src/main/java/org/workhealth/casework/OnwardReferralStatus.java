package org.workhealth.casework;

import java.util.List;

/** Where an onward referral to a service has got to: made, then accepted or declined, then attended. */
enum OnwardReferralStatus {
    MADE("Made", "govuk-tag--blue"),
    ACCEPTED("Accepted", "govuk-tag--turquoise"),
    DECLINED("Declined", "govuk-tag--red"),
    ATTENDED("Attended", "govuk-tag--green");

    private final String label;
    private final String tagClass;

    OnwardReferralStatus(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    String label() {
        return label;
    }

    String tagClass() {
        return tagClass;
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

package org.workhealth.casework;

/**
 * What a practitioner records after an appointment: the answer on the outcome page, which becomes
 * the appointment's status and, for a cancellation, who cancelled.
 */
enum AppointmentOutcome {
    ATTENDED("Attended", "ATTENDED", null),
    DID_NOT_ATTEND("Did not attend", "DID_NOT_ATTEND", null),
    CANCELLED_BY_PERSON("Cancelled by the person", "CANCELLED", "PERSON"),
    CANCELLED_BY_SERVICE("Cancelled by the service", "CANCELLED", "SERVICE");

    private final String label;
    private final String status;
    private final String cancelledBy;

    AppointmentOutcome(String label, String status, String cancelledBy) {
        this.label = label;
        this.status = status;
        this.cancelledBy = cancelledBy;
    }

    String label() {
        return label;
    }

    String status() {
        return status;
    }

    String cancelledBy() {
        return cancelledBy;
    }

    /** The outcome stored as status and cancelled_by, or null while the appointment is still planned. */
    static AppointmentOutcome of(String status, String cancelledBy) {
        for (AppointmentOutcome outcome : values()) {
            if (outcome.status.equals(status) && java.util.Objects.equals(outcome.cancelledBy, cancelledBy)) {
                return outcome;
            }
        }
        return null;
    }
}

package org.workhealth.returns;

import java.time.Instant;

/** A step in a return's life: submitted, returned with the hub's comment, approved, unlocked with a reason, sent. */
record ReturnEvent(String action, Instant at, String by, String remark) {

    public String label() {
        return switch (action) {
            case "SUBMITTED" -> "Submitted";
            case "RETURNED" -> "Returned";
            case "APPROVED" -> "Approved";
            case "UNLOCKED" -> "Unlocked";
            default -> "Sent";
        };
    }
}

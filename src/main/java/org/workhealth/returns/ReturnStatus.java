package org.workhealth.returns;

/**
 * Where a version of a return stands, and the moves between: a draft is submitted to the hub (or, a hub's
 * collation, sent on); a submitted one is approved or returned; an approved one is unlocked, which returns it. A
 * returned or sent version stays as it is: a returned return is compiled again as the next version. The conditional
 * updates that make the moves take their statuses from here; how a status looks is the templates' business.
 */
enum ReturnStatus {
    DRAFT("In progress"),
    SUBMITTED("Submitted"),
    RETURNED("Returned"),
    APPROVED("Approved"),
    SENT("Sent");

    private final String label;

    ReturnStatus(String label) {
        this.label = label;
    }

    /** The status in the words of the status board. */
    String label() {
        return label;
    }

    boolean canBecome(ReturnStatus next) {
        return switch (this) {
            case DRAFT -> next == SUBMITTED || next == SENT;
            case SUBMITTED -> next == APPROVED || next == RETURNED;
            case APPROVED -> next == RETURNED;
            case RETURNED, SENT -> false;
        };
    }
}

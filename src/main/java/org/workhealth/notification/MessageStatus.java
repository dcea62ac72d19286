package org.workhealth.notification;

import java.util.List;
import java.util.Optional;

/**
 * Where a message is: kept (never sent, no Notify key), waiting, being sent, accepted by Notify, or what Notify's
 * delivery receipt said. The words and colours people see are in the messages page.
 */
enum MessageStatus {
    KEPT, PENDING, SENDING, SENT, DELIVERED, PERMANENT_FAILURE, TEMPORARY_FAILURE, TECHNICAL_FAILURE;

    /** What the worker may take: waiting and due, or claimed by a run whose lease has lapsed. */
    static final List<MessageStatus> CLAIMABLE = List.of(PENDING, SENDING);

    /** What a delivery receipt may change: a message Notify has (or may already have) accepted. */
    static final List<MessageStatus> RECEIPTED = List.of(SENDING, SENT, DELIVERED, PERMANENT_FAILURE,
            TEMPORARY_FAILURE, TECHNICAL_FAILURE);

    /** The status a delivery receipt's {@code status} means; other values (Notify's interim ones) change nothing. */
    static Optional<MessageStatus> fromReceipt(String notifyStatus) {
        return Optional.ofNullable(switch (notifyStatus == null ? "" : notifyStatus) {
            case "delivered" -> DELIVERED;
            case "permanent-failure" -> PERMANENT_FAILURE;
            case "temporary-failure" -> TEMPORARY_FAILURE;
            case "technical-failure" -> TECHNICAL_FAILURE;
            default -> null;
        });
    }

    static List<String> names(List<MessageStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }
}

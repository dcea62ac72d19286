package org.workhealth.notification;

import java.util.Map;
import java.util.Objects;

/**
 * A message to queue.
 *
 * @param eventKey names what caused it, such as {@code referral-received:42}: a second message for the same key is
 *        not made
 * @param organisationId the organisation whose administrators may see it
 */
public record NewMessage(String eventKey, MessageTemplate template, Channel channel, String recipient,
        Map<String, String> personalisation, long organisationId) {

    public enum Channel {
        EMAIL, SMS
    }

    public NewMessage {
        Objects.requireNonNull(eventKey);
        Objects.requireNonNull(template);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(recipient);
        personalisation = Map.copyOf(personalisation);
        if (!personalisation.keySet().equals(java.util.Set.copyOf(template.fields()))) {
            throw new IllegalArgumentException(template + " needs " + template.fields() + ", not "
                    + personalisation.keySet());
        }
    }
}

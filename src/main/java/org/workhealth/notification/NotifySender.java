package org.workhealth.notification;

import java.util.Map;

import org.json.JSONException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.TimeoutNotificationClient;

/**
 * Sends one message with GOV.UK Notify's client and says what came of it. The outbox id goes as Notify's
 * {@code reference}, which delivery receipts bring back. Nothing about the recipient or the words is logged.
 */
@Component
class NotifySender {

    /** What came of a send. */
    sealed interface Outcome {
    }

    /** Notify accepted it; its id, or null when its answer could not be read. */
    record Accepted(String notifyId) implements Outcome {
    }

    /** No answer, 429 or 5xx: worth trying again later. */
    record TryAgain(String reason) implements Outcome {
    }

    /** Any other refusal (400, 403): trying again would be refused again. */
    record Refused(String reason) implements Outcome {
    }

    /** A Notify template and the personalisation it takes. */
    record NotifyTemplate(String id, Map<String, String> personalisation) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(NotifySender.class);

    private final NotifySettings settings;
    private final NotificationClient client;

    NotifySender(NotifySettings settings) {
        this.settings = settings;
        // Made at start-up so that a key of the wrong shape stops the service rather than every send.
        this.client = settings.sending() ? new TimeoutNotificationClient(settings.apiKey(), settings.baseUrl(),
                settings.connectTimeout(), settings.readTimeout()) : null;
        if (settings.sending()) {
            for (MessageTemplate template : MessageTemplate.values()) {
                if (!settings.templates().containsKey(template.name())) {
                    LOG.info("Notify: {} goes through the generic template of its channel", template.name());
                }
            }
        }
    }

    Outcome send(Outbox.Outgoing message) {
        NotifyTemplate template = templateFor(message);
        if (template == null) {
            return new Refused("NO_TEMPLATE");
        }
        String reference = String.valueOf(message.id());
        try {
            String notifyId = message.channel() == NewMessage.Channel.EMAIL
                    ? client.sendEmail(template.id(), message.recipient(), template.personalisation(), reference)
                            .getNotificationId().toString()
                    : client.sendSms(template.id(), message.recipient(), template.personalisation(), reference)
                            .getNotificationId().toString();
            return new Accepted(notifyId);
        } catch (NotificationClientException e) {
            int status = e.getHttpResult();
            if (status == 0) {
                return new TryAgain("NO_ANSWER");
            }
            return status == 429 || status >= 500 ? new TryAgain("HTTP_" + status) : new Refused("HTTP_" + status);
        } catch (JSONException e) {
            // Notify answered 201 with a body the client could not read: it has the message, so it is not sent again.
            return new Accepted(null);
        } catch (RuntimeException e) {
            LOG.warn("Notify: sending message {} failed: {}", message.id(), e.getClass().getName());
            return new TryAgain("ERROR");
        }
    }

    /**
     * The message's own Notify template when one is set for it, with its personalisation; otherwise the generic
     * template of its channel, given the words the service rendered. Null when there is neither.
     */
    NotifyTemplate templateFor(Outbox.Outgoing message) {
        String own = settings.templates().get(message.template().name());
        if (own != null) {
            return new NotifyTemplate(own, message.personalisation());
        }
        String body = message.template().body(message.personalisation());
        if (message.channel() == NewMessage.Channel.EMAIL) {
            return settings.emailTemplate().isEmpty() ? null : new NotifyTemplate(settings.emailTemplate(),
                    Map.of("subject", message.template().subject(message.personalisation()), "body", body));
        }
        return settings.smsTemplate().isEmpty() ? null
                : new NotifyTemplate(settings.smsTemplate(), Map.of("body", body));
    }
}

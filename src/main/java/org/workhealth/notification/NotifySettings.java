package org.workhealth.notification;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How messages reach GOV.UK Notify (docs/messages.md). Without an API key nothing is sent: every message is kept and
 * shown to administrators, as before sending was built.
 *
 * @param apiKey Notify's key, {@code name-serviceId-secret}; empty for kept mode
 * @param templates a Notify template id for a {@link MessageTemplate}, by its name; a template without one goes
 *        through the generic template of its channel, which gets the rendered words as personalisation
 * @param emailTemplate the generic email template: {@code ((subject))} as its subject, {@code ((body))} as its body
 * @param smsTemplate the generic text message template: {@code ((body))}
 * @param callbackToken the bearer token Notify sends with delivery receipts; without one every receipt is refused
 * @param perMinute at most this many sends a minute (Notify allows a service 3,000)
 * @param senders how many sends are in flight at once
 * @param maxAttempts attempts at a message whose sends fail for want of an answer, 429 or 5xx before it is given up
 * @param firstRetryAfter the wait after the first such failure, doubled after each further one up to {@code
 *        longestRetryAfter}
 * @param lease how long a claimed message is left to the run that claimed it: after that a run on any node may send
 *        it again (a node that died part way)
 */
@ConfigurationProperties("workhealth.notify")
record NotifySettings(String apiKey, String baseUrl, Map<String, String> templates, String emailTemplate,
        String smsTemplate, String callbackToken, int perMinute, int senders, int batchSize, int maxAttempts,
        Duration firstRetryAfter, Duration longestRetryAfter, Duration lease, Duration pollEvery,
        Duration connectTimeout, Duration readTimeout) {

    static final String NOTIFY_BASE_URL = "https://api.notifications.service.gov.uk";

    NotifySettings {
        apiKey = apiKey == null ? "" : apiKey.strip();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? NOTIFY_BASE_URL : baseUrl.strip();
        // Keys as MessageTemplate names, however they were written (WORKHEALTH_NOTIFY_TEMPLATES_REFERRAL_RECEIVED
        // arrives as "referral.received").
        Map<String, String> ids = new TreeMap<>();
        if (templates != null) {
            templates.forEach((name, id) -> {
                if (id != null && !id.isBlank()) {
                    ids.put(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), id.strip());
                }
            });
        }
        templates = Map.copyOf(ids);
        emailTemplate = emailTemplate == null ? "" : emailTemplate.strip();
        smsTemplate = smsTemplate == null ? "" : smsTemplate.strip();
        callbackToken = callbackToken == null ? "" : callbackToken;
        perMinute = perMinute < 1 ? 3000 : perMinute;
        senders = senders < 1 ? 8 : senders;
        batchSize = batchSize < 1 ? 100 : batchSize;
        maxAttempts = maxAttempts < 1 ? 10 : maxAttempts;
        firstRetryAfter = positive(firstRetryAfter, Duration.ofSeconds(30));
        longestRetryAfter = positive(longestRetryAfter, Duration.ofHours(1));
        lease = positive(lease, Duration.ofMinutes(2));
        pollEvery = positive(pollEvery, Duration.ofSeconds(5));
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(5));
        readTimeout = positive(readTimeout, Duration.ofSeconds(10));
    }

    /** With a key, messages are queued to be sent; without one they are kept. */
    boolean sending() {
        return !apiKey.isEmpty();
    }

    /** How long to wait before the next attempt, after this many failed ones. */
    Duration retryAfter(int failedAttempts) {
        Duration wait = firstRetryAfter;
        for (int i = 1; i < failedAttempts && wait.compareTo(longestRetryAfter) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestRetryAfter) > 0 ? longestRetryAfter : wait;
    }

    /** Messages claimed at once: no more than can be sent in half the lease at the rate allowed. */
    int claimSize() {
        long inHalfALease = Math.max(1, perMinute * lease.toSeconds() / 120);
        return (int) Math.min(batchSize, inHalfALease);
    }

    private static Duration positive(Duration value, Duration otherwise) {
        return value == null || value.isNegative() || value.isZero() ? otherwise : value;
    }
}

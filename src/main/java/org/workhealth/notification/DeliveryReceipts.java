package org.workhealth.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GOV.UK Notify's delivery receipts (its "callback"): Notify posts JSON with its id for the message, our reference
 * (the outbox id) and the status, with the bearer token set in Notify's API integration settings. No session, no
 * CSRF token (Notify has neither); the bearer token is the only key, compared in constant time. A receipt for a
 * message the service does not know (erased since, say) is answered 204 like any other, so Notify does not retry it.
 */
@RestController
class DeliveryReceipts {

    static final String PATH = "/notify/receipts";
    private static final Pattern NOTIFY_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Pattern REFERENCE = Pattern.compile("[0-9]{1,18}");
    private static final int LONGEST_BODY = 10_000;

    private final NotifySettings settings;
    private final Outbox outbox;

    DeliveryReceipts(NotifySettings settings, Outbox outbox) {
        this.settings = settings;
        this.outbox = outbox;
    }

    /** Notify calls without a session or CSRF token: this path gets its own stateless chain, before the staff one. */
    @Bean
    @Order(10)
    static SecurityFilterChain notifyReceiptsChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(PATH)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    @PostMapping(PATH)
    ResponseEntity<Void> receipt(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody(required = false) String body) {
        if (!authorised(authorization)) {
            return ResponseEntity.status(401).header("WWW-Authenticate", "Bearer").build();
        }
        Optional<Receipt> receipt = read(body);
        if (receipt.isEmpty()) {
            return ResponseEntity.badRequest().build();
        }
        receipt.get().status().ifPresent(status -> outbox.receipt(receipt.get().notifyId(),
                receipt.get().reference(), status));
        return ResponseEntity.noContent().build();
    }

    private record Receipt(String notifyId, Long reference, Optional<MessageStatus> status) {
    }

    private static Optional<Receipt> read(String body) {
        if (body == null || body.length() > LONGEST_BODY) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = JsonMapper.shared().readTree(body);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        String id = text(json, "id");
        String reference = text(json, "reference");
        if (id == null || !NOTIFY_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Long outboxId = reference != null && REFERENCE.matcher(reference).matches() ? Long.valueOf(reference) : null;
        return Optional.of(new Receipt(id.toLowerCase(java.util.Locale.ROOT), outboxId,
                MessageStatus.fromReceipt(text(json, "status"))));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value == null || !value.isString() ? null : value.stringValue();
    }

    private boolean authorised(String authorization) {
        String expected = settings.callbackToken();
        if (expected.isEmpty() || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        // Digests of equal length, compared in constant time: neither the token's length nor its first wrong
        // character shows in how long the refusal takes.
        return MessageDigest.isEqual(sha256(expected), sha256(authorization.substring(7)));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.workhealth.mfa;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where passkeys belong: the relying party id is the service's domain ({@code PASSKEYS_RP_ID}) and the allowed
 * origins the addresses people reach it at ({@code PASSKEYS_ALLOWED_ORIGINS}, comma-separated), each compared
 * whole with what the browser reports. A passkey made for one domain never works on another.
 */
@ConfigurationProperties("workhealth.passkeys")
record PasskeyProperties(String rpId, Set<String> allowedOrigins) {

    PasskeyProperties {
        if (rpId == null || rpId.isBlank()) {
            rpId = "localhost";
        }
        if (allowedOrigins == null || allowedOrigins.isEmpty()) {
            allowedOrigins = Set.of("http://localhost:8080");
        }
        allowedOrigins = Set.copyOf(allowedOrigins);
    }
}

package org.workhealth.api.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.api.ApiCaller;
import org.workhealth.api.ApiScope;
import org.workhealth.audit.AuditLog;

/**
 * The systems allowed to call the API. A client's token is {@code <key>.<secret>}: the key finds the client and is
 * not secret; the secret is 32 random bytes, shown once when the client is made and kept only as its SHA-256.
 */
@Service
public class ApiClients {

    /** A client as its administrators see it: never its secret. */
    public record Client(long id, String clientKey, String name, long organisationId, Set<ApiScope> scopes,
            LocalDate expiresOn, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }

        public boolean expiredOn(LocalDate today) {
            return expiresOn.isBefore(today);
        }
    }

    /** What an administrator asks for. */
    public record NewClient(String name, long organisationId, Set<ApiScope> scopes, LocalDate expiresOn) {
    }

    /** A client just made, with the token its owner must copy now: it is never shown again. */
    public record IssuedClient(long id, String clientKey, String token) {
    }

    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final char[] KEY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    ApiClients(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public IssuedClient create(NewClient client, long createdBy) {
        if (client.scopes().isEmpty()) {
            throw new IllegalArgumentException("A client needs at least one scope");
        }
        String key = newKey();
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_client (client_key, name, organisation_id, scopes, secret_hash, expires_on,
                    created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(key, client.name(), client.organisationId(), codes(client.scopes()), hash(secret),
                        client.expiresOn(), createdBy, Timestamp.from(clock.instant()))
                .update(id, "id");
        long clientId = id.getKey().longValue();
        audit.recordChange("CREATE", "api_client", clientId, client.organisationId(),
                "Scopes " + codes(client.scopes()) + ", expires " + client.expiresOn());
        return new IssuedClient(clientId, key, key + "." + secret);
    }

    /**
     * The caller a bearer token stands for, if it names a client that is neither revoked nor expired and its secret
     * matches. The comparison takes the same time whatever the secret, so timing tells an attacker nothing.
     */
    @Transactional
    public Optional<ApiCaller> authenticate(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 1 || token.length() > 200) {
            return Optional.empty();
        }
        String key = token.substring(0, dot);
        byte[] offered = hash(token.substring(dot + 1)).getBytes(StandardCharsets.US_ASCII);
        record Stored(long id, String name, long organisationId, String scopes, String secretHash, LocalDate expiresOn,
                Timestamp revokedAt) {
        }
        Optional<Stored> stored = jdbc.sql("""
                SELECT id, name, organisation_id, scopes, secret_hash, expires_on, revoked_at
                FROM api_client WHERE client_key = ?""").param(key).query(Stored.class).optional();
        if (stored.isEmpty()
                || !MessageDigest.isEqual(offered, stored.get().secretHash().getBytes(StandardCharsets.US_ASCII))
                || stored.get().revokedAt() != null || stored.get().expiresOn().isBefore(LocalDate.now(clock))) {
            return Optional.empty();
        }
        Stored client = stored.get();
        Instant now = clock.instant();
        jdbc.sql("UPDATE api_client SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(Timestamp.from(now), client.id(), Timestamp.from(now.minus(LAST_USED_PRECISION))).update();
        return Optional.of(new ApiCaller(client.id(), key, client.name(), client.organisationId(),
                scopes(client.scopes()), client.expiresOn()));
    }

    /** Stops a client's token working from its next call. */
    @Transactional
    public boolean revoke(long clientId, long revokedBy) {
        Optional<Client> client = find(clientId);
        if (client.isEmpty() || client.get().revoked()) {
            return false;
        }
        jdbc.sql("UPDATE api_client SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), revokedBy, clientId).update();
        audit.recordChange("REVOKE", "api_client", clientId, client.get().organisationId(), null);
        return true;
    }

    public Optional<Client> find(long clientId) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(clientId).query(ApiClients::client).optional();
    }

    /** The clients of these organisations, newest first. */
    public List<Client> ofOrganisations(Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE organisation_id IN (:organisations) ORDER BY created_at DESC, id DESC")
                .param("organisations", organisationIds).query(ApiClients::client).list();
    }

    private static final String SELECT = """
            SELECT id, client_key, name, organisation_id, scopes, expires_on, created_at, revoked_at, last_used_at
            FROM api_client""";

    private static Client client(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Client(rs.getLong("id"), rs.getString("client_key"), rs.getString("name"),
                rs.getLong("organisation_id"), scopes(rs.getString("scopes")),
                rs.getObject("expires_on", LocalDate.class), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at")));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private String newKey() {
        StringBuilder key = new StringBuilder("whc_");
        for (int i = 0; i < 16; i++) {
            key.append(KEY_ALPHABET[random.nextInt(KEY_ALPHABET.length)]);
        }
        return key.toString();
    }

    private static String codes(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::code).collect(Collectors.joining(" "));
    }

    private static Set<ApiScope> scopes(String codes) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(codes.split(" ")).map(ApiScope::ofCode).flatMap(Optional::stream).forEach(scopes::add);
        return scopes;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

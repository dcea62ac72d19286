package org.workhealth.mfa;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's authenticator app and recovery codes: setting them up, checking what they type at sign-in (each
 * code once, a pause after too many wrong ones) and taking them away. The only code touching the mfa_ tables.
 */
@Service
class MfaEnrolments {

    enum Check { ACCEPTED, WRONG, REUSED, LOCKED, NOT_SET_UP }

    record Enrolment(Instant confirmedAt, int recoveryCodesLeft) {
    }

    private record Row(String secret, Long lastUsedStep, Timestamp lockedUntil) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final MfaProperties properties;
    private final Clock clock;
    private final TotpSecretCipher cipher;

    MfaEnrolments(JdbcClient jdbc, PasswordEncoder encoder, MfaProperties properties, Clock clock,
            TotpSecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    boolean enrolled(long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM mfa_totp WHERE person_id = :person").param("person", personId)
                .query(Long.class).single() > 0;
    }

    Optional<Enrolment> find(long personId) {
        return jdbc.sql("SELECT confirmed_at FROM mfa_totp WHERE person_id = :person").param("person", personId)
                .query(Timestamp.class).optional()
                .map(confirmed -> new Enrolment(confirmed.toInstant(), recoveryCodesLeft(personId)));
    }

    /** Sets up the app if the code matches the secret it was given; the recovery codes are for showing once. */
    @Transactional
    Optional<List<String>> enrol(long personId, String secret, String code) {
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty() || enrolled(personId)) {
            return Optional.empty();
        }
        jdbc.sql("""
                INSERT INTO mfa_totp (person_id, secret, confirmed_at, last_used_step, failed_codes)
                VALUES (:person, :secret, :now, :step, 0)
                """).param("person", personId).param("secret", cipher.encrypt(secret)).param("now", now())
                .param("step", step.getAsLong()).update();
        return Optional.of(replaceRecoveryCodes(personId));
    }

    @Transactional
    List<String> replaceRecoveryCodes(long personId) {
        jdbc.sql("DELETE FROM mfa_recovery_code WHERE person_id = :person").param("person", personId).update();
        List<String> codes = RecoveryCodes.generate();
        for (String code : codes) {
            jdbc.sql("INSERT INTO mfa_recovery_code (person_id, code_hash) VALUES (:person, :hash)")
                    .param("person", personId).param("hash", encoder.encode(RecoveryCodes.normalise(code))).update();
        }
        return codes;
    }

    @Transactional
    Check checkCode(long personId, String code) {
        Optional<Row> row = row(personId);
        if (row.isEmpty()) {
            return Check.NOT_SET_UP;
        }
        if (locked(row.get())) {
            return Check.LOCKED;
        }
        OptionalLong step = Totp.matchingStep(row.get().secret(), code, clock.instant());
        if (step.isEmpty()) {
            return failed(personId);
        }
        // Conditional, so that two requests racing with the same code cannot both pass.
        int claimed = jdbc.sql("""
                UPDATE mfa_totp SET last_used_step = :step, failed_codes = 0, locked_until = NULL
                WHERE person_id = :person AND (last_used_step IS NULL OR last_used_step < :step)
                """).param("step", step.getAsLong()).param("person", personId).update();
        return claimed == 1 ? Check.ACCEPTED : Check.REUSED;
    }

    @Transactional
    Check checkRecoveryCode(long personId, String typed) {
        Optional<Row> row = row(personId);
        if (row.isEmpty()) {
            return Check.NOT_SET_UP;
        }
        if (locked(row.get())) {
            return Check.LOCKED;
        }
        String code = RecoveryCodes.normalise(typed);
        record Unused(long id, String codeHash) {
        }
        List<Unused> unused = jdbc.sql("SELECT id, code_hash FROM mfa_recovery_code WHERE person_id = :person "
                + "AND used_at IS NULL").param("person", personId).query(Unused.class).list();
        for (Unused candidate : unused) {
            if (RecoveryCodes.wellFormed(code) && encoder.matches(code, candidate.codeHash())) {
                int used = jdbc.sql("UPDATE mfa_recovery_code SET used_at = :now WHERE id = :id AND used_at IS NULL")
                        .param("now", now()).param("id", candidate.id()).update();
                if (used == 1) {
                    jdbc.sql("UPDATE mfa_totp SET failed_codes = 0, locked_until = NULL WHERE person_id = :person")
                            .param("person", personId).update();
                    return Check.ACCEPTED;
                }
            }
        }
        return failed(personId);
    }

    /** Takes away the app and the recovery codes: the person sets up again at their next sign-in. */
    @Transactional
    boolean reset(long personId) {
        jdbc.sql("DELETE FROM mfa_recovery_code WHERE person_id = :person").param("person", personId).update();
        return jdbc.sql("DELETE FROM mfa_totp WHERE person_id = :person").param("person", personId).update() > 0;
    }

    private int recoveryCodesLeft(long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM mfa_recovery_code WHERE person_id = :person AND used_at IS NULL")
                .param("person", personId).query(Long.class).single().intValue();
    }

    private Check failed(long personId) {
        // One statement, so that simultaneous wrong codes each count.
        jdbc.sql("""
                UPDATE mfa_totp
                SET locked_until = CASE WHEN failed_codes + 1 >= :max THEN :until ELSE locked_until END,
                    failed_codes = CASE WHEN failed_codes + 1 >= :max THEN 0 ELSE failed_codes + 1 END
                WHERE person_id = :person
                """).param("max", properties.maxFailures())
                .param("until", Timestamp.from(clock.instant().plus(properties.lockDuration())))
                .param("person", personId).update();
        return Check.WRONG;
    }

    private Optional<Row> row(long personId) {
        return jdbc.sql("SELECT secret, last_used_step, locked_until FROM mfa_totp WHERE person_id = :person")
                .param("person", personId).query(Row.class).optional()
                .map(row -> new Row(cipher.decrypt(row.secret()), row.lastUsedStep(), row.lockedUntil()));
    }

    private boolean locked(Row row) {
        return row.lockedUntil() != null && row.lockedUntil().toInstant().isAfter(clock.instant());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}

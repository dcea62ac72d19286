package org.workhealth.mfa;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Encrypts, once the service has started, any authenticator secret stored before secrets were encrypted
 * (V20261207_41). Each row is rewritten only if it still holds the same plain value, so a person setting up or
 * being reset at that moment is not overwritten.
 */
@Component
class TotpSecretUpgrade {

    private static final Logger log = LoggerFactory.getLogger(TotpSecretUpgrade.class);

    private final JdbcClient jdbc;
    private final TotpSecretCipher cipher;

    TotpSecretUpgrade(JdbcClient jdbc, TotpSecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void encryptPlainSecrets() {
        record Plain(long personId, String secret) {
        }
        var plain = jdbc.sql("SELECT person_id, secret FROM mfa_totp WHERE secret NOT LIKE :prefix")
                .param("prefix", TotpSecretCipher.PREFIX + "%").query(Plain.class).list();
        int upgraded = 0;
        for (Plain row : plain) {
            upgraded += jdbc.sql("UPDATE mfa_totp SET secret = :sealed WHERE person_id = :person AND secret = :plain")
                    .param("sealed", cipher.encrypt(row.secret())).param("person", row.personId())
                    .param("plain", row.secret()).update();
        }
        if (upgraded > 0) {
            log.info("Encrypted {} authenticator secrets stored before secrets were encrypted", upgraded);
        }
        checkTheKeyOpensThem();
    }

    /** A changed or lost MFA_SECRET_KEY is said at start, not first found by someone signing in. */
    private void checkTheKeyOpensThem() {
        jdbc.sql("SELECT secret FROM mfa_totp WHERE secret LIKE :prefix ORDER BY person_id FETCH FIRST 1 ROWS ONLY")
                .param("prefix", TotpSecretCipher.PREFIX + "%").query(String.class).optional().ifPresent(sealed -> {
                    try {
                        cipher.decrypt(sealed);
                    } catch (IllegalStateException e) {
                        log.error("MFA_SECRET_KEY does not open the stored authenticator secrets: nobody can sign in "
                                + "with a code from their app (passkeys and recovery codes still work). Restore the "
                                + "key they were stored under, or reset those people's MFA (docs/security.md)");
                    }
                });
    }
}

package org.workhealth.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;

/** Authenticator secrets are kept encrypted, and codes still check against them, old rows included. */
@SpringBootTest(properties = "workhealth.mfa.required=personal-data")
class TotpSecretEncryptionTest {

    private static final String H2 = "jdbc:h2:mem:demo";
    private static final String POSTGRES = "jdbc:postgresql://db/workhealth";

    private final JdbcClient jdbc;
    private final MfaEnrolments enrolments;
    private final TotpSecretUpgrade upgrade;

    @Autowired
    TotpSecretEncryptionTest(JdbcClient jdbc, MfaEnrolments enrolments, TotpSecretUpgrade upgrade) {
        this.jdbc = jdbc;
        this.enrolments = enrolments;
        this.upgrade = upgrade;
    }

    @AfterEach
    void forgetEveryAuthenticator() {
        jdbc.sql("DELETE FROM mfa_recovery_code").update();
        jdbc.sql("DELETE FROM mfa_totp").update();
    }

    @Test
    void theStoredSecretIsNotTheSecretAndCodesStillCheck() {
        long person = personId(SignIn.BURY_COACH);
        String secret = Totp.newSecret();
        assertThat(enrolments.enrol(person, secret, Totp.code(secret, step() - 1))).isPresent();

        String stored = storedSecret(person);
        assertThat(stored).startsWith("v1:").doesNotContain(secret);
        assertThat(new String(Base64.getDecoder().decode(stored.substring(3)))).doesNotContain(secret);
        assertThat(enrolments.checkCode(person, Totp.code(secret, step()))).isEqualTo(MfaEnrolments.Check.ACCEPTED);
    }

    @Test
    void aSecretStoredBeforeEncryptionStillWorksAndIsEncryptedAtStart() {
        long person = personId(SignIn.BURY_MANAGER);
        String secret = Totp.newSecret();
        jdbc.sql("INSERT INTO mfa_totp (person_id, secret, confirmed_at, failed_codes) VALUES (:p, :s, :now, 0)")
                .param("p", person).param("s", secret).param("now", java.sql.Timestamp.from(Instant.now())).update();
        assertThat(enrolments.checkCode(person, Totp.code(secret, step() - 1)))
                .isEqualTo(MfaEnrolments.Check.ACCEPTED);

        upgrade.encryptPlainSecrets();

        assertThat(storedSecret(person)).startsWith("v1:").doesNotContain(secret);
        assertThat(enrolments.checkCode(person, Totp.code(secret, step()))).isEqualTo(MfaEnrolments.Check.ACCEPTED);
    }

    @Test
    void theKeyIsRequiredWhereMfaIsRequiredOutsideTheLaptopDemo() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(TotpSecretCipher.keyBytes(key, true, POSTGRES)).hasSize(32);
        assertThatThrownBy(() -> TotpSecretCipher.keyBytes("", true, POSTGRES))
                .hasMessageContaining("MFA_SECRET_KEY is not set");
        assertThatThrownBy(() -> TotpSecretCipher.keyBytes(Base64.getEncoder().encodeToString(new byte[16]), true, H2))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> TotpSecretCipher.keyBytes("not base64!", false, H2))
                .hasMessageContaining("not base64");
        // The laptop demo, and a service where nobody is made to use MFA, start with the demo key and a warning.
        assertThat(TotpSecretCipher.keyBytes("", true, H2)).hasSize(32);
        assertThat(TotpSecretCipher.keyBytes(null, false, POSTGRES)).hasSize(32);
    }

    @Test
    void aSecretDoesNotOpenUnderAnotherKey() {
        MfaPolicy nobody = new MfaPolicy(new MfaProperties(MfaProperties.Requirement.NOBODY, 5, null), H2);
        TotpSecretCipher one = new TotpSecretCipher(Base64.getEncoder().encodeToString(new byte[32]), nobody, H2);
        byte[] other = new byte[32];
        other[0] = 1;
        TotpSecretCipher two = new TotpSecretCipher(Base64.getEncoder().encodeToString(other), nobody, H2);
        String sealed = one.encrypt("JBSWY3DPEHPK3PXP");
        assertThat(one.decrypt(sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(one.encrypt("JBSWY3DPEHPK3PXP")).isNotEqualTo(sealed);
        assertThatThrownBy(() -> two.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    private String storedSecret(long person) {
        return jdbc.sql("SELECT secret FROM mfa_totp WHERE person_id = :p").param("p", person).query(String.class)
                .single();
    }

    private static long step() {
        return Totp.stepAt(Instant.now());
    }

    private long personId(String email) {
        return jdbc.sql("SELECT id FROM person WHERE email = :email").param("email", email).query(Long.class).single();
    }
}

package org.workhealth.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Which sign-ins have both factors: a password or a single sign-on first, then a code of ours. */
class SecondFactorTest {

    @Test
    void aSingleSignOnThenACodeIsTwoFactorsAsAPasswordThenACodeIs() {
        assertThat(SecondFactor.given(signedIn(FactorGrantedAuthority.PASSWORD_AUTHORITY, SecondFactor.TOTP))).isTrue();
        assertThat(SecondFactor.given(signedIn(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY,
                SecondFactor.TOTP))).isTrue();
        assertThat(SecondFactor.given(signedIn(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY,
                SecondFactor.RECOVERY_CODE))).isTrue();
    }

    @Test
    void aPasskeyAfterThePasswordOrASingleSignOnIsTwoFactors() {
        assertThat(SecondFactor.given(signedIn(FactorGrantedAuthority.PASSWORD_AUTHORITY, SecondFactor.PASSKEY)))
                .isTrue();
        assertThat(SecondFactor.given(signedIn(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY,
                SecondFactor.PASSKEY))).isTrue();
        // A passkey alone is not a sign-in here: the password comes first.
        assertThat(SecondFactor.given(signedIn(SecondFactor.PASSKEY))).isFalse();
    }

    @Test
    void oneFactorAloneIsNotEnough() {
        assertThat(SecondFactor.given(signedIn(FactorGrantedAuthority.PASSWORD_AUTHORITY))).isFalse();
        assertThat(SecondFactor.given(signedIn(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY))).isFalse();
        assertThat(SecondFactor.given(signedIn(SecondFactor.TOTP))).isFalse();
    }

    private static UsernamePasswordAuthenticationToken signedIn(String... factors) {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_PRACTITIONER"));
        for (String factor : factors) {
            authorities.add(FactorGrantedAuthority.fromAuthority(factor));
        }
        return UsernamePasswordAuthenticationToken.authenticated("coach@bury.workhealth.example", null, authorities);
    }
}

package org.workhealth.organisation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password sign-in as Spring Security does it from a user details service, with one check added after the
 * password matched: {@link SignInAttempts#admit}, so that failures racing with a right password lock it out; and the
 * principal kept in the session without the password hash.
 */
@Configuration
class SignInConfiguration {

    @Bean
    DaoAuthenticationProvider staffSignIn(StaffDirectory directory, PasswordEncoder encoder, SignInAttempts attempts) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(directory) {
            @Override
            protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
                    UserDetails user) {
                // The session keeps who signed in, never their password hash: a session store is not a password store.
                return super.createSuccessAuthentication(((StaffUserDetails) principal).withoutPassword(),
                        authentication, user);
            }
        };
        provider.setPasswordEncoder(encoder);
        provider.setPostAuthenticationChecks(user -> attempts.admit((StaffUserDetails) user));
        return provider;
    }
}

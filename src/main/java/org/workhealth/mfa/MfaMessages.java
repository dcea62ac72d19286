package org.workhealth.mfa;

import org.springframework.stereotype.Component;

/** What a person is told when a code is refused, in the GOV.UK error message style. */
@Component
class MfaMessages {

    private final MfaProperties properties;

    MfaMessages(MfaProperties properties) {
        this.properties = properties;
    }

    String refused(MfaEnrolments.Check check, boolean appCode) {
        return switch (check) {
            case REUSED -> "That code has already been used. Wait for your app to show a new code, then enter it";
            case LOCKED -> "You have entered too many wrong codes. Wait " + properties.lockDuration().toMinutes()
                    + " minutes, then try again";
            default -> appCode ? "Enter the 6-digit code your authenticator app shows now"
                    : "Enter one of your recovery codes that you have not used before";
        };
    }
}

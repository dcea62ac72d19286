package org.workhealth.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void lengthMattersMoreThanComplexity() {
        assertThat(PasswordRules.problemWith("correct horse battery", "a@example.com")).isEmpty();
        assertThat(PasswordRules.problemWith("Sh0rt!", "a@example.com")).contains("Password must be 12 characters or more");
        assertThat(PasswordRules.problemWith("", "a@example.com")).contains("Enter a new password");
        assertThat(PasswordRules.problemWith("x".repeat(129), "a@example.com"))
                .contains("Password must be 128 characters or fewer");
    }

    @Test
    void theEmailAddressAndRepeatedCharactersAreRefused() {
        assertThat(PasswordRules.problemWith("Jo@Example.com", "jo@example.com"))
                .contains("Password must not be your email address");
        assertThat(PasswordRules.problemWith("jo.bloggs@example.com", "jo.bloggs@example.com"))
                .contains("Password must not be your email address");
        assertThat(PasswordRules.problemWith("aaaaaaaaaaaaaaaa", "jo@example.com"))
                .contains("Password must not repeat the same few characters");
    }

    @Test
    void commonAndGuessablePasswordsAreRefusedSayingWhy() {
        assertThat(PasswordRules.problemWith("password1234", "jo@example.com")).hasValueSatisfying(message -> assertThat(
                message).startsWith("Password is too easy to guess. This is").contains("common password"));
        assertThat(PasswordRules.problemWith("qwertyuiop123", "jo@example.com"))
                .hasValueSatisfying(message -> assertThat(message).startsWith("Password is too easy to guess."));
        assertThat(PasswordRules.problemWith("iloveyou2026!", "jo@example.com")).isPresent();
        assertThat(PasswordRules.problemWith("Password2026!", "jo@example.com")).isPresent();
        assertThat(PasswordRules.problemWith("JoBloggs1990!", "jo.bloggs@example.com", "Jo Bloggs")).isPresent();
        assertThat(PasswordRules.problemWith("kettle orbit lantern swim", "jo@example.com")).isEmpty();
    }

    @Test
    void temporaryPasswordsAreLongAndAvoidLookAlikeCharacters() {
        String password = TemporaryPasswords.generate();
        assertThat(password).hasSize(19).doesNotContainAnyWhitespaces();
        assertThat(password.chars().noneMatch(c -> "0O1lI".indexOf(c) >= 0)).isTrue();
        assertThat(TemporaryPasswords.generate()).isNotEqualTo(password);
    }
}

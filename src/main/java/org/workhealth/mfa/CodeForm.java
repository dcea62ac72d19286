package org.workhealth.mfa;

/** What a person types on the setup and sign-in pages: a code from their app, or a recovery code. */
record CodeForm(String code) {
}

package org.workhealth.employer;

/** A sign-up, confirmation or change that cannot be made as asked, with the message to show and its field. */
class SignUpRefused extends RuntimeException {

    private final String field;

    SignUpRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}

package org.workhealth.returns;

/** A return cannot take the step asked for in its present state; the message says why, for the page. */
class ReturnStateException extends RuntimeException {

    ReturnStateException(String message) {
        super(message);
    }
}

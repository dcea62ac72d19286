package org.workhealth.returns;

/** Something validation found in a return: an error stops submission, a warning is for a person to check. */
record ReturnIssue(Severity severity, String message) {

    enum Severity {
        ERROR, WARNING
    }

    static ReturnIssue error(String message) {
        return new ReturnIssue(Severity.ERROR, message);
    }

    static ReturnIssue warning(String message) {
        return new ReturnIssue(Severity.WARNING, message);
    }

    boolean isError() {
        return severity == Severity.ERROR;
    }
}

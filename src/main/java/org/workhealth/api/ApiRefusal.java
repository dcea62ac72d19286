package org.workhealth.api;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A call the API refuses after authentication, answered as problem details by {@link ApiExceptionHandler}: a scope
 * the client lacks (403), something it may not see or that does not exist (404, never saying which), or answers
 * that break the rules (400 or 422, with the problem of each field).
 */
class ApiRefusal extends RuntimeException {

    /** One answer's problem, in the words of the web form. */
    record FieldError(String field, String message) {
    }

    private final HttpStatus status;
    private final transient List<FieldError> errors;

    ApiRefusal(HttpStatus status, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    static ApiRefusal missingScope(ApiScope scope) {
        return new ApiRefusal(HttpStatus.FORBIDDEN, "This client does not have the scope " + scope.code() + ".",
                List.of());
    }

    static ApiRefusal notFound(String what) {
        return new ApiRefusal(HttpStatus.NOT_FOUND, what, List.of());
    }

    static ApiRefusal badRequest(List<FieldError> errors) {
        return new ApiRefusal(HttpStatus.BAD_REQUEST, "Some of the request's parameters are not valid.", errors);
    }

    static ApiRefusal unprocessable(List<FieldError> errors) {
        return new ApiRefusal(HttpStatus.UNPROCESSABLE_CONTENT, "The referral was not received: correct the answers "
                + "listed in errors and send it again.", errors);
    }

    /** @throws ApiRefusal naming the scope, unless the caller has it */
    static void require(ApiCaller caller, ApiScope scope) {
        if (!caller.has(scope)) {
            throw missingScope(scope);
        }
    }

    HttpStatus status() {
        return status;
    }

    List<FieldError> errors() {
        return errors;
    }
}

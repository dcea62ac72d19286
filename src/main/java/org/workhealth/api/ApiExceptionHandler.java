package org.workhealth.api;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API's controllers as RFC 9457 problem details ({@code application/problem+json}): bad JSON
 * 400, an unknown path 404, a wrong method 405, a wrong content type 415, broken rules 422 with an {@code errors}
 * array of {field, message}. Limited to this module's controllers: the staff pages keep their GOV.UK error pages.
 * Errors raised before a controller (no token, no scope) are written by {@link ApiProblems}.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ApiRefusal.class)
    ResponseEntity<Object> refused(ApiRefusal refusal, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.status(), refusal.getMessage());
        if (!refusal.errors().isEmpty()) {
            problem.setProperty("errors", refusal.errors());
        }
        return answer(problem, refusal.status(), request.getRequestURI());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return refused(ApiRefusal.badRequest(List.of(new ApiRefusal.FieldError(e.getName(),
                "Give " + e.getName() + " in the documented form"))), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return refused(ApiRefusal.badRequest(List.of(new ApiRefusal.FieldError(e.getHeaderName(),
                "Send the " + e.getHeaderName() + " header"))), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given
                : ProblemDetail.forStatus(statusCode);
        if (ex instanceof HttpMessageNotReadableException) {
            // The parser's message can echo what was sent, personal data included: say it plainly instead.
            problem.setDetail("The request body is not JSON this API can read, or a value is not of its type.");
        }
        String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
        ResponseEntity<Object> answer = answer(problem, statusCode, path);
        HttpHeaders all = new HttpHeaders();
        all.addAll(headers);
        all.addAll(answer.getHeaders());
        return ResponseEntity.status(statusCode).headers(all).body(answer.getBody());
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem, HttpStatusCode status, String path) {
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        if (path != null) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException e) {
                // A path no URI can hold: the problem goes without its instance.
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package org.workhealth.platform;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error the container or Spring sends (400, 403, 404, 405, 413, 500 and the rest) answers with a GOV.UK page,
 * or with problem details (RFC 9457) to a caller that asks for JSON or calls an API path. Opening {@code /error}
 * directly is not an error of the service: it answers "Page not found".
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Map<Integer, String> PAGES = Map.of(400, "error/400", 403, "error/403", 404, "error/404",
            405, "error/405", 413, "error/413");

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        HttpStatus status = statusOf(request);
        if (String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)).startsWith("/api/")) {
            // A system calling the API gets problem details even when it asked for HTML (or for anything at all).
            java.util.Map<String, Object> problem = new java.util.LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", status.getReasonPhrase());
            problem.put("status", status.value());
            problem.put("instance", String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(problem));
            return null;
        }
        response.setStatus(status.value());
        String view = PAGES.getOrDefault(status.value(), status.is4xxClientError() ? "error/400" : "error/error");
        return new ModelAndView(view, status);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(status.getReasonPhrase());
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null) {
            problem.setInstance(java.net.URI.create(String.valueOf(path).replace(" ", "%20")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer value)) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = HttpStatus.resolve(value);
        return status == null || value < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}

package org.workhealth.fhir.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.workhealth.fhir.internal.Issues.Issue;

/** Refusals made before the FHIR server runs (401, 403, 429), as OperationOutcomes like the server's own. */
public final class OperationOutcomeRefusal {

    private OperationOutcomeRefusal() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        IssueType type = switch (status) {
            case HttpServletResponse.SC_UNAUTHORIZED -> IssueType.LOGIN;
            case HttpServletResponse.SC_FORBIDDEN -> IssueType.FORBIDDEN;
            case 429 -> IssueType.THROTTLED;
            default -> IssueType.PROCESSING;
        };
        String body = FhirServerContext.get().newJsonParser()
                .encodeResourceToString(Issues.outcome(IssueSeverity.ERROR, List.of(new Issue(type, null, detail))));
        response.setStatus(status);
        response.setContentType("application/fhir+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }
}

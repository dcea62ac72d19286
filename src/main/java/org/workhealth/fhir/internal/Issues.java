package org.workhealth.fhir.internal;

import java.util.List;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;

/** What is wrong with what a GP system sent, as OperationOutcome issues pointing at the element concerned. */
public final class Issues {

    /** One problem: its FHIR issue type, the FHIRPath of the element (null if none), and what to fix. */
    public record Issue(IssueType type, String expression, String message) {
    }

    private Issues() {
    }

    public static OperationOutcome outcome(IssueSeverity severity, List<Issue> issues) {
        OperationOutcome outcome = new OperationOutcome();
        for (Issue issue : issues) {
            OperationOutcome.OperationOutcomeIssueComponent added = outcome.addIssue().setSeverity(severity)
                    .setCode(issue.type()).setDiagnostics(issue.message());
            if (issue.expression() != null) {
                added.addExpression(issue.expression());
            }
        }
        return outcome;
    }

    /** A 422 naming every problem: nothing was saved. */
    public static UnprocessableEntityException unprocessable(List<Issue> issues) {
        return new UnprocessableEntityException(FhirServerContext.get(), outcome(IssueSeverity.ERROR, issues));
    }

    public static UnprocessableEntityException unprocessable(String expression, String message) {
        return unprocessable(List.of(new Issue(IssueType.STRUCTURE, expression, message)));
    }
}

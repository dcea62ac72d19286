package org.workhealth.employer.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.audit.AuditLog;
import org.workhealth.employer.Employer;
import org.workhealth.employer.framework.Framework;
import org.workhealth.employer.framework.Frameworks;
import org.workhealth.govuk.FormErrors;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * One round of assessment: what the employer sent, and the assessor's decision (met or more needed, with feedback)
 * on each criterion; then, when every criterion of a level is met, the award. Everyone who sees the employer sees
 * its rounds; only an assessor in scope (not its advisor, by the setting) decides and awards.
 */
@Controller
class RoundController {

    /** A criterion of the round, with what the assessor has chosen so far. */
    record Row(String code, String text, String answer, String decision, String feedback) {
    }

    private final AccreditationAccess access;
    private final AssessmentRounds assessments;
    private final Frameworks frameworks;
    private final AuditLog audit;

    RoundController(AccreditationAccess access, AssessmentRounds assessments, Frameworks frameworks, AuditLog audit) {
        this.access = access;
        this.assessments = assessments;
        this.frameworks = frameworks;
        this.audit = audit;
    }

    @GetMapping("/thrive-at-work/employers/{employerId}/accreditation/rounds/{submissionId}")
    String show(CurrentUser user, @PathVariable long employerId, @PathVariable long submissionId, Model model) {
        Employer employer = access.readable(user, employerId);
        Submission submission = assessments.submission(employerId, submissionId).orElseThrow(OutOfScopeException::new);
        List<Row> rows = assessments.decisions(submissionId).stream()
                .map(d -> new Row(d.criterionCode(), null, d.answer(), d.decision(), d.feedback())).toList();
        return page(user, employer, submission, rows, FormErrors.none(), model);
    }

    @PostMapping("/thrive-at-work/employers/{employerId}/accreditation/rounds/{submissionId}")
    String decide(CurrentUser user, @PathVariable long employerId, @PathVariable long submissionId,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Employer employer = access.assessable(user, employerId);
        Submission submission = assessments.submission(employerId, submissionId).orElseThrow(OutOfScopeException::new);
        if (!submission.waiting()) {
            throw new OutOfScopeException();
        }
        List<Decision> decisions = assessments.decisions(submissionId);
        List<Row> rows = new ArrayList<>();
        List<AssessmentRounds.Marking> markings = new ArrayList<>();
        List<String[]> problems = new ArrayList<>();
        for (Decision d : decisions) {
            String field = field(d.criterionCode());
            String decision = request.getParameter("decision-" + field);
            String feedback = request.getParameter("feedback-" + field);
            feedback = feedback == null ? "" : feedback.strip();
            boolean known = "MET".equals(decision) || "MORE_NEEDED".equals(decision);
            if (!known) {
                problems.add(new String[] {"decision-" + field, "Select whether " + d.criterionCode()
                        + " is met or more is needed", "decision-" + field});
                decision = null;
            }
            if ("MORE_NEEDED".equals(decision) && feedback.isEmpty()) {
                problems.add(new String[] {"feedback-" + field, "Enter feedback saying what more "
                        + d.criterionCode() + " needs", "feedback-" + field});
            } else if (feedback.length() > Decision.FEEDBACK_MAX) {
                problems.add(new String[] {"feedback-" + field, "Feedback on " + d.criterionCode() + " must be "
                        + Decision.FEEDBACK_MAX + " characters or fewer", "feedback-" + field});
            }
            rows.add(new Row(d.criterionCode(), null, d.answer(), decision, feedback));
            markings.add(new AssessmentRounds.Marking(d.criterionCode(), "MET".equals(decision),
                    feedback.isEmpty() ? null : feedback));
        }
        if (!problems.isEmpty()) {
            return page(user, employer, submission, rows, FormErrors.ofProblems(problems), model);
        }
        SubmissionStatus outcome = assessments.decide(employer, submission, markings, user.id());
        redirect.addFlashAttribute("notice", outcome == SubmissionStatus.MET ? "Every criterion is met"
                : "Sent back to the employer with more needed");
        return "redirect:" + TaskLists.base(employerId) + "/rounds/" + submissionId;
    }

    @PostMapping("/thrive-at-work/employers/{employerId}/accreditation/rounds/{submissionId}/award")
    String award(CurrentUser user, @PathVariable long employerId, @PathVariable long submissionId,
            RedirectAttributes redirect) {
        Employer employer = access.assessable(user, employerId);
        Submission submission = assessments.submission(employerId, submissionId).orElseThrow(OutOfScopeException::new);
        try {
            assessments.award(employer, submission, user.id());
            redirect.addFlashAttribute("notice", "Award made");
            return "redirect:" + TaskLists.base(employerId);
        } catch (AssessmentRounds.NotReady e) {
            redirect.addFlashAttribute("notice", e.getMessage());
            return "redirect:" + TaskLists.base(employerId) + "/rounds/" + submissionId;
        }
    }

    private String page(CurrentUser user, Employer employer, Submission submission, List<Row> rows,
            FormErrors errors, Model model) {
        Framework framework = frameworks.framework(submission.versionId());
        List<Row> named = rows.stream().map(r -> new Row(r.code(), framework.criterion(r.code())
                .map(c -> c.text()).orElse(""), r.answer(), r.decision(), r.feedback())).toList();
        boolean mayAssess = access.mayAssess(user, employer);
        model.addAttribute("employer", employer);
        model.addAttribute("submission", submission);
        model.addAttribute("scopeName", submission.scopeKind() == ScopeKind.LEVEL
                ? framework.levelName(submission.scopeCode())
                : framework.module(submission.scopeCode()).map(m -> m.name()).orElse(submission.scopeCode()));
        model.addAttribute("rows", named);
        model.addAttribute("fields", named.stream().collect(java.util.stream.Collectors.toMap(Row::code,
                r -> field(r.code()))));
        model.addAttribute("deciding", mayAssess && submission.waiting());
        model.addAttribute("mayAward", mayAssess && submission.scopeKind() == ScopeKind.LEVEL
                && submission.status() == SubmissionStatus.MET && assessments.awardOf(submission.id()).isEmpty());
        model.addAttribute("errors", errors);
        model.addAttribute("action", TaskLists.base(employer.id()) + "/rounds/" + submission.id());
        model.addAttribute("backLink", TaskLists.base(employer.id()) + (submission.scopeKind() == ScopeKind.LEVEL
                ? "/levels/" : "/modules/") + submission.scopeCode());
        audit.recordView("employer", employer.id(), employer.hubOrganisationId());
        return "employer/assessment/round";
    }

    /** A criterion code as part of a field name and id. */
    static String field(String code) {
        return code.replaceAll("[^A-Za-z0-9-]", "");
    }

    static Map<String, String> none() {
        return Map.of();
    }
}

package org.workhealth.casework;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.casework.CaseDates.Earliest;
import org.workhealth.audit.AuditLog;
import org.workhealth.audit.AuditedRecord;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.FormErrors;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/** Reviews of a case's plan at the interval the plan sets, and the list of those overdue. */
@Controller
class ReviewsController {

    /** reviewedOn is never bound: it names the date input for error messages. */
    record ReviewForm(LocalDate reviewedOn, String reviewedOnDay, String reviewedOnMonth, String reviewedOnYear,
            String notes, String stillInWork) {
    }

    record ReviewRow(String date, String notes, String stillInWork, String nextDue, String by) {
    }

    record OverdueRow(String reference, String href, String keyWorker, String dueOn) {
    }

    private final CaseAccess caseAccess;
    private final ActionPlans plans;
    private final CaseReviews reviews;
    private final AccessPolicy access;
    private final AuditLog audit;

    ReviewsController(CaseAccess caseAccess, ActionPlans plans, AccessPolicy access, AuditLog audit,
            CaseReviews reviews) {
        this.reviews = reviews;
        this.caseAccess = caseAccess;
        this.plans = plans;
        this.access = access;
        this.audit = audit;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("reviewedOnDay", "reviewedOnMonth", "reviewedOnYear", "notes", "stillInWork");
    }

    @GetMapping("/cases/{id}/reviews")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-reviews");
        model.addAttribute("form", new ReviewForm(null, null, null, null, null, null));
        return page(supportCase, model);
    }

    @PostMapping("/cases/{id}/reviews")
    String record(CurrentUser user, @PathVariable long id, @ModelAttribute("form") ReviewForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        LocalDate on = CaseDates.pastDate(result, "reviewedOn", "Date of the review", form.reviewedOnDay(),
                form.reviewedOnMonth(), form.reviewedOnYear(), plans.today(),
                new Earliest(supportCase.openedOn(), "beforeCase", "when the case was opened"));
        String notes = form.notes() == null ? "" : form.notes().strip();
        if (notes.isEmpty()) {
            result.rejectValue("notes", "required", "Enter what was discussed at the review");
        } else if (notes.length() > 4000) {
            result.rejectValue("notes", "long", "Notes must be 4000 characters or fewer");
        }
        boolean inWorkCase = PlanType.inWork(supportCase.employmentStatusAtReferral());
        Boolean stillInWork = null;
        if (inWorkCase) {
            if ("true".equals(form.stillInWork()) || "false".equals(form.stillInWork())) {
                stillInWork = Boolean.valueOf(form.stillInWork());
            } else {
                result.rejectValue("stillInWork", "required", "Select yes if they are still in work");
            }
        }
        if (result.hasErrors()) {
            audit.recordView("case-reviews", id, supportCase.organisationId());
            return page(supportCase, model);
        }
        LocalDate next = reviews.recordReview(supportCase, on, notes, stillInWork, user);
        redirect.addFlashAttribute("notice", "Review recorded. The next review is due by " + DateAnswer.format(next));
        return "redirect:/cases/" + id + "/reviews";
    }

    private String page(SupportCase supportCase, Model model) {
        ReviewForm form = (ReviewForm) model.getAttribute("form");
        boolean inWorkCase = PlanType.inWork(supportCase.employmentStatusAtReferral());
        LocalDate next = reviews.nextReviewDue(supportCase.id()).orElse(null);
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("inWorkCase", inWorkCase);
        model.addAttribute("nextDue", next == null ? null : DateAnswer.format(next));
        model.addAttribute("overdue", next != null && next.isBefore(plans.today()));
        model.addAttribute("intervalWeeks", plans.latestAgreed(supportCase.id()).or(() -> plans.latest(supportCase.id()))
                .map(ActionPlans.ActionPlan::reviewIntervalWeeks).orElse(ActionPlans.DEFAULT_REVIEW_WEEKS));
        model.addAttribute("reviews", reviews.reviews(supportCase.id()).stream().map(r -> new ReviewRow(
                DateAnswer.format(r.reviewedOn()), r.notes(),
                r.stillInWork() == null ? "" : r.stillInWork() ? "Yes" : "No", DateAnswer.format(r.nextReviewOn()),
                r.recordedBy())).toList());
        model.addAttribute("stillInWorkItems", Choices.options(List.of("true", "false"), s -> s,
                s -> "true".equals(s) ? "Yes" : "No", null,
                form.stillInWork() == null ? List.of() : List.of(form.stillInWork())));
        model.addAttribute("backLink", "/cases/" + supportCase.id());
        return "casework/reviews";
    }

    /** The signed-in practitioner's overdue reviews: open cases in their scope past their review date. */
    @GetMapping("/reviews/overdue")
    String overdue(CurrentUser user, Model model) {
        if (!user.has(Permission.MANAGE_CASES)) {
            throw new OutOfScopeException();
        }
        List<CaseReviews.OverdueReview> overdue = reviews.overdue(access.scope(user), plans.today());
        audit.recordListView("overdue-reviews", AuditedRecord.all("case",
                overdue.stream().map(CaseReviews.OverdueReview::caseId).toList()));
        model.addAttribute("rows", overdue.stream().map(o -> new OverdueRow(o.reference(),
                "/cases/" + o.caseId() + "/reviews", o.keyWorker(), DateAnswer.format(o.dueOn()))).toList());
        return "casework/reviews-overdue";
    }
}

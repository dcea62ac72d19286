package org.workhealth.returns;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.govuk.FormErrors;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * The hub reviews a locality's return: its figures, validation, rows and what changed since the version before;
 * approves it, returns it with a comment, or lifts the lock approval put on the period, giving a reason.
 */
@Controller
class ReturnReviewController {

    static final String PATH = "/returns/review/{id}";

    private final ReturnReviews reviews;
    private final ReturnVersions versions;
    private final ReturnTemplates templates;
    private final ReturnStore store;
    private final Programmes programmes;
    private final Organisations organisations;
    private final org.workhealth.audit.AuditLog audit;

    ReturnReviewController(ReturnReviews reviews, ReturnVersions versions, ReturnTemplates templates,
            ReturnStore store, Programmes programmes, Organisations organisations,
            org.workhealth.audit.AuditLog audit) {
        this.reviews = reviews;
        this.versions = versions;
        this.templates = templates;
        this.store = store;
        this.programmes = programmes;
        this.organisations = organisations;
        this.audit = audit;
    }

    @GetMapping(PATH)
    String show(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("errors", FormErrors.none());
        return page(reviews.reviewable(user, id), model);
    }

    @PostMapping(PATH + "/approve")
    String approve(CurrentUser user, @PathVariable long id, Model model, RedirectAttributes redirect) {
        DataReturn r = reviews.reviewable(user, id);
        try {
            reviews.approve(user, r);
        } catch (ReturnStateException e) {
            model.addAttribute("errors", FormErrors.single("decision", e.getMessage()));
            return page(r, model);
        }
        redirect.addFlashAttribute("notice", "Return approved: " + r.quarter().label() + " is locked for "
                + organisation(r));
        return "redirect:/returns/review/" + id;
    }

    @GetMapping(PATH + "/return")
    String returnForm(CurrentUser user, @PathVariable long id, Model model) {
        return commentForm(user, id, "return", model);
    }

    @PostMapping(PATH + "/return")
    String sendBack(CurrentUser user, @PathVariable long id,
            @RequestParam(name = "comment", required = false) String answer, Model model,
            RedirectAttributes redirect) {
        DataReturn r = reviews.reviewable(user, id);
        return decide(r, "return", answer, "Enter what the locality needs to put right",
                comment -> reviews.sendBack(user, r, comment),
                "Return sent back to " + organisation(r) + " with your comment", model, redirect);
    }

    @GetMapping(PATH + "/unlock")
    String unlockForm(CurrentUser user, @PathVariable long id, Model model) {
        return commentForm(user, id, "unlock", model);
    }

    @PostMapping(PATH + "/unlock")
    String unlock(CurrentUser user, @PathVariable long id,
            @RequestParam(name = "comment", required = false) String answer, Model model,
            RedirectAttributes redirect) {
        DataReturn r = reviews.reviewable(user, id);
        return decide(r, "unlock", answer, "Enter why you are unlocking the period",
                reason -> reviews.unlock(user, r, reason), r.quarter().label() + " unlocked for " + organisation(r)
                        + ": the return has gone back to them to correct and submit again", model, redirect);
    }

    /** The empty comment page of a decision that needs one. */
    private String commentForm(CurrentUser user, long id, String kind, Model model) {
        DataReturn r = reviews.reviewable(user, id);
        model.addAttribute("errors", FormErrors.none());
        return commentPage(r, kind, "", model);
    }

    /** A decision that needs a comment: the comment page again with the problem, or the return with a notice. */
    private String decide(DataReturn r, String kind, String answer, String missing, Consumer<String> action,
            String notice, Model model, RedirectAttributes redirect) {
        String comment = answer == null ? "" : answer.strip();
        String problem = ReturnReviews.commentProblem(comment, missing);
        try {
            if (problem == null) {
                action.accept(comment);
            }
        } catch (ReturnStateException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            model.addAttribute("errors", FormErrors.single("comment", problem));
            return commentPage(r, kind, comment, model);
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/returns/review/" + r.id();
    }

    private String page(DataReturn r, Model model) {
        Programme programme = programmes.find(r.programmeId()).orElseThrow();
        ReturnTemplate template = templates.forProgramme(r.programmeId()).orElseThrow();
        List<ReturnIssue> issues = store.issues(r.id());
        audit.recordView("data_return", r.id(), r.organisationId());
        model.addAttribute("r", r);
        model.addAttribute("programme", programme);
        model.addAttribute("organisation", organisation(r));
        model.addAttribute("dueOn", template.dueOn(r.quarter()));
        model.addAttribute("late", r.submittedAt() != null && r.submittedAt().atZone(java.time.ZoneId.of(
                "Europe/London")).toLocalDate().isAfter(template.dueOn(r.quarter())));
        model.addAttribute("errorTexts", issues.stream().filter(ReturnIssue::isError).map(ReturnIssue::message)
                .toList());
        model.addAttribute("warnings", issues.stream().filter(i -> !i.isError()).map(ReturnIssue::message).toList());
        model.addAttribute("figures", store.figures(r.id()));
        model.addAttribute("rows", store.rows(r.id(), ReturnController.PREVIEW_ROWS));
        model.addAttribute("columns", template.knownColumns());
        model.addAttribute("diff", versions.diff(r, template).orElse(null));
        model.addAttribute("events", versions.events(r));
        model.addAttribute("board", "/returns/board/" + programme.code() + "/"
                + r.quarter().financialYear().startYear());
        return "returns/review";
    }

    private String commentPage(DataReturn r, String kind, String comment, Model model) {
        model.addAttribute("r", r);
        model.addAttribute("kind", kind);
        model.addAttribute("comment", comment);
        model.addAttribute("organisation", organisation(r));
        return "returns/review-comment";
    }

    private String organisation(DataReturn r) {
        return organisations.find(r.organisationId()).orElseThrow().name();
    }
}

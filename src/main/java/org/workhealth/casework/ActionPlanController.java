package org.workhealth.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.FormErrors;
import org.workhealth.govuk.TypedText;
import org.workhealth.milestone.PeriodLockedException;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

import jakarta.servlet.http.HttpServletRequest;

import org.workhealth.govuk.Answers;
/**
 * The personalised action plan page, with the consent question, its earlier versions and the printable
 * view. Changing, agreeing and sharing the plan have their own controllers.
 */
@Controller
class ActionPlanController {

    /** One row of the versions list. */
    record VersionRow(int version, String status, String agreedOn, String href) {
    }

    record ShareRow(String sharedAt, String sharedBy, String contact, String email, String version) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK);

    private final CaseAccess caseAccess;
    private final ActionPlans plans;
    private final CaseReviews reviews;
    private final ActionPlanView view;

    ActionPlanController(CaseAccess caseAccess, ActionPlans plans, ActionPlanView view, CaseReviews reviews) {
        this.reviews = reviews;
        this.caseAccess = caseAccess;
        this.plans = plans;
        this.view = view;
    }

    @GetMapping("/cases/{id}/action-plan")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-action-plan");
        ActionPlans.ActionPlan plan = plans.latest(id).orElse(null);
        Boolean consent = plan == null ? null : plan.consentToShare();
        LocalDate on = plan == null ? null : plan.consentRecordedOn();
        return planPage(supportCase, plan, consent == null ? null : consent.toString(),
                on == null ? null : new String[] {String.valueOf(on.getDayOfMonth()),
                    String.valueOf(on.getMonthValue()), String.valueOf(on.getYear())}, model);
    }

    @PostMapping("/cases/{id}/action-plan/consent")
    String consent(CurrentUser user, @PathVariable long id, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        ActionPlans.ActionPlan plan = plans.latest(id).orElseThrow(OutOfScopeException::new);
        String answer = request.getParameter("consent");
        String[] date = {request.getParameter("consentOnDay"), request.getParameter("consentOnMonth"),
            request.getParameter("consentOnYear")};
        List<String[]> problems = new ArrayList<>();
        if (!"true".equals(answer) && !"false".equals(answer)) {
            problems.add(new String[] {"consent", "Select yes if they consent to sharing their plan with their employer",
                "consent"});
        }
        DateAnswer on = DateAnswer.parse("Date consent was recorded", date[0], date[1], date[2]);
        if (!on.valid()) {
            problems.add(new String[] {"consentOn", on.error(), "consentOn-day"});
        } else if (on.date().isAfter(plans.today())) {
            problems.add(new String[] {"consentOn", "Date consent was recorded must be today or in the past",
                "consentOn-day"});
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", FormErrors.ofProblems(problems));
            caseAccess.view(user, id, "case-action-plan");
            return planPage(supportCase, plan, answer, date, model);
        }
        plans.recordConsent(supportCase, Boolean.parseBoolean(answer), on.date());
        redirect.addFlashAttribute("notice", "Consent to share recorded");
        return "redirect:/cases/" + id + "/action-plan";
    }

    private String planPage(SupportCase supportCase, ActionPlans.ActionPlan plan, String consent, String[] consentOn,
            Model model) {
        view.describe(supportCase, plan, model);
        List<ActionPlans.ActionPlan> versions = plan == null ? List.of() : plans.versions(supportCase.id());
        model.addAttribute("versions", versions.stream().map(v -> new VersionRow(v.version(),
                v.agreed() ? "Agreed" : "Draft", v.agreed() ? DateAnswer.format(v.agreedOn()) : "",
                "/cases/" + supportCase.id() + "/action-plan/versions/" + v.version())).toList());
        model.addAttribute("consentItems", Choices.options(List.of("true", "false"), s -> s,
                s -> "true".equals(s) ? "Yes" : "No", null, consent == null ? List.of() : List.of(consent)));
        String[] on = consentOn == null ? new String[3] : consentOn;
        model.addAttribute("consentOnDay", on[0]);
        model.addAttribute("consentOnMonth", on[1]);
        model.addAttribute("consentOnYear", on[2]);
        model.addAttribute("consentText", plan == null || plan.consentToShare() == null ? "Not asked yet"
                : (plan.consentToShare() ? "Yes" : "No") + ", recorded " + DateAnswer.format(plan.consentRecordedOn()));
        model.addAttribute("nextReview", reviews.nextReviewDue(supportCase.id()).map(DateAnswer::format).orElse(null));
        model.addAttribute("shares", shareRows(supportCase.id()));
        model.addAttribute("backLink", "/cases/" + supportCase.id());
        return "casework/action-plan";
    }

    // --- earlier versions and the printable view ---

    @GetMapping("/cases/{id}/action-plan/versions/{version}")
    String version(CurrentUser user, @PathVariable long id, @PathVariable int version, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-action-plan");
        ActionPlans.ActionPlan plan = plans.version(id, version).orElseThrow(OutOfScopeException::new);
        view.describe(supportCase, plan, model);
        model.addAttribute("backLink", "/cases/" + id + "/action-plan");
        return "casework/action-plan-version";
    }

    /** What the person takes away: the plan they agreed, or the draft when nothing is agreed yet. */
    @GetMapping("/cases/{id}/action-plan/print")
    String print(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-action-plan");
        ActionPlans.ActionPlan plan = plans.latestAgreed(id).or(() -> plans.latest(id))
                .orElseThrow(OutOfScopeException::new);
        view.describe(supportCase, plan, model);
        model.addAttribute("nextReview", reviews.nextReviewDue(id).map(DateAnswer::format).orElse(null));
        model.addAttribute("backLink", "/cases/" + id + "/action-plan");
        return "casework/action-plan-print";
    }


    private List<ShareRow> shareRows(long caseId) {
        ZoneId london = ZoneId.of("Europe/London");
        return plans.shares(caseId).stream().map(s -> new ShareRow(
                WHEN.format(s.sharedAt().atZone(london)).replace("AM", "am").replace("PM", "pm"), s.sharedBy(),
                s.employerContact(), s.employerEmail(), "Version " + s.version())).toList();
    }
}

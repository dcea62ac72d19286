package org.workhealth.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.workhealth.govuk.DraftBinding;
import org.workhealth.govuk.FormErrors;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/**
 * The referral question pages: the public form at {@code /refer} (no sign-in) and the same
 * questions for signed-in referrers at {@code /referrals/new}. Answers live in the session until
 * the check answers page sends them.
 */
@Controller
class ReferralFormController {

    private final ReferralFlow flow;
    private final Clock clock;

    ReferralFormController(ReferralFlow flow, Clock clock) {
        this.flow = flow;
        this.clock = clock;
    }

    @GetMapping("/refer")
    String publicStart(HttpSession session) {
        return "referral/start";
    }

    @GetMapping("/referrals/new")
    String partnerStart(CurrentUser user, HttpSession session) {
        requireReferrer(user);
        flow.reset(session, ReferralFlow.Mode.PARTNER);
        return "redirect:/referrals/new/" + ReferralQuestion.WHO.slug();
    }

    @GetMapping({"/refer/{slug}", "/referrals/new/{slug}"})
    String question(@PathVariable String slug, @RequestParam(required = false) String change,
            HttpServletRequest request, Authentication authentication, Model model) {
        ReferralFlow.Mode mode = modeOf(request, authentication);
        ReferralQuestion question = questionOrNotFound(slug);
        ReferralDraft draft = flow.draft(request.getSession(), mode);
        return show(mode, question, draft, "yes".equals(change), model);
    }

    @PostMapping({"/refer/{slug}", "/referrals/new/{slug}"})
    String answer(@PathVariable String slug, @RequestParam(required = false) String change,
            HttpServletRequest request, Authentication authentication, Model model) {
        ReferralFlow.Mode mode = modeOf(request, authentication);
        ReferralQuestion question = questionOrNotFound(slug);
        ReferralDraft draft = flow.draft(request.getSession(), mode);
        DraftBinding.bindPage(draft, question.inputs(), request);
        if (mode == ReferralFlow.Mode.PARTNER && question == ReferralQuestion.WHO) {
            flow.fillReferrer(draft, (CurrentUser) request.getAttribute(CurrentUser.class.getName()));
        }
        List<String[]> problems = question.problems(draft, LocalDate.now(clock));
        if (ReferralFlow.isSelfReferral(mode, draft)) {
            problems = ReferralQuestion.spokenToSelf(problems);
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", FormErrors.ofProblems(problems));
            model.addAttribute("wrongBoxes", question.wrongDateBoxes(draft, problems));
            return show(mode, question, draft, "yes".equals(change), model);
        }
        ReferralQuestion next = question.next();
        if ("yes".equals(change) || next == null) {
            return "redirect:" + mode.base() + "/check";
        }
        return "redirect:" + mode.base() + "/" + next.slug();
    }

    private String show(ReferralFlow.Mode mode, ReferralQuestion question, ReferralDraft draft, boolean change,
            Model model) {
        ReferralQuestion previous = question.previous();
        model.addAttribute("draft", draft);
        if (!model.containsAttribute("wrongBoxes")) {
            model.addAttribute("wrongBoxes", java.util.Set.of());
        }
        model.addAttribute("question", question.slug());
        boolean self = ReferralFlow.isSelfReferral(mode, draft);
        model.addAttribute("self", self);
        // A referrer signed in is asked only for the person's agreement on the first page.
        model.addAttribute("title", mode == ReferralFlow.Mode.PARTNER && question == ReferralQuestion.WHO
                ? "Does the person agree to this referral?" : question.title(self));
        model.addAttribute("base", mode.base());
        model.addAttribute("partner", mode == ReferralFlow.Mode.PARTNER);
        model.addAttribute("change", change);
        model.addAttribute("choices", ReferralChoices.INSTANCE);
        model.addAttribute("backLink", change ? mode.base() + "/check"
                : previous == null ? mode.startPage() : mode.base() + "/" + previous.slug());
        return "referral/question";
    }

    private static ReferralQuestion questionOrNotFound(String slug) {
        ReferralQuestion question = ReferralQuestion.bySlug(slug);
        if (question == null) {
            throw new OutOfScopeException();
        }
        return question;
    }

    private ReferralFlow.Mode modeOf(HttpServletRequest request, Authentication authentication) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/referrals/new")) {
            requireReferrer((CurrentUser) request.getAttribute(CurrentUser.class.getName()));
            return ReferralFlow.Mode.PARTNER;
        }
        return ReferralFlow.Mode.PUBLIC;
    }

    static void requireReferrer(CurrentUser user) {
        if (user == null || !user.has(Permission.MAKE_REFERRALS)) {
            throw new OutOfScopeException();
        }
    }
}

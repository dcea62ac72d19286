package org.workhealth.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralRules;
import org.workhealth.referral.internal.ReferralSource;

/** Check your answers, send the referral once however often the button is pressed, and confirm it. */
@Controller
class ReferralCheckController {

    private final ReferralFlow flow;
    private final ReferralIntake intake;
    private final SubmissionRateLimit rateLimit;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReferralCheckController(ReferralFlow flow, ReferralIntake intake, SubmissionRateLimit rateLimit, JdbcClient jdbc,
            Clock clock) {
        this.flow = flow;
        this.intake = intake;
        this.rateLimit = rateLimit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping({"/refer/check", "/referrals/new/check"})
    String check(HttpServletRequest request, Model model) {
        ReferralFlow.Mode mode = mode(request);
        ReferralDraft draft = flow.draft(request.getSession(), mode);
        ReferralQuestion unanswered = firstWithProblems(draft);
        if (unanswered != null) {
            return "redirect:" + mode.base() + "/" + unanswered.slug();
        }
        model.addAttribute("draft", draft);
        model.addAttribute("answers", draft.toAnswers());
        model.addAttribute("base", mode.base());
        model.addAttribute("partner", mode == ReferralFlow.Mode.PARTNER);
        model.addAttribute("self", ReferralFlow.isSelfReferral(mode, draft));
        model.addAttribute("choices", ReferralChoices.INSTANCE);
        model.addAttribute("backLink", mode.base() + "/" + ReferralQuestion.EQUALITY.slug());
        return "referral/check";
    }

    @PostMapping({"/refer/submit", "/referrals/new/submit"})
    String submit(@RequestParam(required = false) String submissionKey, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect, Model model) {
        ReferralFlow.Mode mode = mode(request);
        HttpSession session = request.getSession();
        ReferralDraft draft = flow.existing(session, mode);
        if (draft == null || !draft.getSubmissionKey().equals(submissionKey)) {
            // A second press of the button, or a retried request, after the first was sent: show the
            // referral already made. (While the draft is still here, the intake itself recognises the key.)
            String earlier = submissionKey == null ? null : referenceFor(submissionKey);
            return earlier != null ? confirmed(mode, session, earlier, redirect) : "redirect:" + mode.startPage();
        }
        if (firstWithProblems(draft) != null) {
            return "redirect:" + mode.base() + "/check";
        }
        Referrer referrer = null;
        Optional<Long> place = Optional.empty();
        if (mode == ReferralFlow.Mode.PARTNER) {
            CurrentUser user = (CurrentUser) request.getAttribute(CurrentUser.class.getName());
            ReferralFormController.requireReferrer(user);
            referrer = new Referrer(user.id(), user.organisationId());
        } else {
            place = rateLimit.claim(request.getRemoteAddr());
            if (place.isEmpty()) {
                response.setStatus(429);
                return "referral/too-many";
            }
        }
        ReferralIntake.Submitted submitted;
        try {
            submitted = intake.submit(draft.toAnswers(),
                    mode == ReferralFlow.Mode.PARTNER ? ReferralSource.PARTNER : ReferralSource.PUBLIC, referrer,
                    draft.getSubmissionKey());
        } catch (RuntimeException e) {
            place.ifPresent(rateLimit::release);
            throw e;
        }
        if (submitted.alreadyReceived()) {
            place.ifPresent(rateLimit::release);
        }
        return confirmed(mode, session, submitted.reference(), redirect);
    }

    @GetMapping({"/refer/confirmation", "/referrals/new/confirmation"})
    String confirmation(HttpServletRequest request, Model model) {
        ReferralFlow.Mode mode = mode(request);
        if (!model.containsAttribute("reference")) {
            return "redirect:" + mode.startPage();
        }
        model.addAttribute("partner", mode == ReferralFlow.Mode.PARTNER);
        return "referral/confirmation";
    }

    private String confirmed(ReferralFlow.Mode mode, HttpSession session, String reference, RedirectAttributes redirect) {
        ReferralDraft draft = flow.existing(session, mode);
        redirect.addFlashAttribute("reference", reference);
        redirect.addFlashAttribute("personName", draft == null ? null : draft.toAnswers().fullName().strip());
        redirect.addFlashAttribute("self", ReferralFlow.isSelfReferral(mode, draft));
        flow.reset(session, mode);
        return "redirect:" + mode.base() + "/confirmation";
    }

    private String referenceFor(String submissionKey) {
        return jdbc.sql("SELECT reference FROM referral WHERE submission_key = ?").param(submissionKey)
                .query(String.class).optional().orElse(null);
    }

    private ReferralQuestion firstWithProblems(ReferralDraft draft) {
        LocalDate today = LocalDate.now(clock);
        List<ReferralRules.Problem> ruleProblems = ReferralRules.check(draft.toAnswers(), today);
        for (ReferralQuestion question : ReferralQuestion.values()) {
            if (!question.problems(draft, today, ruleProblems).isEmpty()) {
                return question;
            }
        }
        return null;
    }

    private static ReferralFlow.Mode mode(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/referrals/new")) {
            ReferralFormController.requireReferrer((CurrentUser) request.getAttribute(CurrentUser.class.getName()));
            return ReferralFlow.Mode.PARTNER;
        }
        return ReferralFlow.Mode.PUBLIC;
    }
}

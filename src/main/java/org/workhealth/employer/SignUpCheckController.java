package org.workhealth.employer;

import org.workhealth.employer.internal.SignUpDraft;
import org.workhealth.employer.internal.SignUpSource;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.govuk.FormErrors;
import org.workhealth.organisation.CurrentUser;

/**
 * Check your answers, send the sign-up once however often the button is pressed, and confirm it. A public
 * sign-up waits for an advisor; an advisor's is confirmed by that advisor as it is sent, and the wellbeing lead's
 * temporary password is shown once on the employer's page.
 */
@Controller
class SignUpCheckController {

    private final SignUpFlow flow;
    private final SignUps signUps;
    private final SignUpRateLimit rateLimit;
    private final Clock clock;

    SignUpCheckController(SignUpFlow flow, SignUps signUps, SignUpRateLimit rateLimit, Clock clock) {
        this.flow = flow;
        this.signUps = signUps;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    @GetMapping({"/thrive-at-work/sign-up/check", "/employers/new/check"})
    String check(HttpServletRequest request, Model model) {
        SignUpFlow.Mode mode = SignUpController.mode(request);
        SignUpDraft draft = flow.draft(request.getSession(), mode);
        SignUpQuestion unanswered = SignUpQuestion.firstWithProblems(draft);
        if (unanswered != null) {
            return "redirect:" + mode.base() + "/" + unanswered.slug();
        }
        model.addAttribute("draft", draft);
        model.addAttribute("answers", draft.toNewEmployer());
        model.addAttribute("base", mode.base());
        model.addAttribute("caption", mode.caption());
        model.addAttribute("advisor", mode == SignUpFlow.Mode.ADVISOR);
        model.addAttribute("backLink", mode.base() + "/" + SignUpQuestion.AGREEMENT.slug());
        return "employer/sign-up-check";
    }

    @PostMapping({"/thrive-at-work/sign-up/submit", "/employers/new/submit"})
    String submit(@RequestParam(required = false) String submissionKey, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect, Model model) {
        SignUpFlow.Mode mode = SignUpController.mode(request);
        HttpSession session = request.getSession();
        SignUpDraft draft = flow.existing(session, mode);
        if (draft == null || !draft.getSubmissionKey().equals(submissionKey)) {
            // A second press of the button after the first was sent: the sign-up was made once, so go back to start.
            return "redirect:" + mode.startPage();
        }
        if (SignUpQuestion.firstWithProblems(draft) != null) {
            return "redirect:" + mode.base() + "/check";
        }
        if (mode == SignUpFlow.Mode.ADVISOR) {
            return advisorSignUp((CurrentUser) request.getAttribute(CurrentUser.class.getName()), draft, session,
                    redirect, model);
        }
        long hub = flow.publicHub();
        Optional<Long> place = rateLimit.claim(request.getRemoteAddr());
        if (place.isEmpty()) {
            response.setStatus(429);
            return "employer/sign-up-too-many";
        }
        SignUps.Recorded recorded;
        try {
            recorded = signUps.record(draft.toNewEmployer(), SignUpSource.SELF_SIGN_UP, null, hub,
                    LocalDate.now(clock));
        } catch (RuntimeException e) {
            rateLimit.release(place.get());
            throw e;
        }
        flow.reset(session, mode);
        redirect.addFlashAttribute("reference", recorded.reference());
        return "redirect:" + mode.base() + "/confirmation";
    }

    @GetMapping("/thrive-at-work/sign-up/confirmation")
    String confirmation(Model model) {
        if (!model.containsAttribute("reference")) {
            return "redirect:" + SignUpFlow.Mode.PUBLIC.startPage();
        }
        return "employer/sign-up-confirmation";
    }

    private String advisorSignUp(CurrentUser advisor, SignUpDraft draft, HttpSession session,
            RedirectAttributes redirect, Model model) {
        SignUps.Confirmed confirmed;
        try {
            confirmed = signUps.signUpByAdvisor(advisor, draft.toNewEmployer(), flow.hubFor(advisor));
        } catch (SignUpRefused refused) {
            model.addAttribute("errors", FormErrors.ofProblems(List.<String[]>of(
                    new String[] {refused.field(), refused.getMessage(), refused.field()})));
            return SignUpController.show(SignUpFlow.Mode.ADVISOR, SignUpQuestion.CONTACT, draft, true, model);
        }
        flow.reset(session, SignUpFlow.Mode.ADVISOR);
        redirect.addFlashAttribute("temporaryPassword", confirmed.temporaryPassword());
        redirect.addFlashAttribute("notice", "Employer signed up and confirmed. Their wellbeing lead has an account.");
        return "redirect:/employers/" + confirmed.employerId();
    }
}

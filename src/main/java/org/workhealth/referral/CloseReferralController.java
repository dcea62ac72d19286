package org.workhealth.referral;

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
import org.workhealth.govuk.Answers;
import org.workhealth.organisation.CurrentUser;

/**
 * Closing an open referral without accepting it, each way with one answer: declining it, always with a reason the
 * referrer and the person can be given, or signposting the person to another service that suits them better.
 */
@Controller
class CloseReferralController {

    /** A way to close a referral: the answer it asks for and how that answer is checked. */
    enum Closing {
        DECLINE("reason", Triage.REASON_MAX, "Enter the reason for declining the referral", "Reason"),
        SIGNPOST("service", Triage.SIGNPOST_MAX, "Enter the service you signposted them to", "Service name");

        private final String field;
        private final int max;
        private final String missing;
        private final String what;

        Closing(String field, int max, String missing, String what) {
            this.field = field;
            this.max = max;
            this.missing = missing;
            this.what = what;
        }

        String page() {
            return "referral/triage-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One form for both pages: each reads only its own field. */
    record CloseForm(String reason, String service) {

        String answer(Closing closing) {
            return closing == Closing.DECLINE ? reason : service;
        }
    }

    private final Triage triage;

    CloseReferralController(Triage triage) {
        this.triage = triage;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("reason", "service");
    }

    @GetMapping("/referrals/{id}/decline")
    String declineForm(CurrentUser user, @PathVariable long id, Model model, RedirectAttributes redirect) {
        return form(Closing.DECLINE, user, id, model, redirect);
    }

    @PostMapping("/referrals/{id}/decline")
    String decline(CurrentUser user, @PathVariable long id, @ModelAttribute("form") CloseForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return close(Closing.DECLINE, user, id, form, result, model, redirect);
    }

    @GetMapping("/referrals/{id}/signpost")
    String signpostForm(CurrentUser user, @PathVariable long id, Model model, RedirectAttributes redirect) {
        return form(Closing.SIGNPOST, user, id, model, redirect);
    }

    @PostMapping("/referrals/{id}/signpost")
    String signpost(CurrentUser user, @PathVariable long id, @ModelAttribute("form") CloseForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return close(Closing.SIGNPOST, user, id, form, result, model, redirect);
    }

    private String form(Closing closing, CurrentUser user, long id, Model model, RedirectAttributes redirect) {
        ReferralDetails referral = triage.view(user, id);
        if (!referral.status().open()) {
            return AcceptReferralController.alreadyDecided(id, redirect);
        }
        model.addAttribute("form", new CloseForm(null, null));
        return page(closing, referral, model);
    }

    private String close(Closing closing, CurrentUser user, long id, CloseForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        ReferralDetails referral = triage.view(user, id);
        if (!referral.status().open()) {
            return AcceptReferralController.alreadyDecided(id, redirect);
        }
        String answer = form.answer(closing);
        if (Answers.blank(answer)) {
            result.rejectValue(closing.field, "required", closing.missing);
        } else if (answer.strip().length() > closing.max) {
            result.rejectValue(closing.field, "tooLong", closing.what + " must be " + closing.max
                    + " characters or fewer");
        }
        if (result.hasErrors()) {
            return page(closing, referral, model);
        }
        boolean closed = closing == Closing.DECLINE ? triage.decline(user, referral, answer)
                : triage.signpost(user, referral, answer);
        if (!closed) {
            return AcceptReferralController.alreadyDecided(id, redirect);
        }
        redirect.addFlashAttribute("notice", closing == Closing.DECLINE ? "Referral declined."
                : "Referral signposted to " + answer.strip() + ".");
        return "redirect:/referrals/" + id;
    }

    private static String page(Closing closing, ReferralDetails referral, Model model) {
        model.addAttribute("referral", referral);
        model.addAttribute("backLink", "/referrals/" + referral.id());
        return closing.page();
    }
}

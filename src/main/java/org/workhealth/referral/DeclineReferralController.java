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
import org.workhealth.organisation.CurrentUser;

/** Declining a referral, always with a reason the referrer and the person can be given. */
@Controller
class DeclineReferralController {

    record DeclineForm(String reason) {
    }

    private final Triage triage;

    DeclineReferralController(Triage triage) {
        this.triage = triage;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("reason");
    }

    @GetMapping("/referrals/{id}/decline")
    String form(CurrentUser user, @PathVariable long id, Model model, RedirectAttributes redirect) {
        ReferralDetails referral = triage.view(user, id);
        if (!referral.status().open()) {
            return AcceptReferralController.alreadyDecided(id, redirect);
        }
        model.addAttribute("form", new DeclineForm(null));
        return page(referral, model);
    }

    @PostMapping("/referrals/{id}/decline")
    String decline(CurrentUser user, @PathVariable long id, @ModelAttribute("form") DeclineForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        ReferralDetails referral = triage.view(user, id);
        if (!referral.status().open()) {
            return AcceptReferralController.alreadyDecided(id, redirect);
        }
        if (AcceptReferralController.blank(form.reason())) {
            result.rejectValue("reason", "required", "Enter the reason for declining the referral");
        } else if (form.reason().strip().length() > Triage.REASON_MAX) {
            result.rejectValue("reason", "tooLong", "Reason must be " + Triage.REASON_MAX + " characters or fewer");
        }
        if (result.hasErrors()) {
            return page(referral, model);
        }
        if (!triage.decline(user, referral, form.reason())) {
            return AcceptReferralController.alreadyDecided(id, redirect);
        }
        redirect.addFlashAttribute("notice", "Referral declined.");
        return "redirect:/referrals/" + id;
    }

    private static String page(ReferralDetails referral, Model model) {
        model.addAttribute("referral", referral);
        model.addAttribute("backLink", "/referrals/" + referral.id());
        return "referral/triage-decline";
    }
}

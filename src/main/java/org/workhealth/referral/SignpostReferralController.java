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

/** Closing a referral by pointing the person to another service that suits them better. */
@Controller
class SignpostReferralController {

    record SignpostForm(String service) {
    }

    private final Triage triage;

    SignpostReferralController(Triage triage) {
        this.triage = triage;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("service");
    }

    @GetMapping("/referrals/{id}/signpost")
    String form(CurrentUser user, @PathVariable long id, Model model, RedirectAttributes redirect) {
        ReferralDetails referral = triage.view(user, id);
        if (!referral.status().open()) {
            return AcceptReferralController.alreadyDecided(id, redirect);
        }
        model.addAttribute("form", new SignpostForm(null));
        return page(referral, model);
    }

    @PostMapping("/referrals/{id}/signpost")
    String signpost(CurrentUser user, @PathVariable long id, @ModelAttribute("form") SignpostForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        ReferralDetails referral = triage.view(user, id);
        if (!referral.status().open()) {
            return AcceptReferralController.alreadyDecided(id, redirect);
        }
        if (AcceptReferralController.blank(form.service())) {
            result.rejectValue("service", "required", "Enter the service you signposted them to");
        } else if (form.service().strip().length() > Triage.SIGNPOST_MAX) {
            result.rejectValue("service", "tooLong", "Service name must be " + Triage.SIGNPOST_MAX + " characters or fewer");
        }
        if (result.hasErrors()) {
            return page(referral, model);
        }
        if (!triage.signpost(user, referral, form.service())) {
            return AcceptReferralController.alreadyDecided(id, redirect);
        }
        redirect.addFlashAttribute("notice", "Referral signposted to " + form.service().strip() + ".");
        return "redirect:/referrals/" + id;
    }

    private static String page(ReferralDetails referral, Model model) {
        model.addAttribute("referral", referral);
        model.addAttribute("backLink", "/referrals/" + referral.id());
        return "referral/triage-signpost";
    }
}

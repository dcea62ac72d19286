package org.workhealth.referral;

import java.util.LinkedHashMap;
import java.util.List;
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
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.referral.internal.ReferralRules;

/** A triager or the coach corrects a referral's contact details, GP practice, fit note and equality answers. */
@Controller
class CorrectReferralController {

    record CorrectionForm(String phone, String email, String addressLine1, String addressLine2, String town,
            String postcode, String contactPreference, String gpPractice, String hasFitNote, String sex,
            String genderSameAsBirth, String ethnicity, String disability, String caring, String reason) {

        Map<String, String> answers() {
            Map<String, String> answers = new LinkedHashMap<>();
            answers.put("phone", phone);
            answers.put("email", email);
            answers.put("addressLine1", addressLine1);
            answers.put("addressLine2", addressLine2);
            answers.put("town", town);
            answers.put("postcode", postcode);
            answers.put("contactPreference", contactPreference);
            answers.put("gpPractice", gpPractice);
            answers.put("hasFitNote", hasFitNote);
            answers.put("sex", sex);
            answers.put("genderSameAsBirth", genderSameAsBirth);
            answers.put("ethnicity", ethnicity);
            answers.put("disability", disability);
            answers.put("caring", caring);
            return answers;
        }

        static CorrectionForm of(Map<String, String> a) {
            return new CorrectionForm(a.get("phone"), a.get("email"), a.get("addressLine1"), a.get("addressLine2"),
                    a.get("town"), a.get("postcode"), a.get("contactPreference"), a.get("gpPractice"),
                    a.get("hasFitNote"), a.get("sex"), a.get("genderSameAsBirth"), a.get("ethnicity"),
                    a.get("disability"), a.get("caring"), null);
        }
    }

    private final Triage triage;
    private final ReferralCorrections corrections;
    private final AuditLog audit;

    CorrectReferralController(Triage triage, ReferralCorrections corrections, AuditLog audit) {
        this.triage = triage;
        this.corrections = corrections;
        this.audit = audit;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("phone", "email", "addressLine1", "addressLine2", "town", "postcode",
                "contactPreference", "gpPractice", "hasFitNote", "sex", "genderSameAsBirth", "ethnicity",
                "disability", "caring", "reason");
    }

    @GetMapping("/referrals/{id}/correct")
    String form(CurrentUser user, @PathVariable long id, Model model) {
        ReferralDetails referral = triage.view(user, id);
        model.addAttribute("form", CorrectionForm.of(corrections.answers(id)));
        return page(referral, model);
    }

    @PostMapping("/referrals/{id}/correct")
    String correct(CurrentUser user, @PathVariable long id, @ModelAttribute("form") CorrectionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        ReferralDetails referral = triage.triageable(user, id);
        for (ReferralRules.Problem problem : ReferralCorrections.check(form.answers(), form.reason())) {
            if (result.getFieldErrorCount(problem.field()) == 0) {
                result.rejectValue(problem.field(), "invalid", problem.message());
            }
        }
        if (result.hasErrors()) {
            audit.recordView("referral", id, referral.routedOrganisationId());
            return page(referral, model);
        }
        List<String> changed = corrections.correct(user, referral, form.answers(), form.reason());
        redirect.addFlashAttribute("notice", changed.isEmpty() ? "Nothing was changed: the answers were the same"
                : "Referral corrected: " + String.join(", ", changed).toLowerCase(java.util.Locale.UK));
        return "redirect:/referrals/" + id;
    }

    private static String page(ReferralDetails referral, Model model) {
        model.addAttribute("referral", referral);
        model.addAttribute("choices", ReferralChoices.INSTANCE);
        model.addAttribute("reasonMax", ReferralCorrections.REASON_MAX);
        model.addAttribute("backLink", "/referrals/" + referral.id());
        return "referral/correct";
    }
}

package org.workhealth.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

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
import org.workhealth.govuk.Answers;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;

/**
 * The employer of a person in work: only with their consent, given on the referral or recorded
 * later here, the employer contact and the adjustments discussed and agreed.
 */
@Controller
class EmployerController {

    /** givenOn is never bound: it names the date input for error messages. */
    record ConsentForm(LocalDate givenOn, String givenOnDay, String givenOnMonth, String givenOnYear, String how) {
    }

    /** withdrawnOn is never bound: it names the date input for error messages. */
    record WithdrawalForm(LocalDate withdrawnOn, String withdrawnOnDay, String withdrawnOnMonth,
            String withdrawnOnYear, String withdrawnHow) {
    }

    record ContactForm(String name, String role, String phone, String email) {
    }

    /** on is never bound: it names the date input for error messages. */
    record AdjustmentForm(List<String> kinds, String stage, LocalDate on, String onDay, String onMonth, String onYear,
            String notes) {
    }

    record AdjustmentRow(String kind, String discussed, String agreed, String notes) {
    }

    private static final Pattern PHONE = Pattern.compile("^[0-9+() -]{6,30}$");

    private final CaseAccess caseAccess;
    private final CaseSubjects subjects;
    private final EmployerContacts employers;

    EmployerController(CaseAccess caseAccess, CaseSubjects subjects, EmployerContacts employers) {
        this.caseAccess = caseAccess;
        this.subjects = subjects;
        this.employers = employers;
    }

    @InitBinder("consentForm")
    void allowConsentFields(WebDataBinder binder) {
        binder.setAllowedFields("givenOnDay", "givenOnMonth", "givenOnYear", "how");
    }

    @InitBinder("withdrawalForm")
    void allowWithdrawalFields(WebDataBinder binder) {
        binder.setAllowedFields("withdrawnOnDay", "withdrawnOnMonth", "withdrawnOnYear", "withdrawnHow");
    }

    @InitBinder("contactForm")
    void allowContactFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "role", "phone", "email");
    }

    @InitBinder("adjustmentForm")
    void allowAdjustmentFields(WebDataBinder binder) {
        binder.setAllowedFields("kinds", "stage", "onDay", "onMonth", "onYear", "notes");
    }

    @GetMapping("/cases/{id}/employer")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-employer");
        return page(supportCase, model);
    }

    @PostMapping("/cases/{id}/employer/consent")
    String recordConsent(CurrentUser user, @PathVariable long id, @ModelAttribute("consentForm") ConsentForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        if (!EmployerContacts.inWork(supportCase) || employers.mayContact(supportCase)) {
            return "redirect:/cases/" + id + "/employer";
        }
        LocalDate givenOn = CaseDates.pastDate(result, "givenOn", "Date consent was given", form.givenOnDay(),
                form.givenOnMonth(), form.givenOnYear(), employers.today(), employers.latestChange(id)
                        .filter(c -> c.kind() == EmployerContacts.ConsentKind.WITHDRAWN)
                        .map(c -> new Earliest(c.on(), "beforeWithdrawal", "when they withdrew it")).orElse(null));
        String how = TextAnswer.required(result, "how", form.how(), "Enter how they gave consent",
                "How they gave consent", 500);
        if (result.hasErrors()) {
            caseAccess.view(user, id, "case-employer");
            return page(supportCase, model);
        }
        employers.recordConsent(supportCase, givenOn, how, user.id());
        redirect.addFlashAttribute("notice", "Consent to contact their employer recorded");
        return "redirect:/cases/" + id + "/employer";
    }

    @PostMapping("/cases/{id}/employer/consent/withdraw")
    String recordWithdrawal(CurrentUser user, @PathVariable long id,
            @ModelAttribute("withdrawalForm") WithdrawalForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        if (!employers.mayContact(supportCase)) {
            return "redirect:/cases/" + id + "/employer";
        }
        LocalDate withdrawnOn = CaseDates.pastDate(result, "withdrawnOn", "Date consent was withdrawn",
                form.withdrawnOnDay(), form.withdrawnOnMonth(), form.withdrawnOnYear(), employers.today(),
                employers.latestChange(id).map(c -> new Earliest(c.on(), "beforeConsent", "when they gave it"))
                        .orElse(null));
        String how = TextAnswer.required(result, "withdrawnHow", form.withdrawnHow(), "Enter how they withdrew consent",
                "How they withdrew consent", 500);
        if (result.hasErrors()) {
            caseAccess.view(user, id, "case-employer");
            return page(supportCase, model);
        }
        employers.recordWithdrawal(supportCase, withdrawnOn, how, user.id());
        redirect.addFlashAttribute("notice", "Consent withdrawal recorded: do not contact their employer");
        return "redirect:/cases/" + id + "/employer";
    }

    @PostMapping("/cases/{id}/employer")
    String saveContact(CurrentUser user, @PathVariable long id, @ModelAttribute("contactForm") ContactForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        if (!employers.mayContact(supportCase)) {
            return refused(id, redirect);
        }
        String name = TextAnswer.required(result, "name", form.name(), "Enter the name of the contact at their employer",
                "Name", 200);
        String role = TextAnswer.optional(result, "role", form.role(), "Role", 200);
        String phone = TextAnswer.orNull(form.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            result.rejectValue("phone", "format", "Enter a phone number, like 01632 960 001 or 07700 900 982");
        }
        String email = TextAnswer.orNull(form.email());
        if (email != null && !Answers.email(email)) {
            result.rejectValue("email", "format", "Enter an email address in the correct format, like name@example.com");
        }
        if (phone == null && email == null && !result.hasFieldErrors("phone")) {
            result.rejectValue("phone", "required", "Enter a phone number or an email address for the contact");
        }
        if (result.hasErrors()) {
            caseAccess.view(user, id, "case-employer");
            return page(supportCase, model);
        }
        employers.saveContact(supportCase, new EmployerContacts.EmployerContact(name, role, phone, email));
        redirect.addFlashAttribute("notice", "Employer contact saved");
        return "redirect:/cases/" + id + "/employer";
    }

    @PostMapping("/cases/{id}/employer/adjustments")
    String recordAdjustments(CurrentUser user, @PathVariable long id,
            @ModelAttribute("adjustmentForm") AdjustmentForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        if (!employers.mayContact(supportCase)) {
            return refused(id, redirect);
        }
        List<AdjustmentKind> kinds = new ArrayList<>();
        for (String answer : form.kinds() == null ? List.<String>of() : form.kinds()) {
            AdjustmentKind kind = Answers.code(AdjustmentKind.class, answer);
            if (kind != null && !kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        if (kinds.isEmpty()) {
            result.rejectValue("kinds", "required", "Select the adjustments");
        }
        EmployerContacts.Stage stage = Answers.code(EmployerContacts.Stage.class, form.stage());
        if (stage == null) {
            result.rejectValue("stage", "required", "Select whether the adjustments were discussed or agreed");
        }
        LocalDate on = CaseDates.pastDate(result, "on", "Date", form.onDay(), form.onMonth(), form.onYear(),
                employers.today(), null);
        String notes = TextAnswer.optional(result, "notes", form.notes(), "Notes", 2000);
        if (result.hasErrors()) {
            caseAccess.view(user, id, "case-employer");
            return page(supportCase, model);
        }
        employers.recordAdjustments(supportCase, kinds, stage, on, notes);
        redirect.addFlashAttribute("notice", "Adjustments recorded as " + stage.label().toLowerCase());
        return "redirect:/cases/" + id + "/employer";
    }

    private String refused(long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "Nothing was saved: the person has not agreed to contact with their "
                + "employer");
        return "redirect:/cases/" + id + "/employer";
    }

    private String page(SupportCase supportCase, Model model) {
        boolean inWork = EmployerContacts.inWork(supportCase);
        boolean onReferral = inWork && employers.consentOnReferral(supportCase);
        EmployerContacts.ConsentChange change = inWork ? employers.latestChange(supportCase.id()).orElse(null) : null;
        boolean mayContact = change == null ? onReferral : change.kind() == EmployerContacts.ConsentKind.GIVEN;
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("subjectName", subjects.fullName(supportCase));
        model.addAttribute("inWork", inWork);
        model.addAttribute("mayContact", mayContact);
        model.addAttribute("consentText", change == null ? (onReferral ? "Given on the referral" : "")
                : "Given on " + DateAnswer.format(change.on()) + ": " + change.how());
        model.addAttribute("withdrawalText", change == null || change.kind() != EmployerContacts.ConsentKind.WITHDRAWN
                ? null : "Withdrawn on " + DateAnswer.format(change.on()) + ": " + change.how());
        if (!model.containsAttribute("withdrawalForm")) {
            model.addAttribute("withdrawalForm", new WithdrawalForm(null, null, null, null, null));
        }
        if (!model.containsAttribute("consentForm")) {
            model.addAttribute("consentForm", new ConsentForm(null, null, null, null, null));
        }
        if (!model.containsAttribute("contactForm")) {
            EmployerContacts.EmployerContact saved = mayContact ? employers.contact(supportCase.id()).orElse(null)
                    : null;
            model.addAttribute("contactForm", saved == null ? new ContactForm(null, null, null, null)
                    : new ContactForm(saved.name(), saved.role(), saved.phone(), saved.email()));
        }
        if (!model.containsAttribute("adjustmentForm")) {
            model.addAttribute("adjustmentForm", new AdjustmentForm(null, null, null, null, null, null, null));
        }
        AdjustmentForm adjustmentForm = (AdjustmentForm) model.getAttribute("adjustmentForm");
        model.addAttribute("adjustments", mayContact ? employers.adjustments(supportCase.id()).stream()
                .map(a -> new AdjustmentRow(a.kind().label(), format(a.discussedOn()), format(a.agreedOn()),
                        a.notes() == null ? "" : a.notes()))
                .toList() : List.of());
        model.addAttribute("kindItems", Choices.options(Arrays.asList(AdjustmentKind.values()), Enum::name,
                AdjustmentKind::label, null, adjustmentForm.kinds()));
        model.addAttribute("stageItems", Choices.options(Arrays.asList(EmployerContacts.Stage.values()), Enum::name,
                EmployerContacts.Stage::label, null,
                adjustmentForm.stage() == null ? List.of() : List.of(adjustmentForm.stage())));
        model.addAttribute("backLink", "/cases/" + supportCase.id());
        return "casework/employer";
    }

    private static String format(LocalDate date) {
        return date == null ? "Not yet" : DateAnswer.format(date);
    }

}

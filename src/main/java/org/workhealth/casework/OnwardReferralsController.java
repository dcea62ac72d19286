package org.workhealth.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.casework.internal.SupportService;

/** A case's onward referrals to services in the directory: making one, then recording what became of it. */
@Controller
class OnwardReferralsController {

    /** madeOn is never bound: it names the date input for error messages. */
    record OnwardReferralForm(String serviceId, LocalDate madeOn, String madeOnDay, String madeOnMonth,
            String madeOnYear, String notes, String consent) {
    }

    /** on is never bound: it names the date input for error messages. */
    record StatusForm(String status, LocalDate on, String onDay, String onMonth, String onYear) {
    }

    record ReferralRow(long id, long serviceId, String service, OnwardReferralStatus status, String made, String accepted,
            String declined, String attended, String notes, boolean open, String consentWithdrawn) {
    }

    private final CaseAccess caseAccess;
    private final CaseSubjects subjects;
    private final ServiceDirectory directory;
    private final OnwardReferrals referrals;
    private final ServiceConsents consents;

    OnwardReferralsController(CaseAccess caseAccess, CaseSubjects subjects, ServiceDirectory directory,
            OnwardReferrals referrals, ServiceConsents consents) {
        this.consents = consents;
        this.caseAccess = caseAccess;
        this.subjects = subjects;
        this.directory = directory;
        this.referrals = referrals;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("serviceId", "madeOnDay", "madeOnMonth", "madeOnYear", "notes", "consent");
    }

    @InitBinder("statusForm")
    void allowStatusFields(WebDataBinder binder) {
        binder.setAllowedFields("status", "onDay", "onMonth", "onYear");
    }

    @GetMapping("/cases/{id}/onward-referrals")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-onward-referrals");
        model.addAttribute("form", new OnwardReferralForm(null, null, null, null, null, null, null));
        return page(supportCase, model);
    }

    @PostMapping("/cases/{id}/onward-referrals")
    String make(CurrentUser user, @PathVariable long id, @ModelAttribute("form") OnwardReferralForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        // Only a service the case's organisation can see may be chosen, whatever the form says.
        Optional<SupportService> service = parseId(form.serviceId()).flatMap(directory::find)
                .filter(s -> directory.visibleOwners(supportCase.organisationId()).contains(s.organisationId()));
        if (service.isEmpty()) {
            result.rejectValue("serviceId", "required", "Select the service you referred them to");
        } else if (consents.withdrawn(id, service.get().id())) {
            // Once withdrawn, consent is given again only on its own page, deliberately, never by a referral form.
            result.rejectValue("serviceId", "consentWithdrawn", subjects.fullName(supportCase)
                    + " has withdrawn their consent to share with " + service.get().name()
                    + ". Record their consent given again before you refer them");
        }
        if (!"yes".equals(form.consent())) {
            result.rejectValue("consent", "required", "no".equals(form.consent())
                    ? "You can only make an onward referral when they agree to share their details with the service"
                    : "Select yes if they agreed that you can share their details with the service");
        }
        LocalDate madeOn = CaseDates.pastDate(result, "madeOn", "Date the referral was made", form.madeOnDay(),
                form.madeOnMonth(), form.madeOnYear(), referrals.today(), Earliest.caseOpened(supportCase));
        String notes = TextAnswer.optional(result, "notes", form.notes(), "Notes", 2000);
        if (result.hasErrors()) {
            caseAccess.view(user, id, "case-onward-referrals");
            return page(supportCase, model);
        }
        try {
            referrals.make(supportCase, service.get(), madeOn, notes, user.id());
        } catch (ServiceConsents.ConsentWithdrawnException e) {
            // Withdrawn between the check above and the save: nothing was saved.
            redirect.addFlashAttribute("notice", "Nothing was saved: consent to share with " + service.get().name()
                    + " has been withdrawn");
            return "redirect:/cases/" + id + "/onward-referrals";
        }
        redirect.addFlashAttribute("notice", "Onward referral to " + service.get().name() + " recorded");
        return "redirect:/cases/" + id + "/onward-referrals";
    }

    @GetMapping("/cases/{id}/onward-referrals/{referralId}")
    String showOne(CurrentUser user, @PathVariable long id, @PathVariable long referralId, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-onward-referrals");
        OnwardReferrals.OnwardReferral referral = referrals.find(id, referralId)
                .orElseThrow(OutOfScopeException::new);
        model.addAttribute("statusForm", new StatusForm(null, null, null, null, null));
        return statusPage(supportCase, referral, model);
    }

    @PostMapping("/cases/{id}/onward-referrals/{referralId}")
    String move(CurrentUser user, @PathVariable long id, @PathVariable long referralId,
            @ModelAttribute("statusForm") StatusForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        OnwardReferrals.OnwardReferral referral = referrals.find(id, referralId)
                .orElseThrow(OutOfScopeException::new);
        OnwardReferralStatus to = parseStatus(form.status());
        if (to == null || !referral.status().next().contains(to)) {
            result.rejectValue("status", "required", "Select what happened to the referral");
        }
        LocalDate on = CaseDates.pastDate(result, "on", "Date", form.onDay(), form.onMonth(), form.onYear(),
                referrals.today(), new Earliest(referral.lastStepOn(), "beforeLast", "the date of the last step"));
        if (result.hasErrors()) {
            caseAccess.view(user, id, "case-onward-referrals");
            return statusPage(supportCase, referral, model);
        }
        if (referrals.move(supportCase, referral, to, on)) {
            redirect.addFlashAttribute("notice", "Referral to " + referral.serviceName() + " marked as "
                    + to.label().toLowerCase());
        } else {
            redirect.addFlashAttribute("notice", "Nothing was changed: the referral had already moved on");
        }
        return "redirect:/cases/" + id + "/onward-referrals";
    }

    private String page(SupportCase supportCase, Model model) {
        OnwardReferralForm form = (OnwardReferralForm) model.getAttribute("form");
        List<SupportService> services = directory.visibleTo(supportCase.organisationId());
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("subjectName", subjects.fullName(supportCase));
        model.addAttribute("serviceItems", Choices.select("Choose a service", services, SupportService::id,
                s -> s.name() + " (" + s.type().label() + ")", form.serviceId()));
        model.addAttribute("consentItems", Choices.options(List.of("yes", "no"), v -> v,
                v -> v.equals("yes") ? "Yes" : "No", null, form.consent() == null ? List.of() : List.of(form.consent())));
        List<ServiceConsents.Standing> standings = consents.standings(supportCase.id());
        model.addAttribute("rows", referrals.forCase(supportCase.id()).stream().map(r -> row(r, standings))
                .toList());
        model.addAttribute("consentsLink", "/cases/" + supportCase.id() + "/service-consents");
        model.addAttribute("backLink", "/cases/" + supportCase.id());
        return "casework/onward-referrals";
    }

    private String statusPage(SupportCase supportCase, OnwardReferrals.OnwardReferral referral, Model model) {
        StatusForm form = (StatusForm) model.getAttribute("statusForm");
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("subjectName", subjects.fullName(supportCase));
        model.addAttribute("referral", row(referral, consents.standings(supportCase.id())));
        model.addAttribute("statusItems", Choices.options(referral.status().next(), Enum::name,
                OnwardReferralStatus::label, null, form.status() == null ? List.of() : List.of(form.status())));
        model.addAttribute("backLink", "/cases/" + supportCase.id() + "/onward-referrals");
        return "casework/onward-referral";
    }

    private static ReferralRow row(OnwardReferrals.OnwardReferral r, List<ServiceConsents.Standing> standings) {
        String withdrawn = standings.stream().filter(s -> s.serviceId() == r.serviceId() && !s.given()).findFirst()
                .map(s -> "Withdrawn on " + DateAnswer.format(s.latest().on())).orElse(null);
        return new ReferralRow(r.id(), r.serviceId(), r.serviceName(), r.status(),
                DateAnswer.format(r.madeOn()), format(r.acceptedOn()), format(r.declinedOn()), format(r.attendedOn()),
                r.notes() == null ? "" : r.notes(), !r.status().next().isEmpty(), withdrawn);
    }

    private static String format(LocalDate date) {
        return date == null ? "" : DateAnswer.format(date);
    }

    private static Optional<Long> parseId(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(Long.valueOf(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static OnwardReferralStatus parseStatus(String value) {
        try {
            return value == null || value.isBlank() ? null : OnwardReferralStatus.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

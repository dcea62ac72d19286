package org.workhealth.referral;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
import org.workhealth.audit.AuditLog;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.milestone.PeriodLockedException;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.referral.internal.ContactPreference;

/** First contact with the person on an accepted referral: attempts, then a case, a decline or "unable to contact". */
@Controller
class ContactController {

    /** attemptedOn is never bound: it names the date input for error messages. */
    record ContactForm(LocalDate attemptedOn, String attemptedOnDay, String attemptedOnMonth, String attemptedOnYear,
            String channel, String outcome) {
    }

    record AttemptRow(String date, String channel, String outcome, String by) {
    }

    record EventRow(String when, String what, String by) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final FirstContact contact;
    private final AuditLog audit;

    ContactController(FirstContact contact, AuditLog audit) {
        this.contact = contact;
        this.audit = audit;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("attemptedOnDay", "attemptedOnMonth", "attemptedOnYear", "channel", "outcome");
    }

    @GetMapping("/referrals/{id}/contact")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        FirstContact.ContactReferral referral = contact.contactable(user, id);
        model.addAttribute("form", new ContactForm(null, null, null, null, null, null));
        return page(referral, model);
    }

    @PostMapping("/referrals/{id}/contact")
    String record(CurrentUser user, @PathVariable long id, @ModelAttribute("form") ContactForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        FirstContact.ContactReferral referral = contact.contactable(user, id);
        DateAnswer date = DateAnswer.parse("Date of the attempt", form.attemptedOnDay(), form.attemptedOnMonth(),
                form.attemptedOnYear());
        LocalDate received = LocalDate.ofInstant(referral.receivedAt(), LONDON);
        if (!date.valid()) {
            result.rejectValue("attemptedOn", "invalid", date.error());
        } else if (date.date().isAfter(contact.today())) {
            result.rejectValue("attemptedOn", "future", "Date of the attempt must be today or in the past");
        } else if (date.date().isBefore(received)) {
            result.rejectValue("attemptedOn", "beforeReferral", "Date of the attempt must be on or after "
                    + DateAnswer.format(received) + ", when the referral was received");
        }
        ContactChannel channel = Answers.code(ContactChannel.class, form.channel());
        if (channel == null) {
            result.rejectValue("channel", "required", "Select how you tried to contact them");
        }
        ContactOutcome outcome = Answers.code(ContactOutcome.class, form.outcome());
        if (outcome == null) {
            result.rejectValue("outcome", "required", "Select what happened");
        }
        if (result.hasErrors()) {
            return page(referral, model);
        }
        FirstContact.Outcome done;
        try {
            done = contact.record(user, referral, date.date(), channel, outcome);
        } catch (PeriodLockedException e) {
            // Opening the case writes referral accepted on the attempt's date, in a locked period: nothing was saved.
            result.rejectValue("attemptedOn", "locked", e.getMessage());
            return page(referral, model);
        }
        switch (done.result()) {
            case CASE_OPENED -> redirect.addFlashAttribute("caseOpened", true);
            case CASE_ALREADY_OPEN -> redirect.addFlashAttribute("notice", "A case is already open for this person");
            case DECLINED -> redirect.addFlashAttribute("notice",
                    "Contact attempt recorded. The referral is closed: the person does not want support");
            case RECORDED -> redirect.addFlashAttribute("notice", "Contact attempt recorded");
            case NOT_WAITING -> redirect.addFlashAttribute("notice", "Nothing was recorded: the referral is "
                    + "no longer waiting for first contact");
        }
        return "redirect:/referrals/" + id + "/contact";
    }

    @PostMapping("/referrals/{id}/contact/unable-to-contact")
    String unableToContact(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        FirstContact.ContactReferral referral = contact.contactable(user, id);
        if (contact.closeAsUnableToContact(user, referral)) {
            redirect.addFlashAttribute("notice", "Referral closed as unable to contact");
        }
        return "redirect:/referrals/" + id + "/contact";
    }

    private String page(FirstContact.ContactReferral referral, Model model) {
        audit.recordView("referral", referral.id(), referral.routedOrganisationId());
        ContactForm form = (ContactForm) model.getAttribute("form");
        model.addAttribute("referral", referral);
        model.addAttribute("dateOfBirth", DateAnswer.format(referral.dateOfBirth()));
        ContactPreference preference = Answers.code(ContactPreference.class, referral.contactPreference());
        model.addAttribute("contactPreference", preference == null ? "" : preference.label());
        model.addAttribute("caseId", contact.caseFor(referral.id()).orElse(null));
        model.addAttribute("waiting", contact.waitingForContact(referral));
        model.addAttribute("mayClose", contact.mayCloseAsUnableToContact(referral));
        model.addAttribute("maxAttempts", contact.maxAttempts());
        model.addAttribute("failedAttempts", contact.failedAttempts(referral.id()));
        model.addAttribute("attempts", contact.attempts(referral.id()).stream()
                .map(a -> new AttemptRow(DateAnswer.format(a.attemptedOn()), a.channel().label(), a.outcome().label(),
                        a.recordedByName()))
                .toList());
        model.addAttribute("events", contact.timeline(referral.id()).stream()
                .map(e -> new EventRow(WHEN.format(e.occurredAt().atZone(LONDON)).replace("AM", "am").replace("PM", "pm"),
                        e.detail() == null ? e.kind() : e.detail(), e.actorName() == null ? "" : e.actorName()))
                .toList());
        model.addAttribute("channelItems", Choices.options(Arrays.asList(ContactChannel.values()), Enum::name,
                ContactChannel::label, null, form.channel() == null ? List.of() : List.of(form.channel())));
        model.addAttribute("outcomeItems", Choices.options(Arrays.asList(ContactOutcome.values()), Enum::name,
                ContactOutcome::label, null, form.outcome() == null ? List.of() : List.of(form.outcome())));
        model.addAttribute("backLink", "/referrals/" + referral.id());
        return "referral/contact";
    }

}

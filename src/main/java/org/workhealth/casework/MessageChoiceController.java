package org.workhealth.casework;

import java.util.ArrayList;
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
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.FormErrors;
import org.workhealth.notification.NewMessage;
import org.workhealth.organisation.CurrentUser;

/**
 * The practitioner records how the person wants the service's messages: by email, by text message or none, and
 * whether they want a reminder the day before each appointment.
 */
@Controller
class MessageChoiceController {

    record ChoiceForm(String channel, String reminders) {
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("channel", "reminders");
    }

    private final CaseAccess caseAccess;
    private final CaseMessageChoices choices;
    private final CaseSubjects subjects;

    MessageChoiceController(CaseAccess caseAccess, CaseMessageChoices choices, CaseSubjects subjects) {
        this.caseAccess = caseAccess;
        this.choices = choices;
        this.subjects = subjects;
    }

    @GetMapping("/cases/{id}/messages")
    String form(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-message-choice");
        CaseMessageChoices.Route route = choices.route(supportCase);
        ChoiceForm form = choices.recorded(id)
                .map(c -> new ChoiceForm(c.channel().name(), c.channel() == CaseMessageChoices.Channel.NONE ? null
                        : c.reminders() ? "YES" : "NO"))
                .orElseGet(() -> new ChoiceForm(route == null || !route.reachable() ? null
                        : route.channel() == NewMessage.Channel.EMAIL ? "EMAIL" : "SMS", null));
        model.addAttribute("form", form);
        return page(supportCase, route, form, model);
    }

    @PostMapping("/cases/{id}/messages")
    String save(CurrentUser user, @PathVariable long id, @ModelAttribute("form") ChoiceForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        CaseMessageChoices.Route route = choices.route(supportCase);
        ParticipantContacts.Contact contact = route == null ? null : route.contact();
        CaseMessageChoices.Channel channel = Choices.chosen(CaseMessageChoices.Channel.class, form.channel());
        if (channel == null) {
            result.rejectValue("channel", "required", "Select how they want to get messages");
        } else if (channel == CaseMessageChoices.Channel.EMAIL && blank(contact == null ? null : contact.email())) {
            result.rejectValue("channel", "email", "They gave no email address: choose another way");
        } else if (channel == CaseMessageChoices.Channel.SMS && blank(contact == null ? null : contact.phone())) {
            result.rejectValue("channel", "phone", "They gave no phone number: choose another way");
        }
        boolean none = channel == CaseMessageChoices.Channel.NONE;
        if (!none && !"YES".equals(form.reminders()) && !"NO".equals(form.reminders())) {
            result.rejectValue("reminders", "required",
                    "Select whether they want a reminder the day before each appointment");
        }
        if (result.hasErrors()) {
            model.addAttribute("errors", FormErrors.of(result));
            return page(supportCase, route, form, model);
        }
        choices.record(user, supportCase, new CaseMessageChoices.Choice(channel, !none && "YES".equals(
                form.reminders())));
        redirect.addFlashAttribute("notice", "How they get messages is saved");
        return "redirect:/cases/" + id;
    }

    private String page(SupportCase supportCase, CaseMessageChoices.Route route, ChoiceForm form, Model model) {
        ParticipantContacts.Contact contact = route == null ? null : route.contact();
        String email = contact == null || blank(contact.email()) ? null : contact.email().strip();
        String phone = contact == null || blank(contact.phone()) ? null : contact.phone().strip();
        List<Map<String, Object>> items = new ArrayList<>(Choices.options(
                List.of(CaseMessageChoices.Channel.values()), Enum::name, CaseMessageChoices.Channel::label,
                c -> switch (c) {
                    case EMAIL -> email == null ? "No email address was given on the referral" : "To " + email;
                    case SMS -> phone == null ? "No phone number was given on the referral" : "To " + phone;
                    case NONE -> "Their key worker tells them about appointments and gives them their plan";
                }, form.channel() == null ? List.of() : List.of(form.channel())));
        model.addAttribute("channelItems", items);
        model.addAttribute("reminderItems", Choices.options(List.of("YES", "NO"), v -> v,
                v -> "YES".equals(v) ? "Yes" : "No", null, form.reminders() == null ? List.of()
                        : List.of(form.reminders())));
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("subjectName", subjects.fullName(supportCase));
        model.addAttribute("backLink", "/cases/" + supportCase.id());
        return "casework/message-choice";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

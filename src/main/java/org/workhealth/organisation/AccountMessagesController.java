package org.workhealth.organisation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.govuk.Choices;

/**
 * A person chooses which optional emails they get: those meant for their roles. What they must act on (a return or
 * claim sent to them, or back to them) is not offered: it always comes.
 */
@Controller
class AccountMessagesController {

    private final StaffRecipients recipients;

    AccountMessagesController(StaffRecipients recipients) {
        this.recipients = recipients;
    }

    /** The categories meant for the person's roles. */
    static Set<StaffMessageCategory> offered(CurrentUser user) {
        Set<StaffMessageCategory> offered = EnumSet.noneOf(StaffMessageCategory.class);
        Arrays.stream(StaffMessageCategory.values()).filter(c -> user.has(c.forRole())).forEach(offered::add);
        return offered;
    }

    @GetMapping("/account/messages")
    String form(CurrentUser user, Model model) {
        Set<StaffMessageCategory> out = recipients.optedOut(user.id());
        Set<StaffMessageCategory> offered = offered(user);
        model.addAttribute("items", Choices.options(offered, Enum::name, StaffMessageCategory::label,
                StaffMessageCategory::hint, offered.stream().filter(c -> !out.contains(c)).map(Enum::name).toList()));
        model.addAttribute("offered", !offered.isEmpty());
        model.addAttribute("backLink", "/account");
        return "organisation/account-messages";
    }

    @PostMapping("/account/messages")
    String save(CurrentUser user, @RequestParam(name = "wanted", required = false) List<String> wanted,
            RedirectAttributes redirect) {
        Set<StaffMessageCategory> offered = offered(user);
        Set<StaffMessageCategory> chosen = EnumSet.noneOf(StaffMessageCategory.class);
        // Only codes, and only those offered to this person, count; anything else sent is ignored.
        (wanted == null ? List.<String>of() : wanted).stream().limit(StaffMessageCategory.values().length)
                .map(w -> Choices.chosen(StaffMessageCategory.class, w))
                .filter(c -> c != null && offered.contains(c)).forEach(chosen::add);
        recipients.choose(user, offered, chosen);
        redirect.addFlashAttribute("notice", "Your email choices are saved.");
        return "redirect:/account";
    }
}

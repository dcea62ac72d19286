package org.workhealth.organisation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.audit.AuditLog;

/** A person's own account: their details and changing their password. */
@Controller
class AccountController {

    record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {
    }

    private final People people;
    private final PersonRoles roles;
    private final AuditLog audit;
    private final StaffRecipients recipients;

    AccountController(People people, PersonRoles roles, AuditLog audit, StaffRecipients recipients) {
        this.recipients = recipients;
        this.people = people;
        this.roles = roles;
        this.audit = audit;
    }

    @InitBinder("passwordForm")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("currentPassword", "newPassword", "confirmPassword");
    }

    @GetMapping("/account")
    String account(CurrentUser user, Model model) {
        audit.recordView("person", user.id(), user.organisationId());
        model.addAttribute("grants", roles.grantsOf(user));
        Set<StaffMessageCategory> offered = AccountMessagesController.offered(user);
        Set<StaffMessageCategory> out = recipients.optedOut(user.id());
        List<String> wanted = offered.stream().filter(c -> !out.contains(c)).map(StaffMessageCategory::label)
                .toList();
        model.addAttribute("emails", offered.isEmpty() ? "Only those you need to act on"
                : wanted.isEmpty() ? "Only those you need to act on; none of the optional ones"
                : "Those you need to act on, and: " + String.join("; ", wanted));
        return "organisation/account";
    }

    @GetMapping("/account/password")
    String passwordForm(CurrentUser user, Model model) {
        model.addAttribute("passwordForm", new PasswordForm(null, null, null));
        return "organisation/password";
    }

    @PostMapping("/account/password")
    String changePassword(CurrentUser user, @ModelAttribute PasswordForm passwordForm, BindingResult result,
            HttpSession session, RedirectAttributes redirect) {
        if (empty(passwordForm.currentPassword())) {
            result.rejectValue("currentPassword", "required", "Enter your current password");
        }
        if (empty(passwordForm.newPassword())) {
            result.rejectValue("newPassword", "required", "Enter a new password");
        }
        if (empty(passwordForm.confirmPassword())) {
            result.rejectValue("confirmPassword", "required", "Confirm your new password");
        } else if (!passwordForm.confirmPassword().equals(passwordForm.newPassword())) {
            result.rejectValue("confirmPassword", "mismatch", "The passwords you entered do not match");
        }
        if (!result.hasErrors()) {
            Optional<People.PasswordProblem> problem = people.changeOwnPassword(user, passwordForm.currentPassword(),
                    passwordForm.newPassword(), session.getId());
            problem.ifPresent(p -> result.rejectValue(p.field(), "invalid", p.message()));
        }
        if (result.hasErrors()) {
            return "organisation/password";
        }
        redirect.addFlashAttribute("notice", "Your password has been changed.");
        return "redirect:/account";
    }

    private static boolean empty(String password) {
        return password == null || password.isEmpty();
    }
}

package org.workhealth.mfa;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;

/**
 * An administrator takes away someone's authenticator app, recovery codes and passkeys (a lost phone), never their own:
 * that would let one stolen password undo the second factor. The person sets up again at their next sign-in.
 */
@Controller
class MfaResetController {

    private final People people;
    private final MfaEnrolments enrolments;
    private final Passkeys passkeys;
    private final AuditLog audit;

    MfaResetController(People people, MfaEnrolments enrolments, Passkeys passkeys, AuditLog audit) {
        this.people = people;
        this.enrolments = enrolments;
        this.passkeys = passkeys;
        this.audit = audit;
    }

    @GetMapping("/people/{id}/mfa/reset")
    String confirm(CurrentUser user, @PathVariable long id, Model model) {
        Person person = someoneElse(user, id);
        audit.recordView("person", id, person.organisationId());
        model.addAttribute("person", person);
        model.addAttribute("enrolled", enrolments.enrolled(id) || passkeys.any(person.email()));
        model.addAttribute("backLink", "/people/" + id);
        return "mfa/reset";
    }

    @PostMapping("/people/{id}/mfa/reset")
    String reset(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        Person person = someoneElse(user, id);
        boolean app = enrolments.reset(id);
        int removedPasskeys = passkeys.removeAll(person.email());
        if (app || removedPasskeys > 0) {
            audit.recordChange("MFA_RESET", "person", id, person.organisationId(), "by an administrator: "
                    + (app ? "authenticator app and recovery codes" : "no authenticator app") + ", "
                    + removedPasskeys + (removedPasskeys == 1 ? " passkey" : " passkeys"));
        }
        redirect.addFlashAttribute("notice", "Multi-factor authentication has been reset for " + person.fullName()
                + ". Their authenticator app, recovery codes and passkeys no longer work.");
        return "redirect:/people/" + id;
    }

    private Person someoneElse(CurrentUser user, long id) {
        Person person = people.manageable(user, id);
        if (person.id() == user.id()) {
            throw new OutOfScopeException();
        }
        return person;
    }
}

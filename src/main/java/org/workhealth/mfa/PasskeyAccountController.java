package org.workhealth.mfa;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;

/**
 * Removing one of your own passkeys from the account page. Adding one is the browser's ceremony with Spring
 * Security's endpoints (assets/passkeys.mjs), so the add form only comes here when JavaScript did not run.
 */
@Controller
class PasskeyAccountController {

    /** Which passkey: its credential id, as the account page lists it. */
    record RemovePasskeyForm(String passkey) {
    }

    private final Passkeys passkeys;
    private final AuditLog audit;

    PasskeyAccountController(Passkeys passkeys, AuditLog audit) {
        this.passkeys = passkeys;
        this.audit = audit;
    }

    @InitBinder("removePasskeyForm")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("passkey");
    }

    @PostMapping("/account/mfa/passkeys")
    String addWithoutJavaScript() {
        return "redirect:/account/mfa#passkeys";
    }

    @PostMapping("/account/mfa/passkeys/remove")
    String remove(CurrentUser user, @ModelAttribute RemovePasskeyForm removePasskeyForm, RedirectAttributes redirect) {
        passkeys.remove(user.email(), removePasskeyForm.passkey()).ifPresent(name -> {
            audit.recordChange("MFA_PASSKEY_REMOVED", "person", user.id(), user.organisationId(),
                    "passkey \"" + name + "\"");
            redirect.addFlashAttribute("notice", "Passkey \"" + name + "\" removed. It no longer works for WorkHealth.");
        });
        return "redirect:/account/mfa";
    }
}

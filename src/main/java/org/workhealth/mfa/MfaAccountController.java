package org.workhealth.mfa;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;

/** A person's own second factor: setting up an authenticator app, and their recovery codes. */
@Controller
class MfaAccountController {

    /** The secret offered on the setup page waits in the session, so that reading the page writes nothing. */
    static final String PENDING_SECRET = MfaAccountController.class.getName() + ".secret";

    private static final java.time.format.DateTimeFormatter SET_UP_ON = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy", java.util.Locale.UK).withZone(java.time.ZoneId.of("Europe/London"));

    private final MfaEnrolments enrolments;
    private final Passkeys passkeys;
    private final MfaPolicy policy;
    private final AuditLog audit;
    private final String issuer;

    MfaAccountController(MfaEnrolments enrolments, Passkeys passkeys, MfaPolicy policy, AuditLog audit,
            @Value("${workhealth.service-name:WorkHealth}") String issuer) {
        this.enrolments = enrolments;
        this.passkeys = passkeys;
        this.policy = policy;
        this.audit = audit;
        this.issuer = issuer;
    }

    @InitBinder("codeForm")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("code");
    }

    @GetMapping("/account/mfa")
    String status(CurrentUser user, Model model, @RequestParam(required = false) String passkeyAdded) {
        var enrolment = enrolments.find(user.id());
        model.addAttribute("enrolment", enrolment.orElse(null));
        enrolment.ifPresent(e -> model.addAttribute("setUpOn", SET_UP_ON.format(e.confirmedAt())));
        // Passkeys come after the app: the app's recovery codes are the way back if a passkey is lost.
        model.addAttribute("passkeys", enrolment.isEmpty() ? List.of() : passkeys.of(user.email()).stream()
                .map(p -> new ShownPasskey(p.id(), p.name(), SET_UP_ON.format(p.addedAt()),
                        p.lastUsedAt() == null ? "Never" : SET_UP_ON.format(p.lastUsedAt())))
                .toList());
        model.addAttribute("passkeyNameLength", PasskeyNames.MAX_LENGTH);
        if (passkeyAdded != null && enrolment.isPresent() && !model.containsAttribute("notice")) {
            model.addAttribute("notice", "Passkey added. You can use it the next time you sign in.");
        }
        model.addAttribute("required", policy.requiredFor(user.roles()));
        return "mfa/status";
    }

    @GetMapping(MfaGate.SETUP_PAGE)
    String setup(CurrentUser user, HttpSession session, Model model) {
        if (enrolments.enrolled(user.id())) {
            return "redirect:/account/mfa";
        }
        model.addAttribute("codeForm", new CodeForm(null));
        return setupPage(user, session, model);
    }

    @PostMapping(MfaGate.SETUP_PAGE)
    String confirm(CurrentUser user, @ModelAttribute CodeForm codeForm, BindingResult result, HttpSession session,
            Model model, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        if (enrolments.enrolled(user.id())) {
            return "redirect:/account/mfa";
        }
        String secret = (String) session.getAttribute(PENDING_SECRET);
        var codes = secret == null ? java.util.Optional.<List<String>>empty()
                : enrolments.enrol(user.id(), secret, codeForm.code());
        if (codes.isEmpty()) {
            result.rejectValue("code", "invalid", "Enter the 6-digit code your authenticator app shows now");
            return setupPage(user, session, model);
        }
        session.removeAttribute(PENDING_SECRET);
        audit.recordChange("MFA_SET_UP", "person", user.id(), user.organisationId(), "authenticator app");
        SecondFactor.add(SecondFactor.TOTP, request, response);
        redirect.addFlashAttribute("recoveryCodes", codes.get());
        return "redirect:/account/mfa/recovery-codes";
    }

    /** Shown once, straight after they are made; afterwards only how many are left. */
    @GetMapping("/account/mfa/recovery-codes")
    String recoveryCodes(Model model) {
        return model.containsAttribute("recoveryCodes") ? "mfa/recovery-codes" : "redirect:/account/mfa";
    }

    @PostMapping("/account/mfa/recovery-codes")
    String newRecoveryCodes(CurrentUser user, RedirectAttributes redirect) {
        if (!enrolments.enrolled(user.id())) {
            return "redirect:/account/mfa";
        }
        List<String> codes = enrolments.replaceRecoveryCodes(user.id());
        audit.recordChange("MFA_RECOVERY_CODES_REPLACED", "person", user.id(), user.organisationId(), null);
        redirect.addFlashAttribute("recoveryCodes", codes);
        return "redirect:/account/mfa/recovery-codes";
    }

    /** A passkey as the account page lists it. */
    record ShownPasskey(String id, String name, String addedAt, String lastUsedAt) {
    }

    private String setupPage(CurrentUser user, HttpSession session, Model model) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        model.addAttribute("secret", Totp.grouped(secret));
        model.addAttribute("qrCode", QrCodes.svgDataUri(Totp.uri(issuer, user.email(), secret)));
        model.addAttribute("required", policy.requiredFor(user.roles()));
        return "mfa/setup";
    }
}

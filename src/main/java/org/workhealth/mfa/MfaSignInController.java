package org.workhealth.mfa;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.workhealth.audit.AuditActor;
import org.workhealth.audit.AuditLog;

/** The second step of signing in: a code from the authenticator app, or one of the recovery codes. */
@Controller
class MfaSignInController {

    private final MfaEnrolments enrolments;
    private final Passkeys passkeys;
    private final MfaMessages messages;
    private final AuditLog audit;

    MfaSignInController(MfaEnrolments enrolments, Passkeys passkeys, MfaMessages messages, AuditLog audit) {
        this.enrolments = enrolments;
        this.passkeys = passkeys;
        this.messages = messages;
        this.audit = audit;
    }

    @InitBinder("codeForm")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("code");
    }

    @GetMapping(MfaGate.CODE_PAGE)
    String codePage(Authentication authentication, Model model) {
        return page(authentication, model, "mfa/code");
    }

    @GetMapping("/sign-in/recovery-code")
    String recoveryCodePage(Authentication authentication, Model model) {
        return page(authentication, model, "mfa/recovery-code");
    }

    @PostMapping(MfaGate.CODE_PAGE)
    String code(Authentication authentication, @ModelAttribute CodeForm codeForm, BindingResult result,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(authentication.getPrincipal() instanceof AuditActor actor) || SecondFactor.given(authentication)) {
            return "redirect:/home";
        }
        MfaEnrolments.Check check = enrolments.checkCode(actor.actorId(), codeForm.code());
        return finish(actor, check, SecondFactor.TOTP, "SIGN_IN_CODE", result, request, response, model, "mfa/code");
    }

    @PostMapping("/sign-in/recovery-code")
    String recoveryCode(Authentication authentication, @ModelAttribute CodeForm codeForm, BindingResult result,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(authentication.getPrincipal() instanceof AuditActor actor) || SecondFactor.given(authentication)) {
            return "redirect:/home";
        }
        MfaEnrolments.Check check = enrolments.checkRecoveryCode(actor.actorId(), codeForm.code());
        return finish(actor, check, SecondFactor.RECOVERY_CODE, "SIGN_IN_RECOVERY_CODE", result, request, response,
                model, "mfa/recovery-code");
    }

    private String page(Authentication authentication, Model model, String view) {
        if (!(authentication.getPrincipal() instanceof AuditActor actor) || SecondFactor.given(authentication)
                || !enrolments.enrolled(actor.actorId())) {
            return "redirect:/home";
        }
        model.addAttribute("codeForm", new CodeForm(null));
        model.addAttribute("hasPasskey", passkeys.any(actor.actorEmail()));
        return view;
    }

    private String finish(AuditActor actor, MfaEnrolments.Check check, String factor, String action,
            BindingResult result, HttpServletRequest request, HttpServletResponse response, Model model,
            String view) {
        if (check == MfaEnrolments.Check.NOT_SET_UP) {
            return "redirect:/home";
        }
        if (check != MfaEnrolments.Check.ACCEPTED) {
            audit.recordSignIn(action + "_FAILED", actor.actorEmail(), actor.actorId(), actor.actorOrganisationId());
            result.rejectValue("code", check.name().toLowerCase(java.util.Locale.ROOT),
                    messages.refused(check, factor.equals(SecondFactor.TOTP)));
            model.addAttribute("hasPasskey", passkeys.any(actor.actorEmail()));
            return view;
        }
        audit.recordSignIn(action, actor.actorEmail(), actor.actorId(), actor.actorOrganisationId());
        SecondFactor.add(factor, request, response);
        return "redirect:/home";
    }
}

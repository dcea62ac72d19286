package org.workhealth.organisation;

import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.workhealth.govuk.FormErrors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the POST. */
@Controller
class SignInController {

    /** The same words whatever went wrong, so that nobody learns whether an email address has an account. */
    static final String SIGN_IN_FAILED = "Enter a correct email address and password. After 5 incorrect attempts "
            + "you must wait 15 minutes before you can try again.";

    static final String SINGLE_SIGN_ON_REFUSED = "You cannot sign in with your organisation's account. Your "
            + "organisation's WorkHealth administrator must first give you an account with the same email address.";

    static final String TYPED_EMAIL = SignInController.class.getName() + ".email";

    /** An organisation whose own account signs its people in, and where to start. */
    record SingleSignOnLink(String href, String organisation) {
    }

    private final List<SingleSignOnLink> singleSignOnLinks;

    SignInController(SingleSignOnProperties singleSignOn) {
        this.singleSignOnLinks = singleSignOn.providers().entrySet().stream()
                .map(p -> new SingleSignOnLink("/oauth2/authorization/" + p.getKey(), p.getValue().organisation()))
                .sorted(java.util.Comparator.comparing(SingleSignOnLink::organisation)).toList();
    }

    @GetMapping("/sign-in")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String signedOut,
            @RequestParam(required = false) String timedOut, @RequestParam(required = false) String passwordChanged,
            @RequestParam(required = false) String singleSignOnRefused, Authentication authentication,
            HttpSession session, Model model) {
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.isAuthenticated()) {
            return "redirect:/home";
        }
        if (error != null) {
            model.addAttribute("signInError", SIGN_IN_FAILED);
            model.addAttribute("email", session.getAttribute(TYPED_EMAIL));
            model.addAttribute("errors", FormErrors.single("email", SIGN_IN_FAILED));
            session.removeAttribute(TYPED_EMAIL);
        }
        if (singleSignOnRefused != null) {
            model.addAttribute("errors", FormErrors.single("single-sign-on", SINGLE_SIGN_ON_REFUSED));
        }
        model.addAttribute("singleSignOnLinks", singleSignOnLinks);
        if (signedOut != null) {
            model.addAttribute("notice", "You have signed out.");
        }
        if (timedOut != null) {
            model.addAttribute("notice", "You were signed out because you had not done anything for a while.");
        }
        if (passwordChanged != null) {
            model.addAttribute("notice", "You were signed out because your password was changed. Sign in with "
                    + "your new password.");
        }
        return "organisation/sign-in";
    }
}

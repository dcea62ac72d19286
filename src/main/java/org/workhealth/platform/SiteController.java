package org.workhealth.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Permission;

/** The public start page, the signed-in home page, and the pages every GOV.UK service has. */
@Controller
class SiteController {

    @GetMapping("/")
    String start() {
        return "platform/start";
    }

    @GetMapping("/home")
    String home(CurrentUser user) {
        // An employer's own people (Thrive at Work) land on their employer's page, not the staff home.
        if (user.has(Permission.EMPLOYER_SELF_SERVICE)) {
            return "redirect:/employer";
        }
        // An evaluator's work is the agreements granted to their organisation: that list is their home.
        if (user.has(Permission.RECEIVE_EXTRACTS) && !user.has(Permission.VIEW_PROGRAMMES)) {
            return "redirect:/evaluation";
        }
        return "platform/home";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "platform/accessibility";
    }

    @GetMapping("/privacy")
    String privacy() {
        return "platform/privacy";
    }

    @GetMapping("/cookies")
    String cookies() {
        return "platform/cookies";
    }
}

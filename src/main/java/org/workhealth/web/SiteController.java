package org.workhealth.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.workhealth.organisation.CurrentUser;

/** The public start page, the signed-in home page, and the pages every GOV.UK service has. */
@Controller
class SiteController {

    @GetMapping("/")
    String start() {
        return "web/start";
    }

    @GetMapping("/home")
    String home(CurrentUser user) {
        return "web/home";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "web/accessibility";
    }

    @GetMapping("/cookies")
    String cookies() {
        return "web/cookies";
    }
}

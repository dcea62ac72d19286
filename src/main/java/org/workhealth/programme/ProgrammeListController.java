package org.workhealth.programme;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/** The list of programmes. */
@Controller
class ProgrammeListController {

    private final Programmes programmes;

    ProgrammeListController(Programmes programmes) {
        this.programmes = programmes;
    }

    @GetMapping("/programmes")
    String list(CurrentUser user, Model model) {
        if (!user.has(Permission.VIEW_PROGRAMMES)) {
            throw new OutOfScopeException();
        }
        model.addAttribute("programmes", programmes.all());
        model.addAttribute("mayAdd", user.has(Permission.MANAGE_PROGRAMMES));
        return "programme/programmes";
    }
}

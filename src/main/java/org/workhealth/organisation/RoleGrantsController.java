package org.workhealth.organisation;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A second administrator approves or refuses a role another asked for, from the person's page. */
@Controller
class RoleGrantsController {

    private final PersonRoles roles;

    RoleGrantsController(PersonRoles roles) {
        this.roles = roles;
    }

    @PostMapping("/people/{id}/grants/{grantId}/approve")
    String approve(CurrentUser user, @PathVariable long id, @PathVariable long grantId, RedirectAttributes redirect) {
        RoleGrants.Grant grant = roles.decideGrant(user, id, grantId, true);
        redirect.addFlashAttribute("notice", grant.role().label() + " role given.");
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/grants/{grantId}/refuse")
    String refuse(CurrentUser user, @PathVariable long id, @PathVariable long grantId, RedirectAttributes redirect) {
        RoleGrants.Grant grant = roles.decideGrant(user, id, grantId, false);
        redirect.addFlashAttribute("notice", grant.role().label() + " role refused.");
        return "redirect:/people/" + id;
    }
}

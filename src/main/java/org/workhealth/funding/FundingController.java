package org.workhealth.funding;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/** The funding agreements a person delivers or commissions, and the contracts still without one. */
@Controller
class FundingController {

    private final FundingAgreements agreements;

    FundingController(FundingAgreements agreements) {
        this.agreements = agreements;
    }

    @GetMapping("/funding")
    String index(CurrentUser user, Model model) {
        boolean commissioner = user.has(Permission.MANAGE_PROGRAMMES) || user.has(Permission.APPROVE_RETURNS_AND_CLAIMS);
        if (!commissioner && !user.has(Permission.SUBMIT_RETURNS_AND_CLAIMS)) {
            throw new OutOfScopeException();
        }
        model.addAttribute("agreements", agreements.visibleTo(user));
        model.addAttribute("unfunded", agreements.contractsWithoutAgreement(user));
        model.addAttribute("commissioner", user.has(Permission.MANAGE_PROGRAMMES));
        return "funding/index";
    }
}

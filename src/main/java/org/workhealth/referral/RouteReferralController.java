package org.workhealth.referral;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.govuk.Answers;
import org.workhealth.govuk.Choices;
import org.workhealth.milestone.PeriodLockedException;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OrganisationSummary;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.programme.Programme;

/**
 * Passing a referral to another provider, locality or the hub, optionally for a particular
 * programme. It goes back to "received" in their queue; the response due time does not move.
 */
@Controller
class RouteReferralController {

    record RouteForm(String organisationId, String programmeId) {
    }

    private final Triage triage;
    private final RouteTargets targets;

    RouteReferralController(Triage triage, RouteTargets targets) {
        this.triage = triage;
        this.targets = targets;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("organisationId", "programmeId");
    }

    @GetMapping("/referrals/{id}/route")
    String form(CurrentUser user, @PathVariable long id, Model model, RedirectAttributes redirect) {
        ReferralDetails referral = triage.view(user, id);
        if (!referral.status().open()) {
            return AcceptReferralController.alreadyDecided(id, redirect);
        }
        model.addAttribute("form", new RouteForm(null, null));
        return page(user, referral, model);
    }

    @PostMapping("/referrals/{id}/route")
    String route(CurrentUser user, @PathVariable long id, @ModelAttribute("form") RouteForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        ReferralDetails referral = triage.view(user, id);
        if (!referral.status().open()) {
            return AcceptReferralController.alreadyDecided(id, redirect);
        }
        OrganisationSummary to = null;
        if (Answers.blank(form.organisationId())) {
            result.rejectValue("organisationId", "required", "Select where to pass the referral");
        } else {
            to = targets.of(user, referral).stream()
                    .filter(o -> String.valueOf(o.id()).equals(form.organisationId().strip())).findFirst()
                    .orElseThrow(OutOfScopeException::new);
        }
        Programme programme = null;
        if (!Answers.blank(form.programmeId())) {
            programme = triage.programmesFor(user).stream()
                    .filter(p -> p.id().toString().equals(form.programmeId().strip())).findFirst()
                    .orElseThrow(OutOfScopeException::new);
        }
        if (result.hasErrors()) {
            return page(user, referral, model);
        }
        boolean routed;
        try {
            routed = triage.route(user, referral, to, programme);
        } catch (PeriodLockedException e) {
            // Passing it on with a programme writes referral received, dated the day it came in, in a locked period.
            result.reject("locked", e.getMessage());
            return page(user, referral, model);
        }
        if (!routed) {
            return AcceptReferralController.alreadyDecided(id, redirect);
        }
        String notice = "Referral " + referral.reference() + " passed to " + to.name() + ".";
        redirect.addFlashAttribute("notice", notice);
        return triage.mayTriage(user, to.id()) ? "redirect:/referrals/" + id : "redirect:/triage";
    }

    private String page(CurrentUser user, ReferralDetails referral, Model model) {
        RouteForm form = (RouteForm) model.getAttribute("form");
        List<OrganisationSummary> targets = this.targets.of(user, referral);
        model.addAttribute("referral", referral);
        model.addAttribute("organisationItems", Choices.select("Select an organisation", targets,
                OrganisationSummary::id, o -> o.name() + " (" + o.typeName() + ")", form.organisationId()));
        model.addAttribute("programmeItems", Choices.select("No particular programme", triage.programmesFor(user),
                Programme::id, Programme::name, form.programmeId()));
        model.addAttribute("backLink", "/referrals/" + referral.id());
        return "referral/triage-route";
    }
}

package org.workhealth.casework;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.BiFunction;

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
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Permission;

/**
 * A legal hold on a case, set or lifted with a reason by a provider manager or commissioner whose organisation
 * holds the case (or is above it); everyone who works on the case sees it.
 */
@Controller
class LegalHoldController {

    record HoldForm(String reason) {
    }

    record HoldRow(String set, String reason, String lifted) {
    }

    static final int MAX_REASON = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final CaseAccess caseAccess;
    private final Casework casework;
    private final LegalHolds holds;
    private final AccessPolicy access;
    private final org.workhealth.audit.AuditLog audit;

    LegalHoldController(CaseAccess caseAccess, Casework casework, LegalHolds holds, AccessPolicy access,
            org.workhealth.audit.AuditLog audit) {
        this.audit = audit;
        this.caseAccess = caseAccess;
        this.casework = casework;
        this.holds = holds;
        this.access = access;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("reason");
    }

    @GetMapping("/cases/{id}/legal-hold")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = casework.find(id).orElseThrow(org.workhealth.organisation.OutOfScopeException::new);
        if (!access.may(user, Permission.SET_LEGAL_HOLD, supportCase.organisationId())) {
            caseAccess.change(user, id);
        }
        audit.recordView("case-legal-hold", id, supportCase.organisationId());
        model.addAttribute("form", new HoldForm(null));
        return page(user, supportCase, model);
    }

    @PostMapping("/cases/{id}/legal-hold")
    String set(CurrentUser user, @PathVariable long id, @ModelAttribute("form") HoldForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return change(user, id, form, result, model, redirect, "Enter why the case is being held",
                (supportCase, reason) -> holds.set(user, supportCase, reason) ? "Legal hold set"
                        : "The case is already under a legal hold");
    }

    @PostMapping("/cases/{id}/legal-hold/lift")
    String lift(CurrentUser user, @PathVariable long id, @ModelAttribute("form") HoldForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return change(user, id, form, result, model, redirect, "Enter why the hold is being lifted",
                (supportCase, reason) -> holds.lift(user, supportCase, reason) ? "Legal hold lifted"
                        : "The case is not under a legal hold");
    }

    /** Setting and lifting both need the permission over the case and a reason; {@code action} gives the notice. */
    private String change(CurrentUser user, long id, HoldForm form, BindingResult result, Model model,
            RedirectAttributes redirect, String required, BiFunction<SupportCase, String, String> action) {
        SupportCase supportCase = requireHolder(user, id);
        String reason = validReason(form, result, required);
        if (result.hasErrors()) {
            return page(user, supportCase, model);
        }
        redirect.addFlashAttribute("notice", action.apply(supportCase, reason));
        return "redirect:/cases/" + id + "/legal-hold";
    }

    /** Not found, as for any case out of scope, unless the person may set holds where the case is held. */
    private SupportCase requireHolder(CurrentUser user, long id) {
        SupportCase supportCase = casework.find(id).orElseThrow(org.workhealth.organisation.OutOfScopeException::new);
        access.require(user, Permission.SET_LEGAL_HOLD, supportCase.organisationId());
        return supportCase;
    }

    private static String validReason(HoldForm form, BindingResult result, String required) {
        return TextAnswer.required(result, "reason", form.reason(), required, "The reason", MAX_REASON);
    }

    private String page(CurrentUser user, SupportCase supportCase, Model model) {
        LegalHolds.Hold inForce = holds.inForce(supportCase.id()).orElse(null);
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("inForce", inForce);
        model.addAttribute("inForceSince", inForce == null ? null : when(inForce.setAt()) + " by " + inForce.setBy());
        model.addAttribute("mayHold", access.may(user, Permission.SET_LEGAL_HOLD, supportCase.organisationId()));
        model.addAttribute("history", holds.history(supportCase.id()).stream().map(h -> new HoldRow(
                when(h.setAt()) + " by " + h.setBy(), h.reason(), h.inForce() ? "In force"
                        : when(h.liftedAt()) + " by " + h.liftedBy() + ": " + h.liftReason())).toList());
        model.addAttribute("backLink", "/cases/" + supportCase.id());
        return "casework/legal-hold";
    }

    private static String when(java.time.Instant instant) {
        return WHEN.format(instant.atZone(LONDON)).replace("AM", "am").replace("PM", "pm");
    }
}

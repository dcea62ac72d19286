package org.workhealth.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.audit.AuditLog;
import org.workhealth.audit.AuditedRecord;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.FormErrors;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Role;

/**
 * Caseloads for provider managers (and commissioners, who see the figures for the providers below
 * them): open cases per practitioner against the cap, the in-work share of IPS caseloads, and
 * reassigning a practitioner's cases, which only provider managers do.
 */
@Controller
class CaseloadsController {

    record Row(long personId, String practitioner, String organisation, String programme, int openCases,
            String cap, boolean overCap, String inWork) {
    }

    record Share(String organisation, String programme, int openCases, int inWork, int percent,
            boolean aboveLimit) {
    }

    record HeldRow(long id, String reference, String fullName, String programme, String openedOn,
            List<Map<String, Object>> colleagues) {
    }

    private final Caseloads caseloads;
    private final CaseAccess caseAccess;
    private final AccessPolicy access;
    private final AuditLog audit;

    CaseloadsController(Caseloads caseloads, CaseAccess caseAccess, AccessPolicy access, AuditLog audit) {
        this.caseloads = caseloads;
        this.caseAccess = caseAccess;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/caseloads")
    String show(CurrentUser user, @RequestParam(required = false) String practitioner, Model model) {
        if (!user.has(Role.PROVIDER_MANAGER) && !user.has(Role.COMMISSIONER)) {
            throw new OutOfScopeException();
        }
        Set<Long> scope = access.scope(user);
        List<Caseloads.Caseload> loads = caseloads.caseloads(scope);
        boolean manager = user.has(Role.PROVIDER_MANAGER);
        // One entry for the page: the practitioners it names and, when one is chosen, the people they support.
        List<AuditedRecord> shown = new ArrayList<>(AuditedRecord.all("person",
                loads.stream().map(Caseloads.Caseload::personId).toList()));
        model.addAttribute("manager", manager);
        model.addAttribute("rows", loads.stream().map(c -> new Row(c.personId(), c.practitioner(), c.organisation(),
                c.programme(), c.openCases(), c.cap() == null ? "No cap" : String.valueOf(c.cap()), c.overCap(),
                c.ips() ? c.inWork() + " of " + c.openCases() : "Not IPS")).toList());
        List<Share> shares = Caseloads.inWorkShares(loads).stream().map(s -> new Share(s.organisation(),
                s.programme(), s.openCases(), s.inWork(), s.percent(), s.aboveLimit())).toList();
        model.addAttribute("shares", shares);
        model.addAttribute("sharesAbove", shares.stream().filter(Share::aboveLimit).toList());
        model.addAttribute("limit", Caseloads.IN_WORK_LIMIT_PERCENT);

        if (manager && practitioner != null) {
            Caseloads.Practitioner holder = caseloads.practitioner(parseId(practitioner))
                    .filter(p -> scope.contains(p.organisationId())).orElseThrow(OutOfScopeException::new);
            List<Caseloads.Practitioner> colleagues = caseloads.practitioners(Set.of(holder.organisationId()))
                    .stream().filter(p -> p.id() != holder.id()).toList();
            List<HeldRow> held = caseloads.heldBy(holder.id(), scope).stream().map(c -> new HeldRow(c.id(),
                    c.reference(), c.fullName(), c.programme(), DateAnswer.format(c.openedOn()),
                    Choices.select("Choose a practitioner", colleagues, Caseloads.Practitioner::id,
                            Caseloads.Practitioner::fullName, null))).toList();
            shown.addAll(AuditedRecord.all("case", held.stream().map(HeldRow::id).toList()));
            model.addAttribute("holder", holder);
            model.addAttribute("held", held);
            model.addAttribute("canReassign", !colleagues.isEmpty());
        }
        audit.recordListView("caseloads", shown);
        return "casework/caseloads";
    }

    @PostMapping("/caseloads/reassign")
    String reassign(CurrentUser user, @RequestParam(required = false) String caseId,
            @RequestParam(required = false) String personId, Model model, RedirectAttributes redirect) {
        if (!user.has(Role.PROVIDER_MANAGER)) {
            throw new OutOfScopeException();
        }
        // Both ids come from the form, so both are checked again here.
        SupportCase supportCase = caseAccess.change(user, parseId(caseId));
        long from = supportCase.keyWorkerId();
        if (personId == null || personId.isBlank()) {
            String view = show(user, String.valueOf(from), model);
            model.addAttribute("errors", FormErrors.single("personId-" + supportCase.id(),
                    "Select the practitioner to give case " + supportCase.reference() + " to"));
            return view;
        }
        Caseloads.Practitioner to = caseloads.reassign(supportCase, parseId(personId));
        redirect.addFlashAttribute("notice", "Case " + supportCase.reference() + " reassigned to " + to.fullName());
        return "redirect:/caseloads?practitioner=" + from;
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new OutOfScopeException();
        }
    }
}

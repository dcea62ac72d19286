package org.workhealth.trial.employer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workhealth.audit.AuditLog;
import org.workhealth.employer.Employer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.trial.Trial;

/** An SME trial's employers: those still to be assessed, those randomised (with arm and status), those excluded. */
@Controller
class SmeListController {

    record Row(Employer employer, String arm, String status, String exclusion) {
    }

    private final SmeTrials smeTrials;
    private final SmeGrants grants;
    private final SmeTrialStore store;
    private final AuditLog audit;

    SmeListController(SmeTrials smeTrials, SmeGrants grants, SmeTrialStore store, AuditLog audit) {
        this.smeTrials = smeTrials;
        this.grants = grants;
        this.store = store;
        this.audit = audit;
    }

    @GetMapping("/trials/{smeTrialId}/employers")
    String list(CurrentUser user, @PathVariable long smeTrialId, Model model) {
        Trial trial = smeTrials.trial(user, smeTrialId);
        Map<Long, SmeTrialStore.Allocated> allocated = new HashMap<>();
        smeTrials.allocations(trial).forEach(a -> allocated.put(a.employerId(), a));
        Map<Long, SmeTrialStore.Excluded> excluded = new HashMap<>();
        smeTrials.exclusions(trial).forEach(e -> excluded.put(e.employerId(), e));
        Map<Long, SmeDropOut> dropOuts = store.dropOuts(trial.id());
        List<Employer> smes = smeTrials.smes(trial);
        model.addAttribute("candidates", smes.stream()
                .filter(e -> !allocated.containsKey(e.id()) && !excluded.containsKey(e.id())).toList());
        model.addAttribute("randomised", smeTrials.employers(allocated.keySet()).stream().map(e -> {
            SmeTrialStore.Allocated a = allocated.get(e.id());
            SmeDropOut d = dropOuts.get(a.allocationId());
            String status = a.inError() ? "Randomised in error" : d == null ? "Taking part"
                    : "Dropped out: " + d.reason().label().toLowerCase();
            return new Row(e, trial.arm(a.armCode()).name(), status, null);
        }).toList());
        model.addAttribute("excluded", smeTrials.employers(excluded.keySet()).stream()
                .map(e -> new Row(e, null, null, excluded.get(e.id()).reason().label())).toList());
        model.addAttribute("continuing", allocated.values().stream()
                .filter(a -> !a.inError() && !dropOuts.containsKey(a.allocationId())).count());
        model.addAttribute("trial", trial);
        model.addAttribute("plan", grants.plan(trial).orElse(null));
        model.addAttribute("backLink", "/trials/" + trial.id());
        audit.recordView("trial_employers", trial.id(), trial.ownerOrganisationId());
        return "trial/employer/list";
    }
}

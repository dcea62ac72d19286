package org.workhealth.trial;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.performance.EqualityTable;
import org.workhealth.programme.Programmes;

/**
 * A trial's equality report, for anyone who may see the trial: counts only, small numbers hidden as on the
 * programme's equality page, so it names no one and shows no allocation. Each look is audited all the same, as the
 * counts come from special category data.
 */
@Controller
class TrialEqualityController {

    private final Trials trials;
    private final TrialEquality equality;
    private final Programmes programmes;
    private final AuditLog audit;

    TrialEqualityController(Trials trials, TrialEquality equality, Programmes programmes, AuditLog audit) {
        this.trials = trials;
        this.equality = equality;
        this.programmes = programmes;
        this.audit = audit;
    }

    @GetMapping("/trials/{trialId}/equality")
    String show(CurrentUser user, @PathVariable long trialId, Model model) {
        Trial trial = trials.visible(user, trialId);
        model.addAttribute("trial", trial);
        model.addAttribute("programme", programmes.find(trial.programmeId()).orElseThrow());
        model.addAttribute("title", trial.title() + ": equality report");
        model.addAttribute("threshold", EqualityTable.THRESHOLD);
        model.addAttribute("backLink", "/trials/" + trialId);
        if (trial.unit() == TrialUnit.PARTICIPANT) {
            TrialEquality.Report report = equality.report(trial);
            audit.recordView("trial-equality", trial.id(), trial.ownerOrganisationId());
            model.addAttribute("columns", report.columns());
            model.addAttribute("tables", EqualityTable.of(report.breakdowns(), report.columns().size()));
        }
        return "trial/equality";
    }
}

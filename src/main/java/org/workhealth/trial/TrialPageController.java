package org.workhealth.trial;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.programme.Programmes;
import org.workhealth.research.InformationSheets;
import org.workhealth.research.ResearchConsents;
import org.workhealth.trial.internal.Allocation;

/** The trials a person may see, one trial's design, and its allocations for the roles the trial allows. */
@Controller
class TrialPageController {

    private final Trials trials;
    private final Programmes programmes;
    private final InformationSheets sheets;
    private final ResearchConsents consents;
    private final Exclusions exclusions;

    TrialPageController(Trials trials, Programmes programmes, InformationSheets sheets, ResearchConsents consents,
            Exclusions exclusions) {
        this.trials = trials;
        this.programmes = programmes;
        this.sheets = sheets;
        this.consents = consents;
        this.exclusions = exclusions;
    }

    @GetMapping("/trials")
    String list(CurrentUser user, Model model) {
        model.addAttribute("trials", trials.visibleTo(user));
        model.addAttribute("programmeNames", programmes.all().stream()
                .collect(java.util.stream.Collectors.toMap(p -> p.id(), p -> p.name())));
        return "trial/trials";
    }

    @GetMapping("/trials/{trialId}")
    String show(CurrentUser user, @PathVariable long trialId, Model model) {
        Trial trial = trials.visible(user, trialId);
        model.addAttribute("trial", trial);
        model.addAttribute("programme", programmes.find(trial.programmeId()).orElseThrow());
        model.addAttribute("mayManage", trials.mayManage(user, trial));
        model.addAttribute("seesAllocations", trials.maySeeAllocations(user, trial));
        model.addAttribute("sheets", sheets.forStudy(trial.code()));
        model.addAttribute("backLink", "/trials");
        return "trial/trial";
    }

    /**
     * The allocations, on a page of their own: they name the units randomised, so only the roles the trial allows
     * see them, and each look is audited, while the design page shows no one's data.
     */
    @GetMapping("/trials/{trialId}/allocations")
    String allocations(CurrentUser user, @PathVariable long trialId, Model model) {
        Trial trial = trials.visible(user, trialId);
        List<Allocation> allocations = trials.allocations(user, trial);
        model.addAttribute("trial", trial);
        model.addAttribute("programme", programmes.find(trial.programmeId()).orElseThrow());
        model.addAttribute("allocations", allocations);
        // One query each for the consents and exclusions of the whole trial, never one per row.
        model.addAttribute("consents", consents.forStudy(trial.code()));
        model.addAttribute("exclusions", exclusions.forTrial(trial.id()));
        model.addAttribute("mayManage", trials.mayManage(user, trial));
        model.addAttribute("backLink", "/trials/" + trialId);
        return "trial/allocations";
    }

    /** The seed, shown once to the commissioner acting for the trial statistician: docs/trials.md. */
    @PostMapping("/trials/{trialId}/seed")
    String exportSeed(CurrentUser user, @PathVariable long trialId, Model model, RedirectAttributes redirect) {
        Trial trial = trials.manageable(user, trialId);
        var seed = trials.exportSeed(user, trialId);
        if (seed.isEmpty()) {
            redirect.addFlashAttribute("notice", trial.locked() ? "The seed has already been exported"
                    : "There is no seed until the first unit is randomised");
            return "redirect:/trials/" + trialId;
        }
        model.addAttribute("trial", trial);
        model.addAttribute("seed", seed.get());
        model.addAttribute("backLink", "/trials/" + trialId);
        return "trial/seed";
    }
}

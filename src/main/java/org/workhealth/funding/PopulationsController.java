package org.workhealth.funding;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workhealth.funding.internal.HubLocalities;
import org.workhealth.funding.internal.PopulationFigures;
import org.workhealth.organisation.CurrentUser;

/** The populations of the localities of each hub the commissioner looks after. */
@Controller
class PopulationsController {

    /** A hub and its localities' populations. */
    record HubPopulations(HubLocalities.Place hub, List<PopulationFigures.LocalityFigure> localities) {
    }

    private final HubLocalities hubs;
    private final PopulationFigures populations;

    PopulationsController(HubLocalities hubs, PopulationFigures populations) {
        this.hubs = hubs;
        this.populations = populations;
    }

    @GetMapping("/funding/populations")
    String list(CurrentUser user, Model model) {
        model.addAttribute("hubs", hubs.hubsFor(user).stream()
                .map(hub -> new HubPopulations(hub, populations.forHub(hub.id()))).toList());
        model.addAttribute("backLink", "/funding/allocations");
        return "funding/populations";
    }
}

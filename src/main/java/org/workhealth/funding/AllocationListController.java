package org.workhealth.funding;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workhealth.funding.internal.HubLocalities;
import org.workhealth.organisation.CurrentUser;

/** The allocations of the hubs the commissioner looks after. */
@Controller
class AllocationListController {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
            .withZone(java.time.ZoneId.of("Europe/London"));

    /** A hub and where to start sharing its pot. */
    record HubLink(String name, String newHref) {
    }

    private final Allocations allocations;
    private final HubLocalities hubs;

    AllocationListController(Allocations allocations, HubLocalities hubs) {
        this.allocations = allocations;
        this.hubs = hubs;
    }

    @GetMapping("/funding/allocations")
    String list(CurrentUser user, Model model) {
        List<HubLocalities.Place> places = hubs.hubsFor(user);
        model.addAttribute("hubs", places.stream().map(h -> new HubLink(h.name(),
                places.size() == 1 ? "/funding/allocations/new" : "/funding/allocations/new?hub=" + h.id())).toList());
        model.addAttribute("allocations", allocations.visibleTo(user));
        model.addAttribute("date", DATE);
        return "funding/allocations";
    }
}

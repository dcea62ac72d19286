package org.workhealth.funding;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workhealth.funding.internal.Money;
import org.workhealth.organisation.CurrentUser;

/** A saved allocation: each locality's share, basic and performance, as a table and as a CSV file. */
@Controller
class AllocationController {

    private final Allocations allocations;

    AllocationController(Allocations allocations) {
        this.allocations = allocations;
    }

    @GetMapping("/funding/allocations/{id}")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        Allocation allocation = allocations.visible(user, id);
        List<AllocationShare> shares = allocations.shares(allocation);
        model.addAttribute("allocation", allocation);
        model.addAttribute("table", AllocationTable.of(shares));
        model.addAttribute("pot", Money.formatWholePounds(allocation.potPence()));
        model.addAttribute("estimateYears", shares.stream().map(AllocationShare::estimateYear).distinct().sorted()
                .map(String::valueOf).toList());
        model.addAttribute("created", AllocationListController.DATE.format(allocation.createdAt()));
        model.addAttribute("csvHref", "/funding/allocations/" + id + "/allocation.csv");
        model.addAttribute("backLink", "/funding/allocations");
        return "funding/allocation";
    }

    @GetMapping("/funding/allocations/{id}/allocation.csv")
    ResponseEntity<byte[]> csv(CurrentUser user, @PathVariable long id) {
        Allocation allocation = allocations.visible(user, id);
        byte[] body = AllocationCsv.of(AllocationTable.of(allocations.shares(allocation)));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("allocation-" + id + ".csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}

package org.workhealth.programme;

import org.workhealth.govuk.DateAnswer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.Permission;

/** One programme: its details, its cohorts and the contracts the person may see. */
@Controller
class ProgrammePageController {

    /** A contract as the page shows it. */
    record ContractRow(String reference, String provider, String commissioner, String area, String startsOn,
            String endsOn, String value) {
    }

    private final Programmes programmes;
    private final Organisations organisations;

    ProgrammePageController(Programmes programmes, Organisations organisations) {
        this.programmes = programmes;
        this.organisations = organisations;
    }

    @GetMapping("/programmes/{id}")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        Programme programme = programmes.visible(user, id);
        Map<Long, String> names = new HashMap<>();
        List<ContractRow> contracts = programmes.contractsVisibleTo(user, id).stream()
                .map(c -> new ContractRow(c.reference(), name(names, c.providerOrganisationId()),
                        name(names, c.commissionerOrganisationId()), c.area(), DateAnswer.format(c.startsOn()),
                        DateAnswer.format(c.endsOn()), c.valuePence() == null ? "Not recorded"
                                : Pounds.format(c.valuePence())))
                .toList();
        model.addAttribute("programme", programme);
        model.addAttribute("ownerName", name(names, programme.ownerOrganisationId()));
        model.addAttribute("cohorts", programme.cohortsInOrder());
        model.addAttribute("contracts", contracts);
        model.addAttribute("mayManage", programmes.mayManage(user, programme));
        // A commissioner records contracts they commission on any programme, not only on programmes they own.
        model.addAttribute("mayAddContract", user.has(Permission.MANAGE_PROGRAMMES));
        model.addAttribute("backLink", "/programmes");
        return "programme/programme";
    }

    private String name(Map<Long, String> names, long organisationId) {
        return names.computeIfAbsent(organisationId,
                orgId -> organisations.find(orgId).map(Organisation::name).orElse("Unknown organisation"));
    }
}

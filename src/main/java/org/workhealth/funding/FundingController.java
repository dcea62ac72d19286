package org.workhealth.funding;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workhealth.funding.internal.ClaimStatus;
import org.workhealth.funding.internal.FundingAgreements;
import org.workhealth.funding.internal.Money;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/**
 * The funding agreements a person delivers or commissions, the claims waiting for them (submitted ones for a
 * commissioner to decide, returned ones for a provider to look at again), and the contracts still without funding.
 */
@Controller
class FundingController {

    /** A claim waiting for the person, with where to find it. */
    record Waiting(String contractReference, String quarter, ClaimStatus status, String total, String href) {
    }

    private final FundingAgreements agreements;
    private final ClaimStore claims;

    FundingController(FundingAgreements agreements, ClaimStore claims) {
        this.agreements = agreements;
        this.claims = claims;
    }

    @GetMapping("/funding")
    String index(CurrentUser user, Model model) {
        boolean commissioner = user.has(Permission.MANAGE_PROGRAMMES) || user.has(Permission.APPROVE_RETURNS_AND_CLAIMS);
        if (!commissioner && !user.has(Permission.SUBMIT_RETURNS_AND_CLAIMS)) {
            throw new OutOfScopeException();
        }
        List<FundingAgreements.AgreementSummary> visible = agreements.visibleTo(user);
        model.addAttribute("agreements", visible);
        model.addAttribute("waiting", waiting(user, visible));
        model.addAttribute("unfunded", agreements.contractsWithoutAgreement(user));
        model.addAttribute("commissioner", user.has(Permission.MANAGE_PROGRAMMES));
        return "funding/index";
    }

    private List<Waiting> waiting(CurrentUser user, List<FundingAgreements.AgreementSummary> visible) {
        Map<Long, FundingAgreements.AgreementSummary> byId = visible.stream()
                .collect(Collectors.toMap(FundingAgreements.AgreementSummary::id, Function.identity()));
        List<Long> decidable = visible.stream().filter(a -> user.has(Permission.APPROVE_RETURNS_AND_CLAIMS))
                .map(FundingAgreements.AgreementSummary::id).toList();
        List<Long> submittable = visible.stream().filter(a -> user.has(Permission.SUBMIT_RETURNS_AND_CLAIMS))
                .map(FundingAgreements.AgreementSummary::id).toList();
        List<Claim> found = new java.util.ArrayList<>(claims.withStatus(decidable, List.of(ClaimStatus.SUBMITTED)));
        found.addAll(claims.withStatus(submittable, List.of(ClaimStatus.RETURNED)));
        return found.stream().map(c -> new Waiting(byId.get(c.agreementId()).contractReference(), c.quarter().label(),
                c.status(), Money.format(c.totalPence()), FundingPaths.claim(c.agreementId(), c.quarter()))).toList();
    }
}

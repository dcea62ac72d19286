package org.workhealth.funding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.funding.internal.ClaimStatus;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingAgreements;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.Money;
import org.workhealth.organisation.CurrentUser;

/**
 * A funding agreement: its terms, each year's money in the shape of the board papers' finance table
 * (management and team, guaranteed, earned, maximum total), and each year's budget and quarterly claims.
 */
@Controller
class AgreementController {

    /** A row of the finance table. */
    record YearRow(String label, String href, String management, String guaranteed, String earned, String maximum,
            String changeHref) {
    }

    /** A quarter of a year, with where its claim stands. */
    record QuarterRow(Quarter quarter, ClaimStatus status, String total, String href, String action) {
    }

    private final FundingAgreements agreements;
    private final Budgets budgets;
    private final Claims claims;

    AgreementController(FundingAgreements agreements, Budgets budgets, Claims claims) {
        this.agreements = agreements;
        this.budgets = budgets;
        this.claims = claims;
    }

    @GetMapping("/funding/agreements/{id}")
    String agreement(CurrentUser user, @PathVariable long id, Model model) {
        FundingAgreement agreement = agreements.visible(user, id);
        int percent = agreement.guaranteedPercent();
        boolean changer = agreements.mayChange(user, agreement);
        java.util.Set<Integer> claimedYears = claims.claims(agreement).stream().filter(c -> c.status().claimed())
                .map(c -> c.quarter().financialYear().startYear()).collect(Collectors.toSet());
        List<YearRow> rows = agreement.years().stream().map(y -> new YearRow(y.year().label(),
                FundingPaths.year(id, y.year()), Money.format(y.managementPence()),
                Money.format(y.guaranteedPence(percent)), Money.format(y.earnedPence(percent)),
                Money.format(y.maximumPence()), changer && !claimedYears.contains(y.financialYear())
                        ? FundingPaths.year(id, y.year()) + "/change" : null)).toList();
        model.addAttribute("agreement", agreement);
        model.addAttribute("rows", rows);
        model.addAttribute("anyChange", rows.stream().anyMatch(r -> r.changeHref() != null));
        model.addAttribute("totals", new YearRow("Total", null,
                Money.format(agreement.years().stream().mapToLong(FundingYear::managementPence).sum()),
                Money.format(agreement.years().stream().mapToLong(y -> y.guaranteedPence(percent)).sum()),
                Money.format(agreement.years().stream().mapToLong(y -> y.earnedPence(percent)).sum()),
                Money.format(agreement.maximumPence()), null));
        Long price = agreement.performancePricePence();
        model.addAttribute("price", price == null ? null : Money.format(price));
        model.addAttribute("outcomePrices", agreement.outcomePrices().entrySet().stream()
                .map(e -> Map.of("type", e.getKey().label(), "price", Money.format(e.getValue()))).toList());
        return "funding/agreement";
    }

    @GetMapping("/funding/agreements/{id}/years/{year}")
    String year(CurrentUser user, @PathVariable long id, @PathVariable int year, Model model) {
        FundingAgreement agreement = agreements.visible(user, id);
        if (year < 2000 || year > 2100) {
            throw new org.workhealth.organisation.OutOfScopeException();
        }
        FinancialYear financialYear = FinancialYear.of(year);
        List<Quarter> quarters = agreement.quartersIn(financialYear);
        if (quarters.isEmpty()) {
            throw new org.workhealth.organisation.OutOfScopeException();
        }
        Map<Quarter, Claim> byQuarter = claims.claims(agreement).stream()
                .collect(Collectors.toMap(Claim::quarter, c -> c));
        boolean submitter = agreements.maySubmit(user, agreement);
        List<QuarterRow> rows = new ArrayList<>();
        for (Quarter q : quarters) {
            Claim claim = byQuarter.get(q);
            ClaimStatus status = claim == null ? ClaimStatus.DRAFT : claim.status();
            String action = claim != null ? "View claim"
                    : !claims.ended(q) ? "See figures so far" : submitter ? "Prepare claim" : "See figures";
            rows.add(new QuarterRow(q, status, claim == null ? "" : Money.format(claim.totalPence()),
                    FundingPaths.claim(id, q), action));
        }
        model.addAttribute("agreement", agreement);
        model.addAttribute("year", financialYear);
        model.addAttribute("budget", budgets.budget(agreement, financialYear));
        model.addAttribute("quarters", rows);
        model.addAttribute("price", agreement.performancePricePence() == null ? null
                : Money.format(agreement.performancePricePence()));
        model.addAttribute("backLink", FundingPaths.agreement(id));
        return "funding/year";
    }
}

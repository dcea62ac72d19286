package org.workhealth.funding;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingAgreements;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.Money;
import org.workhealth.govuk.FormErrors;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * A commissioner varies a year's money: its pot and its management and team budget. Once a claim of the year is
 * submitted the year's money stays as it is, since the claim was worked out from it.
 */
@Controller
class ChangeYearController {

    static final String PATH = "/funding/agreements/{id}/years/{year}/change";

    private final FundingAgreements agreements;

    ChangeYearController(FundingAgreements agreements) {
        this.agreements = agreements;
    }

    @GetMapping(PATH)
    String show(CurrentUser user, @PathVariable long id, @PathVariable int year, Model model,
            RedirectAttributes redirect) {
        FundingAgreement agreement = changeable(user, id);
        FundingYear funding = fundingYear(agreement, year);
        if (agreements.yearClaimed(id, year)) {
            return claimed(agreement, funding, redirect);
        }
        model.addAttribute("errors", FormErrors.none());
        return page(agreement, funding, String.format("%,d", funding.potPence() / 100),
                funding.managementPence() == 0 ? "" : Money.format(funding.managementPence()).substring(1), model);
    }

    @PostMapping(PATH)
    String save(CurrentUser user, @PathVariable long id, @PathVariable int year,
            @RequestParam(name = "pot", required = false) String potAnswer,
            @RequestParam(name = "management", required = false) String managementAnswer, Model model,
            RedirectAttributes redirect) {
        FundingAgreement agreement = changeable(user, id);
        FundingYear funding = fundingYear(agreement, year);
        String potText = potAnswer == null ? "" : potAnswer.strip();
        String managementText = managementAnswer == null ? "" : managementAnswer.strip();
        String label = funding.year().label();
        List<String[]> problems = new ArrayList<>();
        Long pot = Money.parseWholePounds(potText);
        if (potText.isEmpty()) {
            problems.add(new String[] {"pot", "Enter the pot for " + label + " in whole pounds, or 0", "pot"});
        } else if (pot == null) {
            problems.add(new String[] {"pot", "The pot for " + label + " must be an amount in whole pounds, like 360,000",
                    "pot"});
        }
        Long management = managementText.isEmpty() ? Long.valueOf(0) : Money.parsePence(managementText);
        if (management == null) {
            problems.add(new String[] {"management", "The management and team budget for " + label
                    + " must be an amount in pounds, like 320,000 or 320,000.50", "management"});
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", FormErrors.ofProblems(problems));
            return page(agreement, funding, potText, managementText, model);
        }
        if (!agreements.changeYear(user, agreement, new FundingYear(year, pot, management))) {
            return claimed(agreement, funding, redirect);
        }
        redirect.addFlashAttribute("notice", "The money for " + label + " is changed");
        return "redirect:" + FundingPaths.agreement(id);
    }

    private FundingAgreement changeable(CurrentUser user, long id) {
        FundingAgreement agreement = agreements.visible(user, id);
        if (!agreements.mayChange(user, agreement)) {
            throw new OutOfScopeException();
        }
        return agreement;
    }

    private static FundingYear fundingYear(FundingAgreement agreement, int year) {
        if (year < 2000 || year > 2100) {
            throw new OutOfScopeException();
        }
        return agreement.year(FinancialYear.of(year)).orElseThrow(OutOfScopeException::new);
    }

    private static String claimed(FundingAgreement agreement, FundingYear funding, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "A claim for " + funding.year().label()
                + " has been submitted, so the year's money can no longer change");
        return "redirect:" + FundingPaths.agreement(agreement.id());
    }

    private static String page(FundingAgreement agreement, FundingYear funding, String pot, String management,
            Model model) {
        model.addAttribute("agreement", agreement);
        model.addAttribute("year", funding.year());
        model.addAttribute("pot", pot);
        model.addAttribute("management", management);
        model.addAttribute("backLink", FundingPaths.agreement(agreement.id()));
        return "funding/year-change";
    }
}

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
import org.workhealth.calendar.Quarter;
import org.workhealth.funding.internal.Expenditure;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingAgreements;
import org.workhealth.funding.internal.Money;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.govuk.FormErrors;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * A provider manager lists the quarter's eligible expenditure for the basic payment: each item with what it was
 * and how much. Items can be added and removed until the quarter's claim is submitted.
 */
@Controller
class ExpenditureController {

    static final String PATH = ClaimController.PATH + "/expenditure";

    private final FundingAgreements agreements;
    private final Claims claims;
    private final Expenditures expenditures;

    ExpenditureController(FundingAgreements agreements, Claims claims, Expenditures expenditures) {
        this.agreements = agreements;
        this.claims = claims;
        this.expenditures = expenditures;
    }

    private record Target(FundingAgreement agreement, Quarter quarter) {
    }

    private Target target(CurrentUser user, long id, int year, int quarter) {
        FundingAgreement agreement = agreements.visible(user, id);
        if (!agreements.maySubmit(user, agreement) || agreement.model() != PaymentModel.BASIC_AND_PERFORMANCE) {
            throw new OutOfScopeException();
        }
        Quarter q = claims.quarter(agreement, year, quarter);
        // Expenditure is for quarters under way or over, never for ones to come.
        if (q.start().isAfter(claims.today())) {
            throw new OutOfScopeException();
        }
        return new Target(agreement, q);
    }

    @GetMapping(PATH)
    String show(CurrentUser user, @PathVariable long id, @PathVariable int year, @PathVariable int quarter,
            Model model) {
        Target t = target(user, id, year, quarter);
        model.addAttribute("errors", FormErrors.none());
        return page(t, "", "", model);
    }

    @PostMapping(PATH)
    String add(CurrentUser user, @PathVariable long id, @PathVariable int year, @PathVariable int quarter,
            @RequestParam(name = "description", required = false) String descriptionAnswer,
            @RequestParam(name = "amount", required = false) String amountAnswer, Model model,
            RedirectAttributes redirect) {
        Target t = target(user, id, year, quarter);
        String description = descriptionAnswer == null ? "" : descriptionAnswer.strip();
        String amountText = amountAnswer == null ? "" : amountAnswer.strip();
        List<String[]> problems = new ArrayList<>();
        if (description.isEmpty()) {
            problems.add(new String[] {"description", "Enter what the money was spent on", "description"});
        } else if (description.length() > Expenditures.MAX_DESCRIPTION) {
            problems.add(new String[] {"description", "What the money was spent on must be "
                    + Expenditures.MAX_DESCRIPTION + " characters or fewer", "description"});
        }
        Long amount = Money.parsePence(amountText);
        if (amountText.isEmpty()) {
            problems.add(new String[] {"amount", "Enter the amount spent", "amount"});
        } else if (amount == null || amount == 0) {
            problems.add(new String[] {"amount", "The amount must be in pounds and more than 0, like 12,500 or "
                    + "12,500.50", "amount"});
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", FormErrors.ofProblems(problems));
            return page(t, description, amountText, model);
        }
        try {
            expenditures.add(user, t.agreement(), t.quarter(), description, amount);
        } catch (Expenditures.LockedException e) {
            return locked(t, redirect);
        }
        redirect.addFlashAttribute("notice", description + ", " + Money.format(amount) + ", added to "
                + t.quarter().label());
        return "redirect:" + FundingPaths.expenditure(id, t.quarter());
    }

    @PostMapping(PATH + "/{expenditureId}/remove")
    String remove(CurrentUser user, @PathVariable long id, @PathVariable int year, @PathVariable int quarter,
            @PathVariable long expenditureId, RedirectAttributes redirect) {
        Target t = target(user, id, year, quarter);
        try {
            expenditures.remove(user, t.agreement(), t.quarter(), expenditureId);
        } catch (Expenditures.LockedException e) {
            return locked(t, redirect);
        }
        redirect.addFlashAttribute("notice", "Expenditure removed from " + t.quarter().label());
        return "redirect:" + FundingPaths.expenditure(id, t.quarter());
    }

    private static String locked(Target t, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "The claim for " + t.quarter().label()
                + " has been submitted, so its expenditure can no longer change");
        return "redirect:" + FundingPaths.claim(t.agreement().id(), t.quarter());
    }

    private String page(Target t, String description, String amount, Model model) {
        List<Expenditure> items = expenditures.forQuarter(t.agreement().id(), t.quarter());
        model.addAttribute("agreement", t.agreement());
        model.addAttribute("quarter", t.quarter());
        model.addAttribute("items", items);
        model.addAttribute("total", Money.format(items.stream().mapToLong(Expenditure::amountPence).sum()));
        model.addAttribute("locked", expenditures.locked(t.agreement().id(), t.quarter()));
        model.addAttribute("description", description);
        model.addAttribute("amount", amount);
        model.addAttribute("action", FundingPaths.expenditure(t.agreement().id(), t.quarter()));
        model.addAttribute("claimHref", FundingPaths.claim(t.agreement().id(), t.quarter()));
        model.addAttribute("backLink", FundingPaths.claim(t.agreement().id(), t.quarter()));
        return "funding/expenditure";
    }
}

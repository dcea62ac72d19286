package org.workhealth.funding;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.audit.AuditLog;
import org.workhealth.calendar.Quarter;
import org.workhealth.funding.internal.ClaimStatement;
import org.workhealth.funding.internal.ClaimStatus;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingAgreements;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.govuk.FormErrors;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * A quarter's claim: the statement with every line and why it is there, submitted by the provider's manager and
 * approved by a commissioner of the funding organisation. Returning a claim asks for a reason on its own page.
 */
@Controller
class ClaimController {

    static final String PATH = "/funding/agreements/{id}/claims/{year}/{quarter}";

    private final FundingAgreements agreements;
    private final Claims claims;
    private final AuditLog audit;

    ClaimController(FundingAgreements agreements, Claims claims, AuditLog audit) {
        this.agreements = agreements;
        this.claims = claims;
        this.audit = audit;
    }

    @GetMapping(PATH)
    String show(CurrentUser user, @PathVariable long id, @PathVariable int year, @PathVariable int quarter,
            Model model) {
        FundingAgreement agreement = agreements.visible(user, id);
        Quarter q = claims.quarter(agreement, year, quarter);
        model.addAttribute("errors", FormErrors.none());
        return page(user, agreement, q, model);
    }

    @PostMapping(PATH + "/submit")
    String submit(CurrentUser user, @PathVariable long id, @PathVariable int year, @PathVariable int quarter,
            @RequestParam(name = "fingerprint", required = false) String fingerprint, Model model,
            RedirectAttributes redirect) {
        FundingAgreement agreement = agreements.visible(user, id);
        if (!agreements.maySubmit(user, agreement)) {
            throw new OutOfScopeException();
        }
        Quarter q = claims.quarter(agreement, year, quarter);
        try {
            claims.submit(user, agreement, q, fingerprint);
        } catch (Claims.ClaimChangedException e) {
            return error(user, agreement, q, model, "The claim changed while you were checking it: check the "
                    + "statement again, then submit it");
        } catch (Claims.ClaimStateException e) {
            return error(user, agreement, q, model, e.getMessage());
        }
        redirect.addFlashAttribute("notice", "Claim for " + q.label() + " submitted to "
                + agreement.commissionerName());
        return "redirect:" + FundingPaths.claim(id, q);
    }

    @PostMapping(PATH + "/approve")
    String approve(CurrentUser user, @PathVariable long id, @PathVariable int year, @PathVariable int quarter,
            @RequestParam(name = "version", required = false) String version, Model model,
            RedirectAttributes redirect) {
        FundingAgreement agreement = decider(user, id);
        Quarter q = claims.quarter(agreement, year, quarter);
        try {
            claims.approve(user, agreement, q, version(version));
        } catch (Claims.ClaimChangedException e) {
            return error(user, agreement, q, model, "The claim changed while you were checking it: check it again");
        } catch (Claims.ClaimStateException e) {
            return error(user, agreement, q, model, e.getMessage());
        }
        redirect.addFlashAttribute("notice", "Claim for " + q.label() + " approved");
        return "redirect:" + FundingPaths.claim(id, q);
    }

    @GetMapping(PATH + "/return")
    String returnForm(CurrentUser user, @PathVariable long id, @PathVariable int year, @PathVariable int quarter,
            Model model) {
        FundingAgreement agreement = decider(user, id);
        Quarter q = claims.quarter(agreement, year, quarter);
        ClaimStatement statement = claims.statement(agreement, q);
        if (statement.status() != ClaimStatus.SUBMITTED) {
            return "redirect:" + FundingPaths.claim(id, q);
        }
        model.addAttribute("errors", FormErrors.none());
        return returnPage(agreement, statement, "", model);
    }

    @PostMapping(PATH + "/return")
    String returnClaim(CurrentUser user, @PathVariable long id, @PathVariable int year, @PathVariable int quarter,
            @RequestParam(name = "reason", required = false) String reasonAnswer,
            @RequestParam(name = "version", required = false) String version, Model model,
            RedirectAttributes redirect) {
        FundingAgreement agreement = decider(user, id);
        Quarter q = claims.quarter(agreement, year, quarter);
        String reason = reasonAnswer == null ? "" : reasonAnswer.strip();
        String problem = reason.isEmpty() ? "Enter why you are returning the claim"
                : reason.length() > Claims.MAX_REASON ? "Reason must be " + Claims.MAX_REASON + " characters or fewer"
                        : null;
        if (problem != null) {
            model.addAttribute("errors", FormErrors.single("reason", problem));
            return returnPage(agreement, claims.statement(agreement, q), reason, model);
        }
        try {
            claims.returnClaim(user, agreement, q, version(version), reason);
        } catch (Claims.ClaimChangedException e) {
            return error(user, agreement, q, model, "The claim changed while you were checking it: check it again");
        } catch (Claims.ClaimStateException e) {
            return error(user, agreement, q, model, e.getMessage());
        }
        redirect.addFlashAttribute("notice", "Claim for " + q.label() + " returned to " + agreement.providerName());
        return "redirect:" + FundingPaths.claim(id, q);
    }

    private FundingAgreement decider(CurrentUser user, long id) {
        FundingAgreement agreement = agreements.visible(user, id);
        if (!agreements.mayApprove(user, agreement)) {
            throw new OutOfScopeException();
        }
        return agreement;
    }

    private String error(CurrentUser user, FundingAgreement agreement, Quarter q, Model model, String message) {
        model.addAttribute("errors", FormErrors.single("claim", message));
        return page(user, agreement, q, model);
    }

    private String page(CurrentUser user, FundingAgreement agreement, Quarter q, Model model) {
        ClaimStatement statement = claims.statement(agreement, q);
        audit.recordView("funding_claim", agreement.id() + " " + q.label(),
                agreement.contract().providerOrganisationId());
        boolean submitter = agreements.maySubmit(user, agreement);
        model.addAttribute("statement", statement);
        model.addAttribute("agreement", agreement);
        model.addAttribute("quarter", q);
        model.addAttribute("canSubmit", submitter && statement.editable() && claims.ended(q)
                && statement.notes().isEmpty());
        model.addAttribute("canChangeExpenditure", submitter && statement.editable()
                && agreement.model() == PaymentModel.BASIC_AND_PERFORMANCE);
        model.addAttribute("canDecide", agreements.mayApprove(user, agreement)
                && statement.status() == ClaimStatus.SUBMITTED);
        model.addAttribute("base", FundingPaths.claim(agreement.id(), q));
        model.addAttribute("expenditureHref", FundingPaths.expenditure(agreement.id(), q));
        model.addAttribute("backLink", FundingPaths.year(agreement.id(), q.financialYear()));
        return "funding/claim";
    }

    private String returnPage(FundingAgreement agreement, ClaimStatement statement, String reason, Model model) {
        model.addAttribute("agreement", agreement);
        model.addAttribute("statement", statement);
        model.addAttribute("reason", reason);
        model.addAttribute("action", FundingPaths.claim(agreement.id(), statement.quarter()) + "/return");
        model.addAttribute("backLink", FundingPaths.claim(agreement.id(), statement.quarter()));
        return "funding/claim-return";
    }

    private static int version(String answer) {
        try {
            return Integer.parseInt(answer == null ? "" : answer.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

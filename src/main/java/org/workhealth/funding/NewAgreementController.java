package org.workhealth.funding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.funding.internal.FundingAgreements;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.Money;
import org.workhealth.funding.internal.NewFundingAgreement;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.FormErrors;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.programme.Contract;

/**
 * A commissioner records a contract's funding agreement on one question page: the payment model and its split,
 * each financial year's pot and management budget, and the participant target or outcome prices. The years are
 * the contract's, so their fields are named by year and read from the request; only names the page offers are read.
 */
@Controller
class NewAgreementController {

    static final List<MilestoneType> PRICEABLE = List.of(MilestoneType.JOB_START, MilestoneType.JOB_RETENTION,
            MilestoneType.SUSTAINMENT_13_WEEKS, MilestoneType.SUSTAINMENT_26_WEEKS);
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");

    record YearAnswer(int startYear, String label, String pot, String management) {
    }

    record PriceAnswer(String type, String label, String price) {
    }

    record Answers(String model, String percent, String target, List<YearAnswer> years, List<PriceAnswer> prices) {
    }

    private final FundingAgreements agreements;

    NewAgreementController(FundingAgreements agreements) {
        this.agreements = agreements;
    }

    @GetMapping("/funding/agreements/new")
    String show(CurrentUser user, @RequestParam(name = "contract", required = false) String contractParam,
            Model model) {
        Contract contract = agreements.agreeable(user, id(contractParam));
        Optional<Long> existing = agreements.idForContract(contract.id());
        if (existing.isPresent()) {
            return "redirect:" + FundingPaths.agreement(existing.get());
        }
        List<YearAnswer> years = years(contract).stream()
                .map(y -> new YearAnswer(y.startYear(), y.label(), "", "")).toList();
        List<PriceAnswer> prices = PRICEABLE.stream().map(t -> new PriceAnswer(t.name(), t.label(), "")).toList();
        model.addAttribute("errors", FormErrors.none());
        return page(contract, new Answers("", "", "", years, prices), model);
    }

    @PostMapping("/funding/agreements/new")
    String save(CurrentUser user, @RequestParam(name = "contract", required = false) String contractParam,
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        Contract contract = agreements.agreeable(user, id(contractParam));
        List<YearAnswer> years = years(contract).stream().map(y -> new YearAnswer(y.startYear(), y.label(),
                text(form.getFirst("pot-" + y.startYear())), text(form.getFirst("management-" + y.startYear()))))
                .toList();
        List<PriceAnswer> prices = PRICEABLE.stream().map(t -> new PriceAnswer(t.name(), t.label(),
                text(form.getFirst("price-" + t.name())))).toList();
        Answers answers = new Answers(text(form.getFirst("model")), text(form.getFirst("percent")),
                text(form.getFirst("target")), years, prices);
        List<String[]> problems = new ArrayList<>();
        NewFundingAgreement agreement = check(contract, answers, problems);
        if (!problems.isEmpty()) {
            model.addAttribute("errors", FormErrors.ofProblems(problems));
            return page(contract, answers, model);
        }
        long id;
        try {
            id = agreements.create(user, agreement);
        } catch (FundingAgreements.AlreadyAgreedException e) {
            id = agreements.idForContract(contract.id()).orElseThrow();
            redirect.addFlashAttribute("notice", contract.reference() + " already has a funding agreement");
            return "redirect:" + FundingPaths.agreement(id);
        }
        redirect.addFlashAttribute("notice", "Funding agreement for " + contract.reference() + " saved");
        return "redirect:" + FundingPaths.agreement(id);
    }

    /** @return the agreement, or null when there are problems (added in page order) */
    private static NewFundingAgreement check(Contract contract, Answers a, List<String[]> problems) {
        PaymentModel model = org.workhealth.govuk.Answers.code(PaymentModel.class, a.model());
        if (model == null) {
            problem(problems, "model", "Select how the provider is paid", "model");
        }
        Integer percent = null;
        if (a.percent().isEmpty()) {
            problem(problems, "percent", "Enter the guaranteed share as a percentage, like 60");
        } else if (!WHOLE.matcher(a.percent()).matches() || Integer.parseInt(a.percent()) > 100) {
            problem(problems, "percent", "The guaranteed share must be a whole number from 0 to 100");
        } else {
            percent = Integer.valueOf(a.percent());
        }
        Integer target = null;
        if (model == PaymentModel.BASIC_AND_PERFORMANCE) {
            if (a.target().isEmpty()) {
                problem(problems, "target", "Enter how many participants the pot pays for");
            } else if (!WHOLE.matcher(a.target()).matches() || Integer.parseInt(a.target()) == 0) {
                problem(problems, "target", "The participant target must be a whole number, 1 or more");
            } else {
                target = Integer.valueOf(a.target());
            }
        }
        List<FundingYear> years = new ArrayList<>();
        for (YearAnswer y : a.years()) {
            Long pot = Money.parseWholePounds(y.pot());
            if (y.pot().isEmpty()) {
                problem(problems, "pot-" + y.startYear(), "Enter the pot for " + y.label() + " in whole pounds, or 0");
            } else if (pot == null) {
                problem(problems, "pot-" + y.startYear(), "The pot for " + y.label()
                        + " must be an amount in whole pounds, like 360,000");
            }
            Long management = y.management().isEmpty() ? Long.valueOf(0) : Money.parsePence(y.management());
            if (management == null) {
                problem(problems, "management-" + y.startYear(), "The management and team budget for " + y.label()
                        + " must be an amount in pounds, like 320,000 or 320,000.50");
            }
            if (pot != null && management != null) {
                years.add(new FundingYear(y.startYear(), pot, management));
            }
        }
        Map<MilestoneType, Long> prices = new EnumMap<>(MilestoneType.class);
        if (model == PaymentModel.BLOCK_AND_RESULTS) {
            for (PriceAnswer p : a.prices()) {
                if (p.price().isEmpty()) {
                    continue;
                }
                Long price = Money.parsePence(p.price());
                if (price == null || price == 0) {
                    problem(problems, "price-" + p.type(), "The price of a " + p.label().toLowerCase()
                            + " must be an amount in pounds more than 0, like 1,500 or 1,500.50");
                } else {
                    prices.put(MilestoneType.valueOf(p.type()), price);
                }
            }
            if (prices.isEmpty() && problems.stream().noneMatch(p -> p[0].startsWith("price-"))) {
                problem(problems, "price-" + PRICEABLE.get(0).name(), "Enter the price of at least one outcome");
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new NewFundingAgreement(contract.id(), model, percent, target, years, prices);
    }

    private static void problem(List<String[]> problems, String field, String message) {
        problem(problems, field, message, field);
    }

    private static void problem(List<String[]> problems, String field, String message, String anchor) {
        problems.add(new String[] {field, message, anchor});
    }

    private String page(Contract contract, Answers answers, Model model) {
        model.addAttribute("contract", contract);
        model.addAttribute("answers", answers);
        model.addAttribute("modelItems", Choices.options(List.of(PaymentModel.values()), PaymentModel::name,
                PaymentModel::label, m -> m == PaymentModel.BLOCK_AND_RESULTS
                        ? "A share of each year's contract value paid in equal quarterly blocks; the rest earned at a "
                                + "price per outcome, such as a job start"
                        : "A basic share claimed each quarter as eligible expenditure; the rest earned for each "
                                + "participant engaged with an agreed action plan",
                List.of(answers.model())));
        return "funding/agreement-new";
    }

    /** The financial years the contract runs in. */
    private static List<FinancialYear> years(Contract contract) {
        List<FinancialYear> years = new ArrayList<>();
        for (FinancialYear y = FinancialYear.containing(contract.startsOn());
                !y.start().isAfter(contract.endsOn()); y = y.next()) {
            years.add(y);
        }
        return years;
    }

    private static long id(String answer) {
        try {
            return Long.parseLong(answer == null ? "" : answer.strip());
        } catch (NumberFormatException e) {
            throw new OutOfScopeException();
        }
    }

    private static String text(String answer) {
        return answer == null ? "" : answer.strip();
    }
}

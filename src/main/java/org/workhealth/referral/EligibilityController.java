package org.workhealth.referral;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.govuk.Choices;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/** A commissioner sees and changes the eligibility rules of a programme they manage. */
@Controller
class EligibilityController {

    /** Ages and weeks are text so that "sixteen" gets a GOV.UK message rather than a binding error. */
    record RuleForm(String kind, String minAge, String maxAge, List<String> statuses, String weeks) {
    }

    record RuleRow(long id, String text) {
    }

    private final Programmes programmes;
    private final EligibilityRules rules;

    EligibilityController(Programmes programmes, EligibilityRules rules) {
        this.programmes = programmes;
        this.rules = rules;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("kind", "minAge", "maxAge", "statuses", "weeks");
    }

    @GetMapping("/programmes/{id}/eligibility")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        Programme programme = manageable(user, id);
        model.addAttribute("form", new RuleForm(null, null, null, List.of(), null));
        return page(programme, model);
    }

    @PostMapping("/programmes/{id}/eligibility")
    String add(CurrentUser user, @PathVariable long id, @ModelAttribute("form") RuleForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Programme programme = manageable(user, id);
        EligibilityRuleKind kind = kind(form.kind());
        String parameters = null;
        if (kind == null) {
            result.rejectValue("kind", "required", "Select the kind of rule");
        } else if (rules.rules(id).stream().anyMatch(r -> r.kind() == kind)) {
            result.rejectValue("kind", "duplicate",
                    "This programme already has a rule of this kind. Remove it first to replace it");
        } else {
            parameters = parameters(kind, form, result);
        }
        if (result.hasErrors()) {
            return page(programme, model);
        }
        long ruleId = rules.addRule(id, kind, parameters);
        String added = rules.rules(id).stream().filter(r -> r.id() == ruleId).findFirst()
                .map(EligibilityRule::describe).orElse(kind.label());
        redirect.addFlashAttribute("notice", "Rule added: " + added);
        return "redirect:/programmes/" + id + "/eligibility";
    }

    @PostMapping("/programmes/{id}/eligibility/remove")
    String remove(CurrentUser user, @PathVariable long id, @RequestParam long ruleId, RedirectAttributes redirect) {
        manageable(user, id);
        // The rule id comes from the form: it must be one of this programme's rules.
        if (!rules.removeRule(id, ruleId)) {
            throw new OutOfScopeException();
        }
        redirect.addFlashAttribute("notice", "Rule removed");
        return "redirect:/programmes/" + id + "/eligibility";
    }

    private static String parameters(EligibilityRuleKind kind, RuleForm form, BindingResult result) {
        switch (kind) {
            case AGE_RANGE -> {
                Integer min = whole(result, "minAge", form.minAge(), "youngest age");
                Integer max = whole(result, "maxAge", form.maxAge(), "oldest age");
                if (min == null || max == null) {
                    return null;
                }
                if (min > 120) {
                    result.rejectValue("minAge", "range", "Youngest age must be 120 or less");
                } else if (max > 120) {
                    result.rejectValue("maxAge", "range", "Oldest age must be 120 or less");
                } else if (min > max) {
                    result.rejectValue("maxAge", "order", "Oldest age must be the same as or more than the youngest age");
                }
                return min + "," + max;
            }
            case EMPLOYMENT_STATUS_IN -> {
                List<String> chosen = form.statuses() == null ? List.of() : form.statuses().stream()
                        .filter(s -> Arrays.stream(EmploymentStatus.values()).anyMatch(e -> e.name().equals(s)))
                        .toList();
                if (chosen.isEmpty()) {
                    result.rejectValue("statuses", "required", "Select at least one employment status");
                }
                return String.join(",", chosen);
            }
            case WEEKS_SINCE_LAST_WORKED_AT_MOST -> {
                Integer weeks = whole(result, "weeks", form.weeks(), "number of weeks");
                if (weeks != null && (weeks < 1 || weeks > 520)) {
                    result.rejectValue("weeks", "range", "Number of weeks must be between 1 and 520");
                }
                return weeks == null ? null : String.valueOf(weeks);
            }
            default -> {
                return null;
            }
        }
    }

    private static Integer whole(BindingResult result, String field, String value, String label) {
        if (value == null || value.isBlank()) {
            result.rejectValue(field, "required", "Enter the " + label);
            return null;
        }
        if (!value.strip().matches("\\d{1,3}")) {
            result.rejectValue(field, "number", capitalise(label) + " must be a whole number, like 16");
            return null;
        }
        return Integer.parseInt(value.strip());
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static EligibilityRuleKind kind(String value) {
        return Arrays.stream(EligibilityRuleKind.values()).filter(k -> k.name().equals(value)).findFirst().orElse(null);
    }

    private Programme manageable(CurrentUser user, long id) {
        Programme programme = programmes.find(id).orElseThrow(OutOfScopeException::new);
        if (!programmes.mayManage(user, programme)) {
            throw new OutOfScopeException();
        }
        return programme;
    }

    private String page(Programme programme, Model model) {
        RuleForm form = (RuleForm) model.getAttribute("form");
        model.addAttribute("programme", programme);
        model.addAttribute("rules", rules.rules(programme.id()).stream()
                .map(r -> new RuleRow(r.id(), r.describe())).toList());
        model.addAttribute("cohortRules", rules.cohortRules(programme.id()).stream()
                .map(r -> new RuleRow(r.id(), r.cohortName() + ": " + r.describe())).toList());
        model.addAttribute("kinds", Choices.options(List.of(EligibilityRuleKind.values()), Enum::name,
                EligibilityRuleKind::label, EligibilityRuleKind::hint, form == null || form.kind() == null ? List.of()
                        : List.of(form.kind())));
        model.addAttribute("statusItems", Choices.options(List.of(EmploymentStatus.values()), Enum::name,
                EmploymentStatus::label, null, form == null ? List.of() : form.statuses()));
        model.addAttribute("backLink", "/programmes/" + programme.id());
        return "referral/eligibility";
    }
}

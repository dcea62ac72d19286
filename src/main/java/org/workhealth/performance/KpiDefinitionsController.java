package org.workhealth.performance;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.govuk.Choices;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.performance.internal.KpiDisplay;

/** A programme's KPI definitions: anyone who sees the programme sees them; its commissioners change them. */
@Controller
class KpiDefinitionsController {

    record KpiForm(String code, String name, String position, String source, String milestoneType,
            String attributeFilter, String countingRule, String display, String numeratorCode,
            String denominatorCode, String targetPercent) {
    }

    record KpiListRow(String position, String code, String name, String source, String counts, String display,
            String editHref) {
    }

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,40}");
    private static final Pattern POSITION = Pattern.compile("\\d{1,3}");
    private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d)?");
    private static final Pattern ATTRIBUTE_PART = Pattern.compile("[A-Za-z0-9_\\-]{1,60}");

    private final KpiDefinitions definitions;
    private final Programmes programmes;

    KpiDefinitionsController(KpiDefinitions definitions, Programmes programmes) {
        this.definitions = definitions;
        this.programmes = programmes;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("code", "name", "position", "source", "milestoneType", "attributeFilter",
                "countingRule", "display", "numeratorCode", "denominatorCode", "targetPercent");
    }

    @GetMapping("/programmes/{id}/kpis")
    String list(CurrentUser user, @PathVariable long id, Model model) {
        Programme programme = programmes.visible(user, id);
        boolean mayManage = programmes.mayManage(user, programme);
        model.addAttribute("programme", programme);
        model.addAttribute("mayManage", mayManage);
        model.addAttribute("rows", definitions.forProgramme(id).stream().map(k -> new KpiListRow(
                String.valueOf(k.position()), k.code(), k.name(), k.source().label(), counts(k),
                k.display() == KpiDisplay.INCREMENTS ? "Each quarter's increase" : "Running totals",
                mayManage ? "/programmes/" + id + "/kpis/" + k.id() + "/edit" : null)).toList());
        model.addAttribute("backLink", "/programmes/" + id);
        return "performance/kpis";
    }

    @GetMapping("/programmes/{id}/kpis/new")
    String newForm(CurrentUser user, @PathVariable long id, Model model) {
        Programme programme = definitions.manageable(user, id);
        int next = definitions.forProgramme(id).stream().mapToInt(KpiDefinition::position).max().orElse(0) + 1;
        model.addAttribute("form", new KpiForm(null, null, String.valueOf(next), null, null, null,
                CountingRule.FIRST_PER_CASE.name(), KpiDisplay.INCREMENTS.name(), null, null, null));
        return page(programme, null, model);
    }

    @PostMapping("/programmes/{id}/kpis/new")
    String add(CurrentUser user, @PathVariable long id, @ModelAttribute("form") KpiForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Programme programme = definitions.manageable(user, id);
        KpiDefinition definition = check(form, result, programme, 0);
        if (result.hasErrors()) {
            return page(programme, null, model);
        }
        definitions.save(user, definition);
        redirect.addFlashAttribute("notice", "KPI " + definition.name() + " added");
        return "redirect:/programmes/" + id + "/kpis";
    }

    @GetMapping("/programmes/{id}/kpis/{kpiId}/edit")
    String editForm(CurrentUser user, @PathVariable long id, @PathVariable long kpiId, Model model) {
        Programme programme = definitions.manageable(user, id);
        KpiDefinition k = own(programme, kpiId);
        model.addAttribute("form", new KpiForm(k.code(), k.name(), String.valueOf(k.position()), k.source().name(),
                k.milestoneType() == null ? null : k.milestoneType().name(),
                k.attributeFilter().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n")),
                k.countingRule().name(), k.display().name(), k.numeratorCode(), k.denominatorCode(),
                k.targetPercent() == null ? null : k.targetPercent().toPlainString()));
        return page(programme, k, model);
    }

    @PostMapping("/programmes/{id}/kpis/{kpiId}/edit")
    String edit(CurrentUser user, @PathVariable long id, @PathVariable long kpiId, @ModelAttribute("form") KpiForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Programme programme = definitions.manageable(user, id);
        KpiDefinition existing = own(programme, kpiId);
        KpiDefinition definition = check(form, result, programme, existing.id());
        if (result.hasErrors()) {
            return page(programme, existing, model);
        }
        definitions.save(user, definition);
        redirect.addFlashAttribute("notice", "KPI " + definition.name() + " changed");
        return "redirect:/programmes/" + id + "/kpis";
    }

    private KpiDefinition own(Programme programme, long kpiId) {
        return definitions.find(kpiId).filter(k -> k.programmeId() == programme.id())
                .orElseThrow(org.workhealth.organisation.OutOfScopeException::new);
    }

    /** Validates the answers in page order. @return the definition, meaningful only when there are no errors */
    private KpiDefinition check(KpiForm form, BindingResult result, Programme programme, long id) {
        List<KpiDefinition> others = definitions.forProgramme(programme.id()).stream().filter(k -> k.id() != id)
                .toList();
        String code = clean(form.code()) == null ? null : clean(form.code()).toUpperCase();
        if (code == null) {
            result.rejectValue("code", "required", "Enter a code for the KPI");
        } else if (!CODE.matcher(code).matches()) {
            result.rejectValue("code", "invalid",
                    "Code must be 40 characters or fewer, using only letters, numbers and underscores");
        } else if (others.stream().anyMatch(k -> k.code().equals(code))) {
            result.rejectValue("code", "taken", "This programme already has a KPI with this code");
        } else {
            // A ratio names its parts by code, so a part's code changes only once no ratio uses it.
            String before = definitions.find(id).map(KpiDefinition::code).orElse(code);
            others.stream().filter(k -> !before.equals(code) && (k.numeratorCodes().contains(before)
                    || k.denominatorCodes().contains(before))).findFirst()
                    .ifPresent(ratio -> result.rejectValue("code", "inUse", "The code cannot change while "
                            + ratio.name() + " uses it: change that KPI first"));
        }
        String name = clean(form.name());
        if (name == null) {
            result.rejectValue("name", "required", "Enter the name of the KPI");
        } else if (name.length() > 200) {
            result.rejectValue("name", "long", "Name must be 200 characters or fewer");
        }
        String position = clean(form.position());
        if (position == null || !POSITION.matcher(position).matches()) {
            result.rejectValue("position", "invalid", "Enter the position in the table as a whole number, like 3");
        }
        KpiSource source = parse(KpiSource.class, form.source());
        if (source == null) {
            result.rejectValue("source", "required", "Select where the KPI's figures come from");
        }
        MilestoneType type = parse(MilestoneType.class, form.milestoneType());
        Map<String, String> filter = KpiDefinition.decode(form.attributeFilter());
        if (source == KpiSource.MILESTONES) {
            if (type == null) {
                result.rejectValue("milestoneType", "required", "Select the milestone the KPI counts");
            }
            if (!attributesValid(form.attributeFilter())) {
                result.rejectValue("attributeFilter", "invalid",
                        "Enter each attribute on its own line as name=value, like in_work=true");
            }
        }
        CountingRule rule = parse(CountingRule.class, form.countingRule());
        if (rule == null) {
            result.rejectValue("countingRule", "required", "Select how milestones are counted");
        } else if (rule == CountingRule.SUM_QUANTITY && source == KpiSource.MILESTONES && type != null
                && !type.hasQuantity()) {
            result.rejectValue("countingRule", "noQuantity", "Only milestones that stand for a number of people, "
                    + "such as employer engagements, can be added up: select another way of counting");
        }
        KpiDisplay display = parse(KpiDisplay.class, form.display());
        if (display == null) {
            result.rejectValue("display", "required", "Select how the quarters are shown");
        }
        String numerator = codes(form.numeratorCode());
        String denominator = codes(form.denominatorCode());
        BigDecimal percent = null;
        if (source == KpiSource.RATIO) {
            Set<String> countable = others.stream().filter(k -> k.source() != KpiSource.RATIO)
                    .map(KpiDefinition::code).collect(Collectors.toSet());
            checkCodes(result, "numeratorCode", numerator, countable, "numerator");
            checkCodes(result, "denominatorCode", denominator, countable, "denominator");
            String target = clean(form.targetPercent());
            if (target != null) {
                if (PERCENT.matcher(target.replace("%", "")).matches()) {
                    percent = new BigDecimal(target.replace("%", "")).setScale(1);
                } else {
                    result.rejectValue("targetPercent", "invalid",
                            "Target percentage must be a number from 0 to 999.9, like 40");
                }
            }
        }
        if (result.hasErrors()) {
            return null;
        }
        boolean milestones = source == KpiSource.MILESTONES;
        boolean ratio = source == KpiSource.RATIO;
        return new KpiDefinition(id, programme.id(), code, name, Integer.parseInt(position), source,
                milestones ? type : null, milestones ? filter : Map.of(), rule, display, ratio ? numerator : null,
                ratio ? denominator : null, ratio ? percent : null);
    }

    private static void checkCodes(BindingResult result, String field, String codes, Set<String> countable,
            String what) {
        if (codes == null) {
            result.rejectValue(field, "required", "Enter the codes of the KPIs summed for the " + what);
        } else if (!Arrays.stream(codes.split(",")).allMatch(countable::contains)) {
            result.rejectValue(field, "unknown", "Enter codes of this programme's counted or entered KPIs, "
                    + "separated by commas, for the " + what);
        }
    }

    private static boolean attributesValid(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        for (String line : text.split("[;\\r\\n]+")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0 || !ATTRIBUTE_PART.matcher(line.substring(0, equals).strip()).matches()
                    || !ATTRIBUTE_PART.matcher(line.substring(equals + 1).strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String codes(String text) {
        String answer = clean(text);
        if (answer == null) {
            return null;
        }
        return Arrays.stream(answer.toUpperCase().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, answer.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String clean(String answer) {
        return answer == null || answer.isBlank() ? null : answer.strip();
    }

    private static String counts(KpiDefinition k) {
        return switch (k.source()) {
            case MILESTONES -> k.milestoneType().label()
                    + (k.attributeFilter().isEmpty() ? "" : " where " + k.attributeFilterText().replace(";", ", "))
                    + " (" + k.countingRule().label().toLowerCase() + ")";
            case ENTERED -> "Entered each quarter";
            case RATIO -> k.numeratorCode().replace(",", " + ") + " ÷ " + k.denominatorCode().replace(",", " + ")
                    + (k.targetPercent() == null ? "" : ", target " + k.targetPercent().toPlainString() + "%");
        };
    }

    private String page(Programme programme, KpiDefinition existing, Model model) {
        KpiForm form = (KpiForm) model.getAttribute("form");
        model.addAttribute("programme", programme);
        model.addAttribute("existing", existing);
        model.addAttribute("action", existing == null ? "/programmes/" + programme.id() + "/kpis/new"
                : "/programmes/" + programme.id() + "/kpis/" + existing.id() + "/edit");
        model.addAttribute("sourceItems", Choices.options(List.of(KpiSource.values()), Enum::name, KpiSource::label,
                null, form.source() == null ? List.of() : List.of(form.source())));
        model.addAttribute("typeItems", Choices.select("Select a milestone", List.of(MilestoneType.values()),
                Enum::name, MilestoneType::label, form.milestoneType()));
        model.addAttribute("ruleItems", Choices.options(List.of(CountingRule.values()), Enum::name,
                CountingRule::label, r -> r == CountingRule.FIRST_PER_CASE
                        ? "A case counts once, when its first milestone of the type occurs" : null,
                form.countingRule() == null ? List.of() : List.of(form.countingRule())));
        model.addAttribute("displayItems", Choices.options(List.of(KpiDisplay.values()), Enum::name,
                d -> d == KpiDisplay.INCREMENTS ? "Each quarter's increase" : "Running totals", null,
                form.display() == null ? List.of() : List.of(form.display())));
        model.addAttribute("backLink", "/programmes/" + programme.id() + "/kpis");
        return "performance/kpi-form";
    }
}

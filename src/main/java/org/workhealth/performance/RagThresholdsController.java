package org.workhealth.performance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.performance.internal.RagThreshold;
import org.workhealth.performance.internal.RagThresholds;

/**
 * RAG thresholds for commissioners: where green and amber start, as percentages of the forecast,
 * for all programmes by default and for any programme that sets its own.
 */
@Controller
class RagThresholdsController {

    record ThresholdForm(String green, String amber) {
    }

    record ThresholdRow(String programme, String green, String amber, boolean own, String changeHref) {
    }

    private static final Pattern PERCENT = Pattern.compile("[0-9]{1,4}(\\.[0-9])?");
    private static final BigDecimal MAX = new BigDecimal("1000");

    private final RagThresholds thresholds;
    private final Programmes programmes;

    RagThresholdsController(RagThresholds thresholds, Programmes programmes) {
        this.thresholds = thresholds;
        this.programmes = programmes;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("green", "amber");
    }

    @GetMapping("/performance/thresholds")
    String list(CurrentUser user, Model model) {
        commissioner(user);
        RagThreshold fallback = thresholds.defaultThreshold();
        Map<Long, RagThreshold> own = thresholds.programmesOwn();
        List<ThresholdRow> rows = new ArrayList<>();
        rows.add(new ThresholdRow("All programmes (the default)", RagThresholds.percent(fallback.greenFromPercent()),
                RagThresholds.percent(fallback.amberFromPercent()), true,
                thresholds.mayChangeDefault(user) ? "/performance/thresholds/default" : null));
        for (Programme programme : programmes.all()) {
            RagThreshold t = own.getOrDefault(programme.id(), fallback);
            rows.add(new ThresholdRow(programme.name(), RagThresholds.percent(t.greenFromPercent()),
                    RagThresholds.percent(t.amberFromPercent()), own.containsKey(programme.id()),
                    thresholds.mayChange(user, programme) ? "/performance/thresholds/" + programme.id() : null));
        }
        model.addAttribute("rows", rows);
        return "performance/thresholds";
    }

    @GetMapping("/performance/thresholds/default")
    String editDefault(CurrentUser user, Model model) {
        requireDefault(user);
        model.addAttribute("form", form(thresholds.defaultThreshold()));
        return defaultPage(model);
    }

    @PostMapping("/performance/thresholds/default")
    String saveDefault(CurrentUser user, @ModelAttribute("form") ThresholdForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        requireDefault(user);
        RagThreshold threshold = validate(form, result);
        if (threshold == null) {
            return defaultPage(model);
        }
        thresholds.changeDefault(user, threshold);
        redirect.addFlashAttribute("notice", "Default thresholds changed: " + RagThresholds.describe(threshold));
        return "redirect:/performance/thresholds";
    }

    @GetMapping("/performance/thresholds/{programmeId}")
    String editProgramme(CurrentUser user, @PathVariable long programmeId, Model model) {
        Programme programme = manageable(user, programmeId);
        model.addAttribute("form", form(thresholds.forProgramme(programmeId)));
        return programmePage(programme, model);
    }

    @PostMapping("/performance/thresholds/{programmeId}")
    String saveProgramme(CurrentUser user, @PathVariable long programmeId, @ModelAttribute("form") ThresholdForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Programme programme = manageable(user, programmeId);
        RagThreshold threshold = validate(form, result);
        if (threshold == null) {
            return programmePage(programme, model);
        }
        thresholds.changeForProgramme(user, programmeId, threshold);
        redirect.addFlashAttribute("notice", programme.name() + " thresholds changed: "
                + RagThresholds.describe(threshold));
        return "redirect:/performance/thresholds";
    }

    @PostMapping("/performance/thresholds/{programmeId}/use-default")
    String useDefault(CurrentUser user, @PathVariable long programmeId, RedirectAttributes redirect) {
        Programme programme = manageable(user, programmeId);
        thresholds.useDefault(user, programmeId);
        redirect.addFlashAttribute("notice", programme.name() + " now follows the default thresholds");
        return "redirect:/performance/thresholds";
    }

    /** The thresholds, or null with errors next to the fields. */
    static RagThreshold validate(ThresholdForm form, BindingResult result) {
        BigDecimal green = percent(result, "green", form.green(), "Green");
        BigDecimal amber = percent(result, "amber", form.amber(), "Amber");
        if (green != null && amber != null && amber.compareTo(green) > 0) {
            result.rejectValue("amber", "aboveGreen", "Amber must start at or below where green starts");
        }
        return result.hasErrors() ? null : new RagThreshold(green, amber);
    }

    private static BigDecimal percent(BindingResult result, String field, String answer, String colour) {
        String text = answer == null ? "" : answer.strip();
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.isEmpty()) {
            result.rejectValue(field, "required", "Enter the percentage of the forecast where "
                    + colour.toLowerCase() + " starts");
            return null;
        }
        if (!PERCENT.matcher(text).matches()) {
            result.rejectValue(field, "format", colour + " must start at a number with at most one decimal place, "
                    + "like 90 or 97.5");
            return null;
        }
        BigDecimal value = new BigDecimal(text);
        if (value.signum() <= 0) {
            result.rejectValue(field, "zero", colour + " must start above 0%");
            return null;
        }
        if (value.compareTo(MAX) > 0) {
            result.rejectValue(field, "tooLarge", colour + " must start at 1000% or less");
            return null;
        }
        return value.setScale(1);
    }

    private static ThresholdForm form(RagThreshold t) {
        return new ThresholdForm(t.greenFromPercent().stripTrailingZeros().toPlainString(),
                t.amberFromPercent().stripTrailingZeros().toPlainString());
    }

    private String defaultPage(Model model) {
        model.addAttribute("heading", "Default RAG thresholds");
        model.addAttribute("caption", "All programmes without their own");
        model.addAttribute("action", "/performance/thresholds/default");
        model.addAttribute("useDefaultAction", null);
        model.addAttribute("backLink", "/performance/thresholds");
        return "performance/threshold-form";
    }

    private String programmePage(Programme programme, Model model) {
        model.addAttribute("heading", "RAG thresholds for " + programme.name());
        model.addAttribute("caption", programme.name());
        model.addAttribute("action", "/performance/thresholds/" + programme.id());
        model.addAttribute("useDefaultAction", thresholds.programmeOwn(programme.id()).isPresent()
                ? "/performance/thresholds/" + programme.id() + "/use-default" : null);
        model.addAttribute("backLink", "/performance/thresholds");
        return "performance/threshold-form";
    }

    private static void commissioner(CurrentUser user) {
        if (!user.has(Permission.MANAGE_PROGRAMMES)) {
            throw new OutOfScopeException();
        }
    }

    private void requireDefault(CurrentUser user) {
        if (!thresholds.mayChangeDefault(user)) {
            throw new OutOfScopeException();
        }
    }

    private Programme manageable(CurrentUser user, long programmeId) {
        commissioner(user);
        Programme programme = programmes.find(programmeId).orElseThrow(OutOfScopeException::new);
        if (!thresholds.mayChange(user, programme)) {
            throw new OutOfScopeException();
        }
        return programme;
    }
}

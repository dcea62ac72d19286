package org.workhealth.employer.framework;

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
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * A commissioner changes a criterion's wording or adds a criterion. A published version is never changed in place:
 * the change goes into a new draft copying it, which the commissioner publishes when it is ready.
 */
@Controller
class CriterionController {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,19}");

    record CriterionForm(String levelCode, String areaCode, String moduleCode, String code, String text,
            String evidenceGuidance) {
    }

    private final Frameworks frameworks;
    private final FrameworkAccess access;

    CriterionController(Frameworks frameworks, FrameworkAccess access) {
        this.frameworks = frameworks;
        this.access = access;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("levelCode", "areaCode", "moduleCode", "code", "text", "evidenceGuidance");
    }

    @GetMapping("/thrive-at-work/framework/{frameworkVersionId}/criteria/{criterionId}")
    String edit(CurrentUser user, @PathVariable long frameworkVersionId, @PathVariable long criterionId, Model model) {
        Framework framework = editable(user, frameworkVersionId);
        Criterion criterion = framework.criterion(criterionId).orElseThrow(OutOfScopeException::new);
        model.addAttribute("form", new CriterionForm(criterion.levelCode(), criterion.areaCode(), null,
                criterion.code(), criterion.text(), criterion.evidenceGuidance()));
        return editPage(framework, criterion, model);
    }

    @PostMapping("/thrive-at-work/framework/{frameworkVersionId}/criteria/{criterionId}")
    String change(CurrentUser user, @PathVariable long frameworkVersionId, @PathVariable long criterionId,
            @ModelAttribute("form") CriterionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Framework framework = editable(user, frameworkVersionId);
        Criterion criterion = framework.criterion(criterionId).orElseThrow(OutOfScopeException::new);
        checkWording(form, result);
        if (result.hasErrors()) {
            return editPage(framework, criterion, model);
        }
        long changed = frameworks.editCriterion(frameworkVersionId, criterionId, form.text().strip(),
                form.evidenceGuidance().strip(), user.id());
        redirect.addFlashAttribute("notice", changed == frameworkVersionId ? "Criterion " + criterion.code()
                + " changed" : "Criterion " + criterion.code() + " changed in a new draft version");
        return "redirect:/thrive-at-work/framework/" + changed;
    }

    @GetMapping("/thrive-at-work/framework/{frameworkVersionId}/criteria/new")
    String add(CurrentUser user, @PathVariable long frameworkVersionId, Model model) {
        Framework framework = editable(user, frameworkVersionId);
        model.addAttribute("form", new CriterionForm(null, null, null, null, null, null));
        return addPage(framework, model);
    }

    @PostMapping("/thrive-at-work/framework/{frameworkVersionId}/criteria/new")
    String create(CurrentUser user, @PathVariable long frameworkVersionId, @ModelAttribute("form") CriterionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Framework framework = editable(user, frameworkVersionId);
        if (form.levelCode() == null || framework.level(form.levelCode()).isEmpty()) {
            result.rejectValue("levelCode", "required", "Select the level");
        }
        if (form.areaCode() == null || framework.areas().stream().noneMatch(a -> a.code().equals(form.areaCode()))) {
            result.rejectValue("areaCode", "required", "Select the area");
        }
        if (framework.version().modular()
                && (form.moduleCode() == null || framework.module(form.moduleCode()).isEmpty())) {
            result.rejectValue("moduleCode", "required", "Select the module");
        }
        String code = form.code() == null ? "" : form.code().strip().toUpperCase(java.util.Locale.UK);
        if (code.isEmpty()) {
            result.rejectValue("code", "required", "Enter a code for the criterion");
        } else if (code.length() > Criterion.CODE_MAX) {
            result.rejectValue("code", "length", "Code must be " + Criterion.CODE_MAX + " characters or fewer");
        } else if (!CODE.matcher(code).matches()) {
            result.rejectValue("code", "pattern", "Code must be letters, numbers and hyphens only, like B-MH-3");
        } else if (framework.criterion(code).isPresent()) {
            result.rejectValue("code", "taken", "This version already has a criterion with this code");
        }
        checkWording(form, result);
        if (result.hasErrors()) {
            return addPage(framework, model);
        }
        long changed = frameworks.addCriterion(frameworkVersionId, new NewCriterion(form.levelCode(),
                form.areaCode(), framework.version().modular() ? form.moduleCode() : null, code, form.text().strip(),
                form.evidenceGuidance().strip()), user.id());
        redirect.addFlashAttribute("notice", changed == frameworkVersionId ? "Criterion " + code + " added"
                : "Criterion " + code + " added in a new draft version");
        return "redirect:/thrive-at-work/framework/" + changed;
    }

    private static void checkWording(CriterionForm form, BindingResult result) {
        TextAnswer.required(result, "text", form.text(),
                "Enter what the employer must show", "Criterion", Criterion.TEXT_MAX);
        TextAnswer.required(result, "evidenceGuidance", form.evidenceGuidance(),
                "Enter what evidence shows the criterion is met", "Evidence guidance", Criterion.GUIDANCE_MAX);
    }

    private Framework editable(CurrentUser user, long versionId) {
        Framework framework = frameworks.framework(versionId);
        access.requireEdit(user, framework.version());
        return framework;
    }

    private String editPage(Framework framework, Criterion criterion, Model model) {
        model.addAttribute("framework", framework);
        model.addAttribute("criterion", criterion);
        model.addAttribute("levelName", framework.levelName(criterion.levelCode()));
        model.addAttribute("areaName", framework.areaName(criterion.areaCode()));
        model.addAttribute("backLink", "/thrive-at-work/framework/" + framework.version().id());
        return "employer/framework/criterion";
    }

    private String addPage(Framework framework, Model model) {
        model.addAttribute("framework", framework);
        model.addAttribute("levelItems", items(framework.levels().stream()
                .map(l -> Map.of("value", l.code(), "text", l.name())).toList()));
        model.addAttribute("areaItems", items(framework.areas().stream()
                .map(a -> Map.of("value", a.code(), "text", a.name())).toList()));
        model.addAttribute("moduleItems", items(framework.modules().stream()
                .map(m -> Map.of("value", m.code(), "text", m.name())).toList()));
        model.addAttribute("backLink", "/thrive-at-work/framework/" + framework.version().id());
        return "employer/framework/new-criterion";
    }

    private static List<Map<String, String>> items(List<Map<String, String>> choices) {
        List<Map<String, String>> items = new ArrayList<>();
        items.add(Map.of("value", "", "text", "Select"));
        items.addAll(choices);
        return items;
    }
}

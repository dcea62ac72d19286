package org.workhealth.trial;

import java.time.LocalDate;

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
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.research.InformationSheet;
import org.workhealth.research.InformationSheets;

/** The versions of a trial's information sheet: added by a commissioner who manages the trial, listed on its page. */
@Controller
class InformationSheetsController {

    /** dated is never bound: it names the date input for error messages. */
    record SheetForm(String version, LocalDate dated, String datedDay, String datedMonth, String datedYear) {
    }

    private final Trials trials;
    private final InformationSheets sheets;
    private final Enrolment enrolment;

    InformationSheetsController(Trials trials, InformationSheets sheets, Enrolment enrolment) {
        this.trials = trials;
        this.sheets = sheets;
        this.enrolment = enrolment;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("version", "datedDay", "datedMonth", "datedYear");
    }

    @GetMapping("/trials/{trialId}/information-sheets")
    String show(CurrentUser user, @PathVariable long trialId, Model model) {
        Trial trial = trials.manageable(user, trialId);
        model.addAttribute("form", new SheetForm(null, null, null, null, null));
        return page(trial, model);
    }

    @PostMapping("/trials/{trialId}/information-sheets")
    String add(CurrentUser user, @PathVariable long trialId, @ModelAttribute("form") SheetForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Trial trial = trials.manageable(user, trialId);
        String version = TextAnswer.required(result, "version", form.version(),
                "Enter the version of the information sheet", "Version", InformationSheet.VERSION_MAX);
        if (version != null && !result.hasFieldErrors("version") && sheets.find(trial.code(), version).isPresent()) {
            result.rejectValue("version", "inUse", "Version " + version + " is already recorded");
        }
        DateAnswer dated = DateAnswer.parse("Date of the information sheet", form.datedDay(), form.datedMonth(),
                form.datedYear());
        if (!dated.valid()) {
            result.rejectValue("dated", "invalid", dated.error());
        } else if (dated.date().isAfter(enrolment.today())) {
            result.rejectValue("dated", "future", "Date of the information sheet must be today or in the past");
        }
        if (!result.hasErrors()) {
            try {
                sheets.add(trial.code(), version, dated.date(), user.id(), trial.ownerOrganisationId());
                redirect.addFlashAttribute("notice", "Information sheet version " + version + " added");
                return "redirect:/trials/" + trialId + "/information-sheets";
            } catch (InformationSheets.VersionInUseException e) {
                result.rejectValue("version", "inUse", "Version " + version + " is already recorded");
            }
        }
        return page(trial, model);
    }

    private String page(Trial trial, Model model) {
        model.addAttribute("trial", trial);
        model.addAttribute("sheets", sheets.forStudy(trial.code()));
        model.addAttribute("backLink", "/trials/" + trial.id());
        return "trial/information-sheets";
    }
}

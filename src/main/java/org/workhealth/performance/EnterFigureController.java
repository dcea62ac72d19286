package org.workhealth.performance;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.performance.internal.FigureChangedException;
import org.workhealth.performance.internal.KpiFigure;
import org.workhealth.performance.internal.KpiFigures;

/**
 * Entering a quarter's figure, or correcting it. A correction is a new figure that supersedes the
 * one the person saw; if someone else changed it in the meantime, they are shown the figure now
 * standing and asked to check it, rather than overwriting it unseen.
 */
@Controller
class EnterFigureController {

    /** replaces: the id of the figure the person saw as current, blank for a first entry. */
    record FigureForm(String figure, String note, String replaces) {
    }

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");
    private static final String PATH = "/performance/figures/{contractId}/{yearStart}/{kpiId}/{quarterNumber}";

    private final FigureAccess figureAccess;
    private final FiguresController pages;
    private final KpiFigures figures;

    EnterFigureController(FigureAccess figureAccess, FiguresController pages, KpiFigures figures) {
        this.figureAccess = figureAccess;
        this.pages = pages;
        this.figures = figures;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("figure", "note", "replaces");
    }

    private record Target(EnteredContract contract, FinancialYear year, EnteredKpi kpi, Quarter quarter) {
    }

    private Target target(CurrentUser user, long contractId, int yearStart, long kpiId, int quarterNumber) {
        EnteredContract contract = figureAccess.require(user, contractId);
        FinancialYear year = FiguresController.year(contract, yearStart);
        EnteredKpi kpi = pages.kpi(contract, kpiId);
        return new Target(contract, year, kpi, pages.quarter(contract, year, kpi, quarterNumber));
    }

    @GetMapping(PATH)
    String show(CurrentUser user, @PathVariable long contractId, @PathVariable int yearStart, @PathVariable long kpiId,
            @PathVariable int quarterNumber, Model model) {
        Target target = target(user, contractId, yearStart, kpiId, quarterNumber);
        Optional<KpiFigure> current = figures.current(kpiId, contractId, target.quarter());
        model.addAttribute("form", current
                .map(f -> new FigureForm(String.valueOf(f.figure()), f.note(), String.valueOf(f.id())))
                .orElse(new FigureForm(null, null, null)));
        return page(target, current, model);
    }

    @PostMapping(PATH)
    String save(CurrentUser user, @PathVariable long contractId, @PathVariable int yearStart, @PathVariable long kpiId,
            @PathVariable int quarterNumber, @ModelAttribute("form") FigureForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Target target = target(user, contractId, yearStart, kpiId, quarterNumber);
        Integer figure = parseFigure(form.figure(), result);
        String note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
        if (note != null && note.length() > KpiFigures.MAX_NOTE) {
            result.rejectValue("note", "tooLong", "Note must be " + KpiFigures.MAX_NOTE + " characters or fewer");
        }
        Long replaces = replaces(form.replaces(), target);
        Optional<KpiFigure> current = figures.current(kpiId, contractId, target.quarter());
        if (result.hasErrors()) {
            return page(target, current, model, form.replaces());
        }
        // Saving the figure shown unchanged is not a correction: the history would gain a row saying nothing.
        if (replaces != null && current.isPresent() && current.get().id() == replaces
                && current.get().figure() == figure && Objects.equals(current.get().note(), note)) {
            redirect.addFlashAttribute("notice", target.kpi().name() + " for " + target.quarter().label()
                    + " unchanged");
            return "redirect:" + FiguresController.yearHref(target.contract(), target.year());
        }
        try {
            if (replaces == null) {
                figures.enter(kpiId, contractId, target.quarter(), figure, note, user.id());
            } else {
                figures.correct(replaces, figure, note, user.id());
            }
        } catch (FigureChangedException changed) {
            current = figures.current(kpiId, contractId, target.quarter());
            result.rejectValue("figure", "changed", "Someone else " + (replaces == null ? "entered" : "corrected")
                    + " this figure while you were entering yours. Check the figure now shown, then save yours "
                    + "again if it still needs correcting");
            return page(target, current, model, current.map(f -> String.valueOf(f.id())).orElse(null));
        }
        redirect.addFlashAttribute("notice", target.kpi().name() + " for " + target.quarter().label()
                + (replaces == null ? " entered" : " corrected") + ": " + String.format(Locale.UK, "%,d", figure));
        return "redirect:" + FiguresController.yearHref(target.contract(), target.year());
    }

    /** A whole number from 0 up, commas allowed (1,209); null with an error on the field otherwise. */
    static Integer parseFigure(String answer, BindingResult result) {
        String text = answer == null ? "" : answer.strip().replace(",", "");
        if (text.isEmpty()) {
            result.rejectValue("figure", "required", "Enter the figure");
            return null;
        }
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            result.rejectValue("figure", "format", "The figure must be a whole number, like 14");
            return null;
        }
        if (text.startsWith("-")) {
            result.rejectValue("figure", "negative", "The figure must be 0 or more");
            return null;
        }
        if (text.length() > 9 || Integer.parseInt(text) > KpiFigures.MAX_FIGURE) {
            result.rejectValue("figure", "tooLarge",
                    String.format(Locale.UK, "The figure must be %,d or less", KpiFigures.MAX_FIGURE));
            return null;
        }
        return Integer.parseInt(text);
    }

    /** The figure being corrected, which must be one of this quarter's: a tampered id is not found. */
    private Long replaces(String answer, Target target) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        long id;
        try {
            id = Long.parseLong(answer.strip());
        } catch (NumberFormatException e) {
            throw new OutOfScopeException();
        }
        KpiFigure figure = figures.find(id).orElseThrow(OutOfScopeException::new);
        if (figure.kpiDefinitionId() != target.kpi().id() || figure.contractId() != target.contract().id()
                || figure.financialYear() != target.year().startYear()
                || figure.quarter() != target.quarter().number()) {
            throw new OutOfScopeException();
        }
        return id;
    }

    private String page(Target target, Optional<KpiFigure> current, Model model) {
        return page(target, current, model, current.map(f -> String.valueOf(f.id())).orElse(null));
    }

    private String page(Target target, Optional<KpiFigure> current, Model model, String replacesId) {
        String base = FiguresController.entryHref(target.contract(), target.year(), target.kpi(), target.quarter());
        model.addAttribute("contract", target.contract());
        model.addAttribute("kpi", target.kpi());
        model.addAttribute("quarter", target.quarter());
        model.addAttribute("action", base);
        model.addAttribute("replacesId", replacesId);
        model.addAttribute("current", current.map(f -> "The figure now is " + String.format(Locale.UK, "%,d", f.figure())
                + (f.note() == null ? "" : " (" + f.note() + ")") + ", entered by "
                + figureAccess.names(List.of(f.enteredBy())).get(f.enteredBy()) + " on "
                + FiguresController.when(f.enteredAt()) + ". Your figure will replace it; the earlier figure is kept "
                + "in the history.").orElse(null));
        model.addAttribute("historyHref", current.isPresent() ? base + "/history" : null);
        model.addAttribute("backLink", FiguresController.yearHref(target.contract(), target.year()));
        return "performance/figure-enter";
    }
}

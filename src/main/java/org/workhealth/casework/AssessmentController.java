package org.workhealth.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
import org.workhealth.govuk.Answers;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/** The work and health assessment: a draft saved as often as needed, then completed, with every version kept. */
@Controller
class AssessmentController {

    /** fitNoteFrom and fitNoteTo are never bound: they name the date inputs for error messages. */
    record AssessmentForm(String healthConditions, String healthEffects, String workSituation, String workHistory,
            String skills, List<String> barriers, String strengths, String goals, String fitNote,
            List<String> fitNoteAdjustments, LocalDate fitNoteFrom, String fitNoteFromDay, String fitNoteFromMonth,
            String fitNoteFromYear, LocalDate fitNoteTo, String fitNoteToDay, String fitNoteToMonth,
            String fitNoteToYear, String action) {

        static AssessmentForm of(AssessmentAnswers a) {
            return new AssessmentForm(a.healthConditions(), a.healthEffects(), a.workSituation(), a.workHistory(),
                    a.skills(), a.barriers().stream().map(Enum::name).toList(), a.strengths(), a.goals(),
                    a.fitNote() == null ? NO_FIT_NOTE : a.fitNote().name(),
                    a.fitNoteAdjustments().stream().map(Enum::name).toList(), null, day(a.fitNoteFrom()),
                    month(a.fitNoteFrom()), year(a.fitNoteFrom()), null, day(a.fitNoteTo()), month(a.fitNoteTo()),
                    year(a.fitNoteTo()), null);
        }
    }

    record VersionRow(int version, String href, Assessment.Status status, String savedBy, String savedAt) {
    }

    static final String NO_FIT_NOTE = "NONE";

    /** The free-text questions in page order, with the label the error messages use. */
    private static final Map<String, String> TEXT_LABELS = new LinkedHashMap<>();

    static {
        TEXT_LABELS.put("healthConditions", "Health conditions");
        TEXT_LABELS.put("healthEffects", "How their health affects work");
        TEXT_LABELS.put("workSituation", "Current work situation");
        TEXT_LABELS.put("workHistory", "Work history");
        TEXT_LABELS.put("skills", "Skills");
        TEXT_LABELS.put("strengths", "Strengths");
        TEXT_LABELS.put("goals", "Goals");
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final CaseAccess caseAccess;
    private final Assessments assessments;
    private final CaseSubjects subjects;

    AssessmentController(CaseAccess caseAccess, Assessments assessments, CaseSubjects subjects) {
        this.caseAccess = caseAccess;
        this.assessments = assessments;
        this.subjects = subjects;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("healthConditions", "healthEffects", "workSituation", "workHistory", "skills",
                "barriers", "strengths", "goals", "fitNote", "fitNoteAdjustments", "fitNoteFromDay",
                "fitNoteFromMonth", "fitNoteFromYear", "fitNoteToDay", "fitNoteToMonth", "fitNoteToYear", "action");
    }

    @GetMapping("/cases/{id}/assessment")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-assessment");
        // A completed version is the starting point of the next draft, which exists once it is saved.
        AssessmentAnswers answers = assessments.latest(id).map(Assessment::answers).orElse(AssessmentAnswers.EMPTY);
        model.addAttribute("form", AssessmentForm.of(answers));
        return page(supportCase, model);
    }

    @PostMapping("/cases/{id}/assessment")
    String save(CurrentUser user, @PathVariable long id, @ModelAttribute("form") AssessmentForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        boolean complete = "complete".equals(form.action());
        AssessmentAnswers answers = check(form, result);
        if (result.hasErrors()) {
            return page(supportCase, model);
        }
        Assessment saved = assessments.save(user, supportCase, answers, complete);
        if (complete) {
            redirect.addFlashAttribute("notice", "Assessment completed (version " + saved.version() + ")");
            return "redirect:/cases/" + id + "/assessment/versions/" + saved.version();
        }
        redirect.addFlashAttribute("notice", "Assessment saved as a draft (version " + saved.version() + ")");
        return "redirect:/cases/" + id + "/assessment";
    }

    @GetMapping("/cases/{id}/assessment/versions/{version}")
    String version(CurrentUser user, @PathVariable long id, @PathVariable int version, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-assessment");
        Assessment assessment = assessments.version(id, version).orElseThrow(OutOfScopeException::new);
        AssessmentAnswers a = assessment.answers();
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("subjectName", subjects.fullName(supportCase));
        model.addAttribute("assessment", assessment);
        model.addAttribute("savedAt", when(assessment));
        model.addAttribute("barriers", a.barriers().isEmpty() ? "None recorded"
                : String.join(", ", a.barriers().stream().map(AssessmentAnswers.Barrier::label).toList()));
        model.addAttribute("fitNote", fitNoteText(a));
        model.addAttribute("fitNoteDates", a.fitNoteFrom() == null && a.fitNoteTo() == null ? "Not recorded"
                : (a.fitNoteFrom() == null ? "Not recorded" : DateAnswer.format(a.fitNoteFrom())) + " to "
                        + (a.fitNoteTo() == null ? "not recorded" : DateAnswer.format(a.fitNoteTo())));
        model.addAttribute("backLink", "/cases/" + id + "/assessment");
        return "casework/assessment-version";
    }

    /** Turns the form into answers, recording each problem against its question. */
    private static AssessmentAnswers check(AssessmentForm form, BindingResult result) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("healthConditions", form.healthConditions());
        texts.put("healthEffects", form.healthEffects());
        texts.put("workSituation", form.workSituation());
        texts.put("workHistory", form.workHistory());
        texts.put("skills", form.skills());
        texts.put("strengths", form.strengths());
        texts.put("goals", form.goals());
        Map<String, String> clean = new LinkedHashMap<>();
        texts.forEach((field, value) -> {
            String text = value == null || value.isBlank() ? null : value.strip();
            if (text != null && text.length() > AssessmentAnswers.MAX_TEXT) {
                result.rejectValue(field, "tooLong", TEXT_LABELS.get(field) + " must be "
                        + AssessmentAnswers.MAX_TEXT + " characters or fewer");
            }
            clean.put(field, text);
        });
        List<AssessmentAnswers.Barrier> barriers = parseAll(AssessmentAnswers.Barrier.class, form.barriers());
        AssessmentAnswers.FitNote fitNote = Answers.code(AssessmentAnswers.FitNote.class, form.fitNote());
        List<AssessmentAnswers.FitNoteAdjustment> adjustments = parseAll(AssessmentAnswers.FitNoteAdjustment.class,
                form.fitNoteAdjustments());
        LocalDate from = null;
        LocalDate to = null;
        boolean fromTyped = DateAnswer.answered(form.fitNoteFromDay(), form.fitNoteFromMonth(), form.fitNoteFromYear());
        boolean toTyped = DateAnswer.answered(form.fitNoteToDay(), form.fitNoteToMonth(), form.fitNoteToYear());
        if (fitNote == null && (fromTyped || toTyped)) {
            result.rejectValue("fitNote", "required", "Select what the fit note says, or remove its dates");
        }
        if (fitNote != AssessmentAnswers.FitNote.MAY_BE_FIT && !adjustments.isEmpty()) {
            result.rejectValue("fitNoteAdjustments", "notMayBeFit",
                    "Adjustments can only be selected when the fit note says they may be fit for work");
        }
        if (fromTyped) {
            DateAnswer answer = DateAnswer.parse("Fit note start date", form.fitNoteFromDay(), form.fitNoteFromMonth(),
                    form.fitNoteFromYear());
            if (answer.valid()) {
                from = answer.date();
            } else {
                result.rejectValue("fitNoteFrom", "invalid", answer.error());
            }
        }
        if (toTyped) {
            DateAnswer answer = DateAnswer.parse("Fit note end date", form.fitNoteToDay(), form.fitNoteToMonth(),
                    form.fitNoteToYear());
            if (answer.valid()) {
                to = answer.date();
            } else {
                result.rejectValue("fitNoteTo", "invalid", answer.error());
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            result.rejectValue("fitNoteTo", "beforeFrom", "Fit note end date must be the same as or after the start date");
        }
        return new AssessmentAnswers(clean.get("healthConditions"), clean.get("healthEffects"),
                clean.get("workSituation"), clean.get("workHistory"), clean.get("skills"), barriers,
                clean.get("strengths"), clean.get("goals"), fitNote, adjustments, from, to);
    }

    private String page(SupportCase supportCase, Model model) {
        AssessmentForm form = (AssessmentForm) model.getAttribute("form");
        List<Assessment> versions = assessments.versions(supportCase.id());
        Optional<Assessment> latest = versions.stream().findFirst();
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("subjectName", subjects.fullName(supportCase));
        model.addAttribute("latest", latest.orElse(null));
        model.addAttribute("latestSavedAt", latest.map(AssessmentController::when).orElse(null));
        model.addAttribute("versionRows", versions.stream().map(v -> new VersionRow(v.version(),
                "/cases/" + supportCase.id() + "/assessment/versions/" + v.version(), v.status(),
                v.savedByName(), when(v))).toList());
        model.addAttribute("barrierItems", Choices.options(Arrays.asList(AssessmentAnswers.Barrier.values()),
                Enum::name, AssessmentAnswers.Barrier::label, null, form.barriers()));
        List<String> fitNoteValues = new ArrayList<>(List.of(NO_FIT_NOTE));
        Arrays.stream(AssessmentAnswers.FitNote.values()).map(Enum::name).forEach(fitNoteValues::add);
        model.addAttribute("fitNoteItems", Choices.options(fitNoteValues, v -> v,
                v -> NO_FIT_NOTE.equals(v) ? "No fit note" : AssessmentAnswers.FitNote.valueOf(v).label(), null,
                form.fitNote() == null ? List.of() : List.of(form.fitNote())));
        model.addAttribute("adjustmentItems", Choices.options(
                Arrays.asList(AssessmentAnswers.FitNoteAdjustment.values()), Enum::name,
                AssessmentAnswers.FitNoteAdjustment::label, null, form.fitNoteAdjustments()));
        model.addAttribute("backLink", "/cases/" + supportCase.id());
        return "casework/assessment";
    }

    private static String when(Assessment assessment) {
        return WHEN.format(assessment.savedAt().atZone(LONDON)).replace("AM", "am").replace("PM", "pm");
    }

    private static String fitNoteText(AssessmentAnswers a) {
        if (a.fitNote() == null) {
            return "No fit note";
        }
        if (a.fitNote() == AssessmentAnswers.FitNote.MAY_BE_FIT && !a.fitNoteAdjustments().isEmpty()) {
            return a.fitNote().label() + " with: " + String.join(", ", a.fitNoteAdjustments().stream()
                    .map(x -> x.label().toLowerCase(Locale.UK)).toList());
        }
        return a.fitNote().label();
    }

    private static String day(LocalDate date) {
        return date == null ? null : String.valueOf(date.getDayOfMonth());
    }

    private static String month(LocalDate date) {
        return date == null ? null : String.valueOf(date.getMonthValue());
    }

    private static String year(LocalDate date) {
        return date == null ? null : String.valueOf(date.getYear());
    }

    /** Values not on the list are left out: the form offers only the list. */
    private static <E extends Enum<E>> List<E> parseAll(Class<E> type, List<String> answers) {
        return answers == null ? List.of()
                : answers.stream().map(a -> Answers.code(type, a)).filter(java.util.Objects::nonNull).toList();
    }
}

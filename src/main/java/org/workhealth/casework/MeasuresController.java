package org.workhealth.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.casework.CaseMeasures.Taken;
import org.workhealth.casework.MeasureScoring.Change;
import org.workhealth.casework.MeasureScoring.Score;
import org.workhealth.casework.Measures.Point;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.FormErrors;
import org.workhealth.milestone.PeriodLockedException;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * The measures taken on a case with their change from baseline, and taking one: choose the
 * measure, then say whether it is the baseline, a review or exit and answer every question.
 * Answers arrive as {@code q<position>}; the questions come from the measure's data.
 */
@Controller
class MeasuresController {

    /** One question of the form, ready for the radios component. */
    record QuestionField(String name, String legend, String hint, List<Map<String, Object>> items, boolean inline,
            Map<String, String> error) {
    }

    /** One measure's results as a GOV.UK table. */
    record ResultsTable(String code, String caption, List<Map<String, Object>> head,
            List<List<Map<String, Object>>> rows) {
    }

    private final CaseAccess caseAccess;
    private final Measures measures;
    private final CaseMeasures caseMeasures;

    MeasuresController(CaseAccess caseAccess, Measures measures, CaseMeasures caseMeasures) {
        this.caseAccess = caseAccess;
        this.measures = measures;
        this.caseMeasures = caseMeasures;
    }

    @GetMapping("/cases/{id}/measures")
    String list(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-measures");
        Map<Long, List<Taken>> byMeasure = new LinkedHashMap<>();
        for (Taken taken : caseMeasures.history(id)) {
            byMeasure.computeIfAbsent(taken.measure().id(), k -> new ArrayList<>()).add(taken);
        }
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("tables", byMeasure.values().stream().map(MeasuresController::table).toList());
        model.addAttribute("backLink", "/cases/" + id);
        return "casework/measures";
    }

    @GetMapping("/cases/{id}/measures/new")
    String form(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String measure,
            Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-measures");
        Optional<Measure> chosen = measures.findByCode(measure);
        if (chosen.isEmpty()) {
            if (measure != null) {
                model.addAttribute("errors", FormErrors.single("measure", "Select a measure"));
            }
            return choosePage(supportCase, model);
        }
        return questionsPage(supportCase, chosen.get(), Map.of(), FormErrors.none(), model);
    }

    @PostMapping("/cases/{id}/measures/new")
    String take(CurrentUser user, @PathVariable long id, @RequestParam String measure,
            @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        // Viewed, as the questions page may be shown again with its errors; a redirect writes no view.
        SupportCase supportCase = caseAccess.view(user, id, "case-measures");
        Measure chosen = measures.findByCode(measure).orElseThrow(OutOfScopeException::new);

        List<String[]> problems = new ArrayList<>();
        Point point = parsePoint(params.getFirst("point"));
        if (point == null) {
            problems.add(new String[] {"point", "Select when this measure was taken", "point"});
        } else if (point == Point.BASELINE && measures.hasBaseline(id, chosen.id())) {
            problems.add(new String[] {"point", "This case already has a " + chosen.name()
                    + " baseline: select review or exit", "point"});
        }
        Map<Integer, Integer> answers = new LinkedHashMap<>();
        for (Measure.Question question : chosen.questions()) {
            String name = "q" + question.position();
            Integer value = parseInt(params.getFirst(name));
            if (value == null || !question.offers(value)) {
                problems.add(new String[] {name, "Select an answer to question " + question.position(), name});
            } else {
                answers.put(question.position(), value);
            }
        }
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("point", params.getFirst("point"));
        answers.forEach((position, value) -> kept.put("q" + position, String.valueOf(value)));
        if (!problems.isEmpty()) {
            return questionsPage(supportCase, chosen, kept, FormErrors.ofProblems(problems), model);
        }
        CaseMeasures.Recorded recorded;
        try {
            recorded = caseMeasures.take(supportCase, chosen, point, answers, user);
        } catch (PeriodLockedException e) {
            // An improvement writes a milestone dated today; a lock reaching today refuses the whole response.
            return questionsPage(supportCase, chosen, kept,
                    FormErrors.ofProblems(List.<String[]>of(new String[] {"point", e.getMessage(), "point"})), model);
        }
        redirect.addFlashAttribute("notice", chosen.name() + " " + point.label().toLowerCase() + " recorded");
        redirect.addFlashAttribute("safetyPrompts", recorded.safetyPrompts());
        return "redirect:/cases/" + id + "/measures";
    }

    private String choosePage(SupportCase supportCase, Model model) {
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("measureItems", Choices.options(measures.all(), Measure::code, Measure::name,
                Measure::description, List.of()));
        model.addAttribute("backLink", "/cases/" + supportCase.id() + "/measures");
        return "casework/measure-choose";
    }

    private String questionsPage(SupportCase supportCase, Measure measure, Map<String, String> kept,
            FormErrors errors, Model model) {
        List<QuestionField> fields = measure.questions().stream().map(q -> {
            String name = "q" + q.position();
            String chosenValue = kept.get(name);
            // Short numeric scales (0 to 10) read best across the page; worded answers stay one a line.
            boolean inline = q.options().stream().allMatch(o -> o.label().length() <= 3);
            return new QuestionField(name, q.position() + ". " + q.text(), q.hint(),
                    Choices.options(q.options(), Measure.Option::value, Measure.Option::label, null,
                            chosenValue == null ? List.of() : List.of(chosenValue)),
                    inline, errors.on(name));
        }).toList();
        String chosenPoint = kept.get("point");
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("measure", measure);
        model.addAttribute("fields", fields);
        model.addAttribute("pointItems", Choices.options(List.of(Point.values()), Point::name, Point::label, null,
                chosenPoint == null ? List.of() : List.of(chosenPoint)));
        model.addAttribute("errors", errors);
        model.addAttribute("backLink", "/cases/" + supportCase.id() + "/measures/new");
        return "casework/measure-form";
    }

    private static ResultsTable table(List<Taken> takings) {
        Measure measure = takings.get(0).measure();
        boolean perItem = measure.scoring() == Measure.Scoring.PER_ITEM;
        List<Map<String, Object>> head = new ArrayList<>();
        head.add(cell("Date"));
        head.add(cell("Point"));
        if (perItem) {
            head.add(cell("Question"));
        }
        head.add(cell(perItem ? "Score" : "Total score"));
        head.add(cell("Band"));
        head.add(cell("Change from baseline"));
        List<List<Map<String, Object>>> rows = new ArrayList<>();
        for (Taken taken : takings) {
            for (int i = 0; i < taken.scores().size(); i++) {
                Score score = taken.scores().get(i);
                Optional<Change> change = taken.changes().get(i);
                List<Map<String, Object>> row = new ArrayList<>();
                row.add(cell(DateAnswer.format(taken.response().takenOn())));
                row.add(cell(taken.response().point().label()));
                if (perItem) {
                    row.add(cell(score.label()));
                }
                row.add(cell(String.valueOf(score.value())));
                row.add(cell(score.band() == null ? "No band" : score.band()));
                row.add(cell(taken.baseline() ? "Baseline"
                        : change.map(Change::text).orElse("No baseline recorded")));
                rows.add(row);
            }
        }
        return new ResultsTable(measure.code(), measure.name(), head, rows);
    }

    private static Map<String, Object> cell(String text) {
        return Map.of("text", text);
    }

    private static Point parsePoint(String value) {
        for (Point point : Point.values()) {
            if (point.name().equals(value)) {
                return point;
            }
        }
        return null;
    }

    private static Integer parseInt(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

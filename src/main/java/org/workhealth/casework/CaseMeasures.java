package org.workhealth.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.casework.MeasureScoring.Change;
import org.workhealth.casework.MeasureScoring.Score;
import org.workhealth.casework.Measures.Point;
import org.workhealth.casework.Measures.Response;
import org.workhealth.milestone.MilestoneFilter;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.organisation.CurrentUser;

/**
 * Measures on a case: taking one, and each one's scores set against the baseline. A review or exit
 * that improves reliably on the baseline writes the measure improved milestone, once per measure per case.
 */
@Service
class CaseMeasures {

    /**
     * A measure taken, scored.
     *
     * @param changes for each score, its change from the baseline; empty when this is the baseline or there is none
     */
    record Taken(Response response, Measure measure, List<Score> scores, List<Optional<Change>> changes,
            boolean baseline, boolean hasBaseline) {
    }

    /**
     * A measure's latest result on a case, for the case page: like "PHQ-9", "Review", "9 (Mild)",
     * "Improved by 7 points". For a measure scored item by item, each item is named in turn.
     */
    record Latest(String measure, String point, String scores, String change) {
    }

    /**
     * An answer that needs the practitioner to act now, such as PHQ-9 item 9 above "Not at all". Shown on the page the
     * practitioner is sent to, so it travels in the session's flash attributes, which live in the database.
     */
    record SafetyPrompt(String measure, int question, String questionText, String answer, String text)
            implements java.io.Serializable {

        String noteText() {
            return "Safety prompt: " + measure + " question " + question + " (" + questionText + ") answered \""
                    + answer + "\". " + text;
        }
    }

    /** A measure recorded, with any safety prompts its answers raised. */
    record Recorded(long responseId, List<SafetyPrompt> safetyPrompts) {
    }

    private final Measures measures;
    private final Appointments appointments;
    private final CaseMilestones caseMilestones;
    private final Milestones milestones;
    private final AuditLog audit;
    private final Clock clock;

    CaseMeasures(Measures measures, Appointments appointments, CaseMilestones caseMilestones, Milestones milestones,
            AuditLog audit, Clock clock) {
        this.measures = measures;
        this.appointments = appointments;
        this.clock = clock;
        this.caseMilestones = caseMilestones;
        this.milestones = milestones;
        this.audit = audit;
    }

    /**
     * Records a measure taken on the case today. Answers must be complete and valid for the measure
     * (the page checks them first; {@link MeasureScoring#score} refuses anything else).
     *
     * Answers that raise a safety prompt also put a note on the case, so the timeline shows the prompt
     * was given and when, whoever reads the case next.
     */
    @Transactional
    Recorded take(SupportCase supportCase, Measure measure, Point point, Map<Integer, Integer> answers,
            CurrentUser user) {
        List<Score> scores = MeasureScoring.score(measure, answers);
        LocalDate today = LocalDate.now(clock);
        long id = measures.record(supportCase.id(), measure, point, today, answers, user.id());
        audit.recordChange("CREATE", "measure-response", id, supportCase.organisationId(),
                measure.code() + " " + point.name() + " " + describe(scores));
        List<SafetyPrompt> prompts = safetyPrompts(measure, answers);
        for (SafetyPrompt prompt : prompts) {
            appointments.addNote(user, supportCase, prompt.noteText());
        }
        if (point != Point.BASELINE) {
            writeMilestoneIfImproved(supportCase, measure, point, today, scores, user.id());
        }
        return new Recorded(id, prompts);
    }

    static List<SafetyPrompt> safetyPrompts(Measure measure, Map<Integer, Integer> answers) {
        List<SafetyPrompt> prompts = new ArrayList<>();
        for (Measure.Question question : measure.questions()) {
            Integer value = answers.get(question.position());
            if (value != null && question.alerts(value)) {
                String answer = question.options().stream().filter(o -> o.value() == value)
                        .map(Measure.Option::label).findFirst().orElse(String.valueOf(value));
                prompts.add(new SafetyPrompt(measure.name(), question.position(), question.text(), answer,
                        question.alertText()));
            }
        }
        return prompts;
    }

    /** Every measure taken on the case, oldest first, each with its change from its measure's baseline. */
    List<Taken> history(long caseId) {
        Map<Long, Measure> byId = new HashMap<>();
        Map<Long, List<Score>> baselines = new HashMap<>();
        List<Taken> taken = new ArrayList<>();
        for (Response response : measures.forCase(caseId)) {
            Measure measure = byId.computeIfAbsent(response.measureId(), id -> measures.find(id).orElseThrow());
            List<Score> scores = MeasureScoring.score(measure, response.answers());
            boolean isBaseline = response.point() == Point.BASELINE && !baselines.containsKey(measure.id());
            if (isBaseline) {
                baselines.put(measure.id(), scores);
            }
            List<Score> baseline = baselines.get(measure.id());
            List<Optional<Change>> changes = new ArrayList<>();
            for (int i = 0; i < scores.size(); i++) {
                changes.add(isBaseline || baseline == null ? Optional.empty()
                        : Optional.of(MeasureScoring.change(measure, baseline.get(i), scores.get(i))));
            }
            taken.add(new Taken(response, measure, scores, changes, isBaseline, baseline != null));
        }
        return taken;
    }

    /** Each measure's most recent result with its change from baseline, in the order measures were first taken. */
    List<Latest> latest(long caseId) {
        Map<Long, Taken> latest = new LinkedHashMap<>();
        history(caseId).forEach(t -> latest.put(t.measure().id(), t));
        return latest.values().stream().map(t -> {
            List<String> scores = new ArrayList<>();
            List<String> changes = new ArrayList<>();
            for (int i = 0; i < t.scores().size(); i++) {
                Score score = t.scores().get(i);
                String name = score.position() == null ? "" : score.label() + " ";
                scores.add(name + score.value() + (score.band() == null ? "" : " (" + score.band() + ")"));
                String change = t.baseline() ? "Baseline"
                        : t.changes().get(i).map(Change::text).orElse("No baseline recorded");
                changes.add(name.isEmpty() ? change : name + change.toLowerCase());
            }
            return new Latest(t.measure().name(), t.response().point().label(), String.join(", ", scores),
                    String.join(", ", changes));
        }).toList();
    }

    private void writeMilestoneIfImproved(SupportCase supportCase, Measure measure, Point point, LocalDate takenOn,
            List<Score> scores, long recordedBy) {
        Optional<Taken> baseline = history(supportCase.id()).stream()
                .filter(t -> t.baseline() && t.measure().id() == measure.id()).findFirst();
        if (baseline.isEmpty() || alreadyImproved(supportCase.id(), measure.code())) {
            return;
        }
        for (int i = 0; i < scores.size(); i++) {
            Score before = baseline.get().scores().get(i);
            Change change = MeasureScoring.change(measure, before, scores.get(i));
            if (change.reliable()) {
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("measure", measure.code());
                attributes.put("point", point.name());
                if (scores.get(i).position() != null) {
                    attributes.put("item", scores.get(i).label());
                }
                attributes.put("baseline_score", String.valueOf(before.value()));
                attributes.put("score", String.valueOf(scores.get(i).value()));
                caseMilestones.record(supportCase, MilestoneType.MEASURE_IMPROVED, takenOn, attributes, recordedBy);
                return;
            }
        }
    }

    private boolean alreadyImproved(long caseId, String code) {
        return milestones.current(MilestoneFilter.forCase(caseId)).stream()
                .anyMatch(m -> m.type() == MilestoneType.MEASURE_IMPROVED && code.equals(m.attribute("measure")));
    }

    private static String describe(List<Score> scores) {
        return String.join(", ", scores.stream().map(s -> s.label() + " " + s.value()).toList());
    }
}

package org.workhealth.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.workhealth.trial.Arm;
import org.workhealth.trial.Trial;
import org.workhealth.trial.TrialExtractSource;

/** The columns of an agreement's extract, in dictionary order: its allowed fields, follow-ups one set per week. */
final class Columns {

    private static final Map<String, String> SEX = Map.of("FEMALE", "1", "MALE", "2", "PREFER_NOT_TO_SAY", "9");
    private static final Map<String, String> YES_NO = Map.of("YES", "1", "NO", "2", "PREFER_NOT_TO_SAY", "9");
    private static final Map<String, String> SOURCE = Map.of("PUBLIC", "1", "PARTNER", "2", "BULK", "3");
    private static final Map<String, String> EMPLOYMENT = Map.of("EMPLOYED", "1", "SELF_EMPLOYED", "2",
            "OFF_SICK", "3", "UNEMPLOYED", "4", "NOT_WORKED_RECENTLY", "5");
    private static final Map<String, String> STATUS = ExtractField.codes("1", "Due", "2", "Recorded", "3",
            "Lost to follow-up");
    private static final Map<String, String> STATUS_CODE = Map.of("DUE", "1", "RECORDED", "2", "LOST", "3");
    private static final Map<String, String> NO_YES = ExtractField.codes("0", "No", "1", "Yes");

    private Columns() {
    }

    static List<Column> of(Agreement agreement, Trial trial) {
        List<Column> columns = new ArrayList<>();
        columns.add(column(ExtractField.PSEUDONYM, Participant::pseudonym));
        for (ExtractField field : agreement.fields()) {
            if (field.trialOnly() && trial == null) {
                continue;
            }
            switch (field) {
                case PSEUDONYM -> { }
                case AGE_BAND -> columns.add(column(field, p -> orBlank(field.codeOf(p.referral().ageBand()))));
                case SEX -> columns.add(column(field, p -> coded(SEX, p.referral().sex())));
                case ETHNIC_GROUP -> columns.add(column(field, p -> "PREFER_NOT_TO_SAY".equals(p.referral()
                        .ethnicGroup()) ? "9" : orBlank(field.codeOf(p.referral().ethnicGroup()))));
                case DISABILITY -> columns.add(column(field, p -> coded(YES_NO, p.referral().disability())));
                case REFERRAL_DATE -> columns.add(column(field, p -> p.date(p.referral().referredOn())));
                case SOURCE -> columns.add(column(field, p -> coded(SOURCE, p.referral().source())));
                case COHORT -> columns.add(column(field, p -> orBlank(p.cohortCode())));
                case EMPLOYMENT_STATUS -> columns.add(column(field,
                        p -> coded(EMPLOYMENT, p.referral().employmentStatus())));
                case ENGAGED_DATE -> columns.add(column(field,
                        p -> p.milestones() == null ? "" : p.date(p.milestones().engagedOn())));
                case JOB_START_DATE -> columns.add(column(field,
                        p -> p.milestones() == null ? "" : p.date(p.milestones().jobStartOn())));
                case JOB_RETENTION_DATE -> columns.add(column(field,
                        p -> p.milestones() == null ? "" : p.date(p.milestones().jobRetentionOn())));
                case EXIT_DATE -> columns.add(column(field,
                        p -> p.milestones() == null ? "" : p.date(p.milestones().exitedOn())));
                case EXIT_REASON -> columns.add(column(field, p -> p.milestones() == null
                        || p.date(p.milestones().exitedOn()).isEmpty() ? "" : orBlank(p.milestones().exitReason())));
                case TRIAL_ARM -> columns.add(new Column(field.column(), field.label(), field.meaning(), field.type(),
                        arms(trial), field.source(), p -> p.trial() == null ? "" : p.trial().armCode()));
                case ALLOCATION_DATE -> columns.add(column(field,
                        p -> p.trial() == null ? "" : p.date(p.trial().allocatedOn())));
                case STRATA -> columns.add(column(field, p -> p.trial() == null ? "" : p.trial().strata()));
                case IN_ERROR -> columns.add(column(field,
                        p -> p.trial() == null ? "" : p.trial().inError() ? "1" : "0"));
                case DROPPED_OUT_DATE -> columns.add(column(field,
                        p -> p.trial() == null ? "" : p.date(p.trial().droppedOn())));
                case FOLLOW_UPS -> trial.followUpWeeks().forEach(week -> followUps(columns, week));
            }
        }
        return columns;
    }

    private static void followUps(List<Column> columns, int week) {
        String prefix = "fu" + week + "_";
        String at = " at the week " + week + " follow-up";
        columns.add(new Column(prefix + "status", "Follow-up status, week " + week, "Status" + at, ExtractField.Type.INTEGER,
                STATUS, "trial", p -> followUp(p, week, f -> STATUS_CODE.getOrDefault(f.status(), ""))));
        columns.add(new Column(prefix + "assessed", "Assessed, week " + week, "Date assessed" + at,
                ExtractField.Type.DATE, Map.of(), "trial", p -> followUp(p, week, f -> p.date(f.assessedOn()))));
        columns.add(new Column(prefix + "in_paid_work", "In paid work, week " + week, "In paid work" + at,
                ExtractField.Type.INTEGER, NO_YES, "trial",
                p -> followUp(p, week, f -> f.inPaidWork() == null ? "" : f.inPaidWork() ? "1" : "0")));
        columns.add(new Column(prefix + "job_started", "Job started, week " + week, "Job start date reported" + at,
                ExtractField.Type.DATE, Map.of(), "trial", p -> followUp(p, week, f -> p.date(f.jobStartedOn()))));
        columns.add(new Column(prefix + "hours", "Hours per week, week " + week, "Hours of paid work a week" + at,
                ExtractField.Type.INTEGER, Map.of(), "trial",
                p -> followUp(p, week, f -> f.hoursPerWeek() == null ? "" : f.hoursPerWeek().toString())));
        columns.add(new Column(prefix + "wellbeing", "Wellbeing score, week " + week,
                "Wellbeing score (SWEMWBS 7 to 35 or WEMWBS 14 to 70, as the trial says)" + at,
                ExtractField.Type.INTEGER, Map.of(), "trial",
                p -> followUp(p, week, f -> f.wellbeingScore() == null ? "" : f.wellbeingScore().toString())));
    }

    /** A follow-up's value, blank when there is none or when it was assessed after what may be used. */
    private static String followUp(Participant p, int week,
            Function<TrialExtractSource.FollowUp, String> value) {
        if (p.trial() == null) {
            return "";
        }
        TrialExtractSource.FollowUp f = p.trial().followUps().get(week);
        if (f == null || !p.usable(f.assessedOn()) || !p.usable(f.dueOn())) {
            return "";
        }
        return value.apply(f);
    }

    private static Map<String, String> arms(Trial trial) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (Arm arm : trial.arms()) {
            codes.put(arm.code(), arm.name());
        }
        return codes;
    }

    private static Column column(ExtractField field, Function<Participant, String> value) {
        return new Column(field.column(), field.label(), field.meaning(), field.type(), field.codes(), field.source(),
                value);
    }

    private static String coded(Map<String, String> codes, String stored) {
        return stored == null ? "" : codes.getOrDefault(stored, "");
    }

    private static String orBlank(String s) {
        return s == null ? "" : s;
    }
}

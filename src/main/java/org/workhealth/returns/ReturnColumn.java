package org.workhealth.returns;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

import org.workhealth.casework.ExitReason;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.ReferralChoices;

/** The columns a return's extract can carry: what the compiler produces, with their documented meaning. */
enum ReturnColumn {
    PARTICIPANT_ID("Participant ID", "A random token made once per participant, the same in every quarter's return",
            ExtractRow::participantId),
    COHORT("Cohort", "The code of the programme cohort the case was accepted onto", ExtractRow::cohort),
    AGE_BAND("Age band", "Age at referral: Under 16, 16 to 24, 25 to 34, 35 to 49, 50 to 64, 65 and over",
            ExtractRow::ageBand),
    SEX("Sex", "As answered on the referral (FEMALE, MALE, PREFER_NOT_TO_SAY); empty when not asked", ExtractRow::sex),
    ETHNICITY("Ethnic group", "As answered on the referral, group and background", ExtractRow::ethnicity),
    DISABILITY("Disability", "As answered on the referral (YES, NO, PREFER_NOT_TO_SAY)", ExtractRow::disability),
    EMPLOYMENT_STATUS("Employment status at referral",
            "EMPLOYED, SELF_EMPLOYED, OFF_SICK, UNEMPLOYED or NOT_WORKED_RECENTLY", ExtractRow::employmentStatus),
    REFERRED_ON("Date of referral", "The day the referral was received", row -> date(row.referredOn()), null),
    ENGAGED_ON("Date of engagement", "The first current engagement milestone", row -> date(row.engagedOn()),
            MilestoneType.ENGAGEMENT),
    ACTION_PLAN_AGREED_ON("Date action plan agreed", "The first current action plan agreed milestone",
            row -> date(row.actionPlanAgreedOn()), MilestoneType.ACTION_PLAN_AGREED),
    JOB_START_ON("Date of job start", "The first current job start milestone", row -> date(row.jobStartOn()),
            MilestoneType.JOB_START),
    JOB_RETENTION_ON("Date of job retention", "The first current job retention milestone",
            row -> date(row.jobRetentionOn()), MilestoneType.JOB_RETENTION),
    EXITED_ON("Date of exit", "The first current exit milestone", row -> date(row.exitedOn()), MilestoneType.EXIT),
    EXIT_REASON("Reason for exit", "The exit reason's code, when the exit recorded one", ExtractRow::exitReason);

    private final String heading;
    private final String description;
    private final Function<ExtractRow, String> value;
    private final MilestoneType milestoneType;
    private final boolean date;

    ReturnColumn(String heading, String description, Function<ExtractRow, String> value) {
        this(heading, description, value, null, false);
    }

    ReturnColumn(String heading, String description, Function<ExtractRow, String> value, MilestoneType type) {
        this(heading, description, value, type, true);
    }

    ReturnColumn(String heading, String description, Function<ExtractRow, String> value, MilestoneType type,
            boolean date) {
        this.heading = heading;
        this.description = description;
        this.value = value;
        this.milestoneType = type;
        this.date = date;
    }

    public String heading() {
        return heading;
    }

    public String description() {
        return description;
    }

    /**
     * The row's value as a page shows it to people: codes as their labels, dates as "1 May 2026".
     * Files keep {@link #value(ExtractRow)}, the documented codes.
     */
    public String shown(ExtractRow row) {
        String v = value(row);
        if (v.isEmpty()) {
            return v;
        }
        if (date) {
            return DateAnswer.format(dateOf(row));
        }
        return switch (this) {
            case SEX, DISABILITY, ETHNICITY -> ReferralChoices.label(v);
            case EMPLOYMENT_STATUS -> employmentStatus(v);
            case EXIT_REASON -> ExitReason.labelOf(v);
            default -> v;
        };
    }

    private static String employmentStatus(String code) {
        for (EmploymentStatus status : EmploymentStatus.values()) {
            if (status.name().equals(code)) {
                return status.label();
            }
        }
        return code;
    }

    /** The row's value as it goes into the extract; empty when there is none. */
    public String value(ExtractRow row) {
        String v = value.apply(row);
        return v == null ? "" : v;
    }

    boolean isDate() {
        return date;
    }

    /** The milestone whose first current date the column holds, if it holds one. */
    MilestoneType milestoneType() {
        return milestoneType;
    }

    /** The date column holding each case's first current milestone of the type, if there is one. */
    static Optional<ReturnColumn> forMilestone(MilestoneType type) {
        for (ReturnColumn column : values()) {
            if (column.milestoneType == type) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    static Optional<ReturnColumn> byCode(String code) {
        for (ReturnColumn column : values()) {
            if (column.name().equals(code)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    LocalDate dateOf(ExtractRow row) {
        return switch (this) {
            case REFERRED_ON -> row.referredOn();
            case ENGAGED_ON -> row.engagedOn();
            case ACTION_PLAN_AGREED_ON -> row.actionPlanAgreedOn();
            case JOB_START_ON -> row.jobStartOn();
            case JOB_RETENTION_ON -> row.jobRetentionOn();
            case EXITED_ON -> row.exitedOn();
            default -> null;
        };
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}

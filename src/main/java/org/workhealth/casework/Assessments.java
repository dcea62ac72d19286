package org.workhealth.casework;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;

/**
 * Work and health assessments. The newest version is the current one. A draft is saved over in
 * place; a completed version is never changed again: the next save starts a new version.
 */
@Service
class Assessments {

    private static final String COLUMNS = """
            a.id, a.case_id, a.version, a.status, a.health_conditions, a.health_effects, a.work_situation,
            a.work_history, a.skills, a.barriers, a.strengths, a.goals, a.fit_note, a.fit_note_adjustments,
            a.fit_note_from, a.fit_note_to, a.saved_by, a.saved_at
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final StaffNames staff;

    Assessments(JdbcClient jdbc, AuditLog audit, Clock clock, StaffNames staff) {
        this.staff = staff;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The newest version, draft or completed. */
    Optional<Assessment> latest(long caseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assessment a "
                + "WHERE a.case_id = ? ORDER BY a.version DESC FETCH FIRST 1 ROWS ONLY")
                .param(caseId).query(Assessments::map).optional().map(a -> named(a, staff.of(a.savedBy())));
    }

    Optional<Assessment> version(long caseId, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assessment a "
                + "WHERE a.case_id = ? AND a.version = ?")
                .params(caseId, version).query(Assessments::map).optional().map(a -> named(a, staff.of(a.savedBy())));
    }

    /** Every version, newest first. */
    List<Assessment> versions(long caseId) {
        List<Assessment> versions = jdbc.sql("SELECT " + COLUMNS + " FROM assessment a "
                + "WHERE a.case_id = ? ORDER BY a.version DESC")
                .param(caseId).query(Assessments::map).list();
        Map<Long, String> names = staff.byId(versions.stream().map(Assessment::savedBy).toList());
        return versions.stream().map(a -> named(a, names.get(a.savedBy()))).toList();
    }

    /**
     * Saves the answers as the current draft, or completes them, and returns the version written.
     * The case row is locked so that two people saving at once cannot both start a new version.
     */
    @Transactional
    Assessment save(CurrentUser user, SupportCase supportCase, AssessmentAnswers answers, boolean complete) {
        long caseId = supportCase.id();
        jdbc.sql("SELECT id FROM support_case WHERE id = ? FOR UPDATE").param(caseId).query(Long.class).single();
        Optional<Assessment> latest = latest(caseId);
        Assessment.Status status = complete ? Assessment.Status.COMPLETED : Assessment.Status.DRAFT;
        Timestamp now = Timestamp.from(clock.instant());
        int version;
        if (latest.isPresent() && !latest.get().completed()) {
            version = latest.get().version();
            jdbc.sql("""
                    UPDATE assessment SET status = ?, health_conditions = ?, health_effects = ?, work_situation = ?,
                           work_history = ?, skills = ?, barriers = ?, strengths = ?, goals = ?, fit_note = ?,
                           fit_note_adjustments = ?, fit_note_from = ?, fit_note_to = ?, saved_by = ?, saved_at = ?
                    WHERE id = ? AND status = 'DRAFT'
                    """)
                    .params(status.name(), answers.healthConditions(), answers.healthEffects(),
                            answers.workSituation(), answers.workHistory(), answers.skills(),
                            join(answers.barriers()), answers.strengths(), answers.goals(), name(answers.fitNote()),
                            join(answers.fitNoteAdjustments()), date(answers.fitNoteFrom()),
                            date(answers.fitNoteTo()), user.id(), now, latest.get().id())
                    .update();
        } else {
            version = latest.map(Assessment::version).orElse(0) + 1;
            jdbc.sql("""
                    INSERT INTO assessment (case_id, version, status, health_conditions, health_effects,
                           work_situation, work_history, skills, barriers, strengths, goals, fit_note,
                           fit_note_adjustments, fit_note_from, fit_note_to, saved_by, saved_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                    .params(caseId, version, status.name(), answers.healthConditions(), answers.healthEffects(),
                            answers.workSituation(), answers.workHistory(), answers.skills(),
                            join(answers.barriers()), answers.strengths(), answers.goals(), name(answers.fitNote()),
                            join(answers.fitNoteAdjustments()), date(answers.fitNoteFrom()),
                            date(answers.fitNoteTo()), user.id(), now)
                    .update();
        }
        audit.recordChange(complete ? "COMPLETE_ASSESSMENT" : "SAVE_ASSESSMENT", "case", caseId,
                supportCase.organisationId(), "Assessment version " + version
                        + (complete ? " completed" : " saved as draft"));
        return version(caseId, version).orElseThrow();
    }

    private static String join(List<? extends Enum<?>> values) {
        return values.isEmpty() ? null : values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static <E extends Enum<E>> List<E> split(Class<E> type, String stored) {
        return stored == null || stored.isBlank() ? List.of()
                : Arrays.stream(stored.split(",")).map(s -> Enum.valueOf(type, s)).toList();
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Assessment map(ResultSet rs, int row) throws SQLException {
        String fitNote = rs.getString("fit_note");
        AssessmentAnswers answers = new AssessmentAnswers(rs.getString("health_conditions"),
                rs.getString("health_effects"), rs.getString("work_situation"), rs.getString("work_history"),
                rs.getString("skills"), split(AssessmentAnswers.Barrier.class, rs.getString("barriers")),
                rs.getString("strengths"), rs.getString("goals"),
                fitNote == null ? null : AssessmentAnswers.FitNote.valueOf(fitNote),
                split(AssessmentAnswers.FitNoteAdjustment.class, rs.getString("fit_note_adjustments")),
                localDate(rs, "fit_note_from"), localDate(rs, "fit_note_to"));
        return new Assessment(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("version"),
                Assessment.Status.valueOf(rs.getString("status")), answers, rs.getLong("saved_by"),
                null, rs.getTimestamp("saved_at").toInstant());
    }

    /** The name of who saved it, which the organisation module keeps. */
    private static Assessment named(Assessment a, String savedByName) {
        return new Assessment(a.id(), a.caseId(), a.version(), a.status(), a.answers(), a.savedBy(), savedByName,
                a.savedAt());
    }
}

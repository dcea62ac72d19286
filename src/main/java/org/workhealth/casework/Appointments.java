package org.workhealth.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.milestone.MilestoneFilter;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.organisation.CurrentUser;

/**
 * Appointments on a case and the contact notes written about it. Recording the first attended
 * one-to-one appointment is what makes the person "engaged", so that rule lives here, next to the
 * outcome it follows from.
 */
@Service
class Appointments {

    /** An appointment; {@code outcome} is null while it is still planned. */
    record Appointment(long id, long caseId, LocalDateTime startsAt, AppointmentChannel channel, String place,
            boolean oneToOne, AppointmentOutcome outcome, String recordedByName) {

        boolean planned() {
            return outcome == null;
        }
    }

    record ContactNote(long id, long caseId, Instant writtenAt, String writtenByName, String note) {
    }

    enum OutcomeResult {
        RECORDED, ENGAGEMENT_RECORDED, NOT_PLANNED
    }

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /**
     * Employment statuses at referral that count as "in work" (people kept in work rather than
     * helped back into it). The referral module's EmploymentStatus says the same; casework cannot
     * depend on that module, which depends on casework to open cases.
     */
    private static final Set<String> IN_WORK = Set.of("EMPLOYED", "SELF_EMPLOYED", "OFF_SICK");

    private static final String APPOINTMENT_COLUMNS = """
            a.id, a.case_id, a.starts_at, a.channel, a.place, a.one_to_one, a.status, a.cancelled_by,
            a.recorded_by
            FROM appointment a""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CaseMilestones caseMilestones;
    private final Milestones milestones;
    private final Clock clock;
    private final StaffNames staff;
    private final CaseMessages caseMessages;

    Appointments(JdbcClient jdbc, AuditLog audit, CaseMilestones caseMilestones, Milestones milestones,
            Clock clock, StaffNames staff, CaseMessages caseMessages) {
        this.staff = staff;
        this.caseMessages = caseMessages;
        this.jdbc = jdbc;
        this.audit = audit;
        this.caseMilestones = caseMilestones;
        this.milestones = milestones;
        this.clock = clock;
    }

    /** The London wall-clock time now, the same kind of time as {@code starts_at}. */
    LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), LONDON);
    }

    LocalDate today() {
        return now().toLocalDate();
    }

    @Transactional
    long plan(CurrentUser user, SupportCase supportCase, LocalDateTime startsAt, AppointmentChannel channel,
            String place, boolean oneToOne) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO appointment (case_id, starts_at, channel, place, one_to_one, status, recorded_by,
                                         recorded_at)
                VALUES (?, ?, ?, ?, ?, 'PLANNED', ?, ?)
                """)
                .params(supportCase.id(), Timestamp.valueOf(startsAt), channel.name(), place, oneToOne, user.id(),
                        Timestamp.from(clock.instant()))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        audit.recordChange("CREATE", "appointment", id, supportCase.organisationId(),
                "Planned on case " + supportCase.reference() + " for " + startsAt);
        // An appointment recorded after it happened (to note its outcome) is not news to the person.
        if (startsAt.isAfter(now()) && supportCase.status() == CaseStatus.OPEN) {
            caseMessages.appointmentBooked(supportCase, id, startsAt, channel, place);
        }
        return id;
    }

    Optional<Appointment> find(long caseId, long appointmentId) {
        return staff.name(jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + " WHERE a.id = ? AND a.case_id = ?")
                .params(appointmentId, caseId).query(Appointments::mapAppointment).optional());
    }

    /** Every appointment of the case, latest first, in one query. */
    List<Appointment> forCase(long caseId) {
        return staff.name(jdbc.sql("SELECT " + APPOINTMENT_COLUMNS
                + " WHERE a.case_id = ? ORDER BY a.starts_at DESC, a.id DESC")
                .param(caseId).query(Appointments::mapAppointment).list());
    }

    /**
     * Records what came of a planned appointment. The first attended one-to-one appointment of the
     * case writes the engagement milestone, dated the day of the appointment; never a second one.
     */
    @Transactional
    OutcomeResult recordOutcome(CurrentUser user, SupportCase supportCase, long appointmentId,
            AppointmentOutcome outcome) {
        // Serialises outcomes on one case, so two attended appointments recorded at the same moment
        // cannot both find "no engagement yet".
        jdbc.sql("SELECT id FROM support_case WHERE id = ? FOR UPDATE").param(supportCase.id()).query(Long.class)
                .single();
        Appointment appointment = find(supportCase.id(), appointmentId).orElse(null);
        if (appointment == null || !appointment.planned()) {
            return OutcomeResult.NOT_PLANNED;
        }
        int changed = jdbc.sql("""
                UPDATE appointment SET status = ?, cancelled_by = ?, recorded_by = ?, recorded_at = ?
                WHERE id = ? AND case_id = ? AND status = 'PLANNED'
                """)
                .params(outcome.status(), outcome.cancelledBy(), user.id(), Timestamp.from(clock.instant()),
                        appointmentId, supportCase.id())
                .update();
        if (changed == 0) {
            return OutcomeResult.NOT_PLANNED;
        }
        audit.recordChange("OUTCOME", "appointment", appointmentId, supportCase.organisationId(), outcome.label());
        if (outcome == AppointmentOutcome.ATTENDED && appointment.oneToOne() && !engaged(supportCase.id())) {
            String status = supportCase.employmentStatusAtReferral();
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("employment_status", status);
            attributes.put("in_work", String.valueOf(IN_WORK.contains(status)));
            caseMilestones.record(supportCase, MilestoneType.ENGAGEMENT, appointment.startsAt().toLocalDate(),
                    attributes, user.id());
            return OutcomeResult.ENGAGEMENT_RECORDED;
        }
        return OutcomeResult.RECORDED;
    }

    private boolean engaged(long caseId) {
        return !milestones.current(new MilestoneFilter(caseId, null, null, null, null, MilestoneType.ENGAGEMENT,
                null, null)).isEmpty();
    }

    @Transactional
    long addNote(CurrentUser user, SupportCase supportCase, String note) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO contact_note (case_id, written_at, written_by, note) VALUES (?, ?, ?, ?)")
                .params(supportCase.id(), Timestamp.from(clock.instant()), user.id(), note)
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        audit.recordChange("CREATE", "contact_note", id, supportCase.organisationId(),
                "Note on case " + supportCase.reference());
        return id;
    }

    /** Every note of the case, newest first, in one query. */
    List<ContactNote> notes(long caseId) {
        return staff.name(jdbc.sql("""
                SELECT n.id, n.case_id, n.written_at, n.note, n.written_by
                FROM contact_note n
                WHERE n.case_id = ? ORDER BY n.written_at DESC, n.id DESC
                """).param(caseId)
                .query((rs, row) -> {
                    long id = rs.getLong("id");
                    long caseRow = rs.getLong("case_id");
                    Instant writtenAt = rs.getTimestamp("written_at").toInstant();
                    String note = rs.getString("note");
                    return new Unnamed<>(rs.getObject("written_by", Long.class),
                            name -> new ContactNote(id, caseRow, writtenAt, nullToEmpty(name), note));
                })
                .list());
    }

    private static Unnamed<Appointment> mapAppointment(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        long caseId = rs.getLong("case_id");
        LocalDateTime startsAt = rs.getTimestamp("starts_at").toLocalDateTime();
        AppointmentChannel channel = AppointmentChannel.valueOf(rs.getString("channel"));
        String place = rs.getString("place");
        boolean oneToOne = rs.getBoolean("one_to_one");
        AppointmentOutcome outcome = AppointmentOutcome.of(rs.getString("status"), rs.getString("cancelled_by"));
        return new Unnamed<>(rs.getObject("recorded_by", Long.class),
                name -> new Appointment(id, caseId, startsAt, channel, place, oneToOne, outcome, nullToEmpty(name)));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}

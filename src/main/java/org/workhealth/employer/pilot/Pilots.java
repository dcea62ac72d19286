package org.workhealth.employer.pilot;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.workhealth.calendar.Quarter;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/**
 * Pilot projects, their sessions and the outcome measures their providers report. Who may do what:
 * <ul>
 * <li>see a pilot: anyone who sees figures (commissioners, provider managers, national) whose organisations include
 * the hub that runs it or the provider that delivers it;</li>
 * <li>set one up: a commissioner who manages programmes at the hub (or above it);</li>
 * <li>record its sessions and measures: that commissioner, or a manager of the provider who prepares returns.</li>
 * </ul>
 * Anyone else is told it does not exist. Pilots hold figures, never names, so reading them writes no audit entry;
 * every change does. The board report reads them through {@link BoardPilots}.
 */
@Service
public class Pilots {

    private static final String COLUMNS = """
            p.id, p.programme_id, p.hub_organisation_id, p.provider_organisation_id, p.name, p.aim, p.starts_on,
            p.ends_on, p.budget_pence""";
    private static final String FROM = " FROM employer_pilot p";

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;
    private final Organisations organisations;

    Pilots(JdbcClient jdbc, AccessPolicy access, AuditLog audit, Clock clock, Organisations organisations) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.organisations = organisations;
    }

    /** The pilots the person may see, newest first, in one query. */
    List<Pilot> visibleTo(CurrentUser user) {
        if (!user.has(Permission.VIEW_FIGURES)) {
            return List.of();
        }
        Set<Long> scope = access.scope(user);
        Map<Long, String> names = organisations.namesById();
        return jdbc.sql("SELECT " + COLUMNS + FROM
                        + " WHERE p.hub_organisation_id IN (:scope) OR p.provider_organisation_id IN (:scope)"
                        + " ORDER BY p.starts_on DESC, p.name")
                .param("scope", new ArrayList<>(scope)).query(Pilots::pilot).list()
                .stream().map(p -> p.withProviderName(names.get(p.providerOrganisationId()))).toList();
    }

    /** @throws OutOfScopeException when there is no such pilot or the person may not see it */
    Pilot readable(CurrentUser user, long id) {
        Pilot pilot = find(id).orElseThrow(OutOfScopeException::new);
        if (!(access.may(user, Permission.VIEW_FIGURES, pilot.hubOrganisationId())
                || access.may(user, Permission.VIEW_FIGURES, pilot.providerOrganisationId()))) {
            throw new OutOfScopeException();
        }
        return pilot;
    }

    /** @throws OutOfScopeException unless the person may record the pilot's sessions and measures */
    Pilot reportable(CurrentUser user, long id) {
        Pilot pilot = readable(user, id);
        if (!mayReport(user, pilot)) {
            throw new OutOfScopeException();
        }
        return pilot;
    }

    boolean mayReport(CurrentUser user, Pilot pilot) {
        return access.may(user, Permission.MANAGE_PROGRAMMES, pilot.hubOrganisationId())
                || access.may(user, Permission.SUBMIT_RETURNS_AND_CLAIMS, pilot.providerOrganisationId());
    }

    /** Whether the person may set up pilots of a programme owned by this hub. */
    boolean maySetUp(CurrentUser user, long hubOrganisationId) {
        return access.may(user, Permission.MANAGE_PROGRAMMES, hubOrganisationId);
    }

    Optional<Pilot> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE p.id = ?").param(id).query(Pilots::pilot).optional()
                .map(p -> p.withProviderName(organisations.find(p.providerOrganisationId()).orElseThrow().name()));
    }

    /** A new pilot; the caller has checked the person may set it up and the provider is in their scope. */
    @Transactional
    long create(CurrentUser user, NewPilot pilot) {
        if (!maySetUp(user, pilot.hubOrganisationId()) || !access.scope(user).contains(pilot.providerOrganisationId())) {
            throw new OutOfScopeException();
        }
        return createUnchecked(pilot, user.id());
    }

    /** For the demo data: no person's permissions are checked. */
    @Transactional
    public long createUnchecked(NewPilot pilot, Long createdBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO employer_pilot (programme_id, hub_organisation_id, provider_organisation_id, name, aim,
                                            starts_on, ends_on, budget_pence, created_at, created_by)
                VALUES (:programme, :hub, :provider, :name, :aim, :starts, :ends, :budget, :at, :by)""")
                .param("programme", pilot.programmeId()).param("hub", pilot.hubOrganisationId())
                .param("provider", pilot.providerOrganisationId()).param("name", pilot.name())
                .param("aim", pilot.aim()).param("starts", Date.valueOf(pilot.startsOn()))
                .param("ends", Date.valueOf(pilot.endsOn())).param("budget", pilot.budgetPence())
                .param("at", Timestamp.from(clock.instant())).param("by", createdBy)
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        audit.recordChange("CREATE", "employer_pilot", id, pilot.hubOrganisationId(),
                pilot.name() + ", budget " + pilot.budgetPence() + "p");
        return id;
    }

    /**
     * Changes a pilot's provider, name, aim, dates and budget; the caller has checked the person may set up the
     * hub's pilots. Its sessions stay as they are: a session outside the new dates is the commissioner's to explain.
     */
    @Transactional
    void change(CurrentUser user, long pilotId, PilotDetails details) {
        Pilot pilot = find(pilotId).orElseThrow(OutOfScopeException::new);
        if (!maySetUp(user, pilot.hubOrganisationId())
                || !access.scope(user).contains(details.providerOrganisationId())) {
            throw new OutOfScopeException();
        }
        jdbc.sql("""
                UPDATE employer_pilot SET provider_organisation_id = :provider, name = :name, aim = :aim,
                       starts_on = :starts, ends_on = :ends, budget_pence = :budget
                WHERE id = :id""")
                .param("provider", details.providerOrganisationId()).param("name", details.name())
                .param("aim", details.aim()).param("starts", Date.valueOf(details.startsOn()))
                .param("ends", Date.valueOf(details.endsOn())).param("budget", details.budgetPence())
                .param("id", pilotId).update();
        audit.recordChange("UPDATE", "employer_pilot", pilotId, pilot.hubOrganisationId(),
                pilot.name() + ", budget " + pilot.budgetPence() + "p -> " + details.name() + ", budget "
                        + details.budgetPence() + "p, " + details.startsOn() + " to " + details.endsOn());
    }

    /** Whether another pilot of the programme already has this name (names are unique within a programme). */
    boolean nameTaken(long programmeId, String name, Long exceptPilotId) {
        return jdbc.sql("SELECT COUNT(*) FROM employer_pilot WHERE programme_id = ? AND LOWER(name) = LOWER(?)"
                        + " AND id <> ?")
                .params(programmeId, name, exceptPilotId == null ? -1L : exceptPilotId).query(Long.class).single() > 0;
    }

    /** Records a session delivered; the day must be within the pilot's dates and not in the future. */
    @Transactional
    public long recordSession(long pilotId, LocalDate heldOn, SessionKind kind, int attendees, long recordedBy) {
        Pilot pilot = find(pilotId).orElseThrow(OutOfScopeException::new);
        if (!pilot.runsOn(heldOn) || heldOn.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("A session must be held within the pilot's dates, by today");
        }
        if (attendees < 0 || attendees > PilotSession.MAX_ATTENDEES) {
            throw new IllegalArgumentException("Attendees must be 0 to " + PilotSession.MAX_ATTENDEES);
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO employer_pilot_session (pilot_id, held_on, kind, attendees, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(pilotId, Date.valueOf(heldOn), kind.name(), attendees, Timestamp.from(clock.instant()),
                        recordedBy)
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        audit.recordChange("CREATE", "employer_pilot_session", id, pilot.providerOrganisationId(),
                pilot.name() + ": " + kind.label() + " on " + heldOn + ", " + attendees + " attended");
        return id;
    }

    /**
     * Reports a measure's value for a quarter, replacing any value reported before (which the audit entry keeps).
     */
    @Transactional
    public void reportMeasure(long pilotId, String measure, Quarter quarter, BigDecimal value, String unit,
            long recordedBy) {
        Pilot pilot = find(pilotId).orElseThrow(OutOfScopeException::new);
        Optional<BigDecimal> before = jdbc.sql("""
                SELECT measure_value FROM employer_pilot_measure
                WHERE pilot_id = ? AND measure = ? AND financial_year = ? AND quarter = ?""")
                .params(pilotId, measure, quarter.financialYear().startYear(), quarter.number())
                .query(BigDecimal.class).optional();
        Timestamp now = Timestamp.from(clock.instant());
        if (before.isPresent()) {
            jdbc.sql("""
                    UPDATE employer_pilot_measure SET measure_value = ?, unit = ?, recorded_at = ?, recorded_by = ?
                    WHERE pilot_id = ? AND measure = ? AND financial_year = ? AND quarter = ?""")
                    .params(value, unit, now, recordedBy, pilotId, measure, quarter.financialYear().startYear(),
                            quarter.number()).update();
        } else {
            jdbc.sql("""
                    INSERT INTO employer_pilot_measure (pilot_id, measure, financial_year, quarter, measure_value, unit,
                                                        recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(pilotId, measure, quarter.financialYear().startYear(), quarter.number(), value, unit, now,
                            recordedBy).update();
        }
        audit.recordChange(before.isPresent() ? "UPDATE" : "CREATE", "employer_pilot_measure", pilotId,
                pilot.providerOrganisationId(), pilot.name() + ", " + measure + ", " + quarter.label() + ": "
                        + before.map(v -> v.toPlainString() + " -> ").orElse("") + value.toPlainString());
    }

    List<PilotSession> sessions(long pilotId) {
        return jdbc.sql("""
                SELECT id, pilot_id, held_on, kind, attendees FROM employer_pilot_session
                WHERE pilot_id = ? ORDER BY held_on DESC, id DESC""").param(pilotId)
                .query((rs, n) -> new PilotSession(rs.getLong("id"), rs.getLong("pilot_id"),
                        rs.getDate("held_on").toLocalDate(), SessionKind.valueOf(rs.getString("kind")),
                        rs.getInt("attendees"))).list();
    }

    List<PilotMeasure> measures(long pilotId) {
        return jdbc.sql("""
                SELECT id, pilot_id, measure, financial_year, quarter, measure_value, unit FROM employer_pilot_measure
                WHERE pilot_id = ? ORDER BY financial_year DESC, quarter DESC, measure""").param(pilotId)
                .query(Pilots::measure).list();
    }

    private static Pilot pilot(ResultSet rs, int row) throws SQLException {
        return new Pilot(rs.getLong("id"), rs.getLong("programme_id"), rs.getLong("hub_organisation_id"),
                rs.getLong("provider_organisation_id"), null, rs.getString("name"),
                rs.getString("aim"), rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                rs.getLong("budget_pence"));
    }

    static PilotMeasure measure(ResultSet rs, int row) throws SQLException {
        return new PilotMeasure(rs.getLong("id"), rs.getLong("pilot_id"), rs.getString("measure"),
                Quarter.of(rs.getInt("financial_year"), rs.getInt("quarter")), rs.getBigDecimal("measure_value"),
                rs.getString("unit"));
    }
}

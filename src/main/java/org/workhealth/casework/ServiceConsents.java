package org.workhealth.casework;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.casework.internal.SupportService;

/**
 * A person's consent to share their details with each service they are referred on to: given when the onward
 * referral is made (or again later), withdrawn when they tell us. Kept as a history per service; the latest change
 * holds. Once withdrawn, nothing more goes to that service (no new onward referral) until it is given again.
 */
@Service
class ServiceConsents {

    /** The longest "who told us" and note: the columns' lengths. */
    static final int TOLD_BY_MAX = 200;
    static final int NOTE_MAX = 500;

    enum Kind { GIVEN, WITHDRAWN }

    /** One change of consent for one service. */
    record Change(long id, long serviceId, String serviceName, Kind kind, LocalDate on, String toldBy, String note,
            String recordedByName, Instant recordedAt) {
    }

    /** Where consent stands for one service: its latest change. */
    record Standing(long serviceId, String serviceName, Change latest) {

        boolean given() {
            return latest.kind() == Kind.GIVEN;
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final StaffNames staff;

    ServiceConsents(JdbcClient jdbc, AuditLog audit, Clock clock, StaffNames staff) {
        this.staff = staff;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Every change on the case, newest first. */
    List<Change> history(long caseId) {
        return staff.name(jdbc.sql(SELECT + " WHERE c.case_id = ? ORDER BY c.id DESC").param(caseId)
                .query(ServiceConsents::map).list());
    }

    /** Each service the case has a consent for, with its latest change, in the order of the service's name. */
    List<Standing> standings(long caseId) {
        Map<Long, Standing> latest = new LinkedHashMap<>();
        for (Change change : history(caseId)) {
            latest.putIfAbsent(change.serviceId(), new Standing(change.serviceId(), change.serviceName(), change));
        }
        return latest.values().stream().sorted(java.util.Comparator.comparing(Standing::serviceName)).toList();
    }

    Optional<Standing> standing(long caseId, long serviceId) {
        List<Change> changes = staff.name(jdbc.sql(SELECT
                + " WHERE c.case_id = ? AND c.service_id = ? ORDER BY c.id DESC FETCH FIRST 1 ROWS ONLY")
                .params(caseId, serviceId).query(ServiceConsents::map).list());
        return changes.stream().findFirst().map(c -> new Standing(c.serviceId(), c.serviceName(), c));
    }

    /** Whether the person has withdrawn their consent to share with this service and not given it again. */
    boolean withdrawn(long caseId, long serviceId) {
        return standing(caseId, serviceId).map(s -> !s.given()).orElse(false);
    }

    /**
     * Records consent given with an onward referral, in the referral's transaction, unless it already holds.
     *
     * @throws ConsentWithdrawnException when the person has withdrawn it: it is given again on its own page
     */
    void givenWithReferral(SupportCase supportCase, SupportService service, LocalDate on, long recordedBy) {
        lock(supportCase.id());
        Optional<Standing> standing = standing(supportCase.id(), service.id());
        if (standing.isPresent() && !standing.get().given()) {
            throw new ConsentWithdrawnException(service.name());
        }
        if (standing.isEmpty()) {
            insert(supportCase, service.id(), Kind.GIVEN, on, null, "Given when the onward referral was made",
                    recordedBy);
            audit.recordChange("CONSENT", "case", supportCase.id(), supportCase.organisationId(),
                    "Consent to share with " + service.name() + " given on " + on + " with the onward referral");
        }
    }

    /** @return false when consent already holds (or was never given for this service), so nothing changed */
    @Transactional
    boolean recordGivenAgain(SupportCase supportCase, Standing standing, LocalDate on, String toldBy, String note,
            long recordedBy) {
        lock(supportCase.id());
        if (standing(supportCase.id(), standing.serviceId()).map(Standing::given).orElse(true)) {
            return false;
        }
        insert(supportCase, standing.serviceId(), Kind.GIVEN, on, toldBy, note, recordedBy);
        audit.recordChange("CONSENT", "case", supportCase.id(), supportCase.organisationId(),
                "Consent to share with " + standing.serviceName() + " given again on " + on);
        return true;
    }

    /**
     * Records that the person withdrew their consent to share with the service: from then on no onward referral
     * to it is made until they give it again. What was shared before stays, as a record of what happened.
     *
     * @return false when consent was not in force, so nothing changed
     */
    @Transactional
    boolean recordWithdrawal(SupportCase supportCase, Standing standing, LocalDate on, String toldBy, String note,
            long recordedBy) {
        lock(supportCase.id());
        if (!standing(supportCase.id(), standing.serviceId()).map(Standing::given).orElse(false)) {
            return false;
        }
        insert(supportCase, standing.serviceId(), Kind.WITHDRAWN, on, toldBy, note, recordedBy);
        audit.recordChange("CONSENT_WITHDRAWN", "case", supportCase.id(), supportCase.organisationId(),
                "Consent to share with " + standing.serviceName() + " withdrawn on " + on);
        return true;
    }

    /** Two people recording at once must not both give (or both withdraw) the same consent. */
    private void lock(long caseId) {
        jdbc.sql("SELECT id FROM support_case WHERE id = ? FOR UPDATE").param(caseId).query(Long.class).single();
    }

    private void insert(SupportCase supportCase, long serviceId, Kind kind, LocalDate on, String toldBy, String note,
            long recordedBy) {
        jdbc.sql("""
                INSERT INTO case_service_consent_change (case_id, service_id, change_kind, changed_on, told_by, note,
                                                         recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(supportCase.id(), serviceId, kind.name(), Date.valueOf(on), toldBy, note, recordedBy,
                Timestamp.from(clock.instant())).update();
    }

    /** Thrown when an onward referral is made to a service the person withdrew their consent to share with. */
    static class ConsentWithdrawnException extends IllegalStateException {
        ConsentWithdrawnException(String service) {
            super("Consent to share with " + service + " was withdrawn");
        }
    }

    private static final String SELECT = """
            SELECT c.id, c.service_id, s.name AS service_name, c.change_kind, c.changed_on, c.told_by, c.note,
                   c.recorded_by, c.recorded_at
            FROM case_service_consent_change c JOIN support_service s ON s.id = c.service_id
            """;

    private static Unnamed<Change> map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        long serviceId = rs.getLong("service_id");
        String serviceName = rs.getString("service_name");
        Kind kind = Kind.valueOf(rs.getString("change_kind"));
        LocalDate on = rs.getDate("changed_on").toLocalDate();
        String toldBy = rs.getString("told_by");
        String note = rs.getString("note");
        Instant recordedAt = rs.getTimestamp("recorded_at").toInstant();
        return new Unnamed<>(rs.getObject("recorded_by", Long.class),
                name -> new Change(id, serviceId, serviceName, kind, on, toldBy, note, name, recordedAt));
    }
}

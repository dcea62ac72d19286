package org.workhealth.casework;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.casework.internal.SupportService;

/** Referrals from a case on to services in the directory, and what became of them. */
@Service
class OnwardReferrals {

    record OnwardReferral(long id, long caseId, long serviceId, String serviceName, OnwardReferralStatus status,
            LocalDate madeOn, LocalDate acceptedOn, LocalDate declinedOn, LocalDate attendedOn, String notes) {

        /** The date of the latest step, which the next step may not come before. */
        LocalDate lastStepOn() {
            return attendedOn != null ? attendedOn : declinedOn != null ? declinedOn
                    : acceptedOn != null ? acceptedOn : madeOn;
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final ServiceConsents consents;

    OnwardReferrals(JdbcClient jdbc, AuditLog audit, Clock clock, ServiceConsents consents) {
        this.consents = consents;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    List<OnwardReferral> forCase(long caseId) {
        return jdbc.sql(SELECT + " WHERE o.case_id = ? ORDER BY o.made_on DESC, o.id DESC").param(caseId)
                .query(OnwardReferrals::map).list();
    }

    Optional<OnwardReferral> find(long caseId, long id) {
        return jdbc.sql(SELECT + " WHERE o.case_id = ? AND o.id = ?").params(caseId, id).query(OnwardReferrals::map)
                .optional();
    }

    /**
     * Makes an onward referral, with the person's consent to share with the service, which is recorded unless it
     * already holds.
     *
     * @throws ServiceConsents.ConsentWithdrawnException when they withdrew it, and nothing is saved
     */
    @Transactional
    long make(SupportCase supportCase, SupportService service, LocalDate madeOn, String notes, long recordedBy) {
        consents.givenWithReferral(supportCase, service, madeOn, recordedBy);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO onward_referral (case_id, service_id, status, made_on, notes, recorded_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(supportCase.id(), service.id(), OnwardReferralStatus.MADE.name(), Date.valueOf(madeOn), notes,
                        recordedBy, Timestamp.from(clock.instant()))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        audit.recordChange("CREATE", "onward-referral", id, supportCase.organisationId(),
                "Case " + supportCase.id() + ": referred to " + service.name() + " on " + madeOn);
        return id;
    }

    /**
     * Moves the referral on. The status in the WHERE clause makes a stale or repeated form do
     * nothing rather than overwrite a later step.
     *
     * @return whether it moved
     */
    @Transactional
    boolean move(SupportCase supportCase, OnwardReferral referral, OnwardReferralStatus to, LocalDate on) {
        if (!referral.status().next().contains(to)) {
            return false;
        }
        String column = switch (to) {
            case ACCEPTED -> "accepted_on";
            case DECLINED -> "declined_on";
            case ATTENDED -> "attended_on";
            case MADE -> throw new IllegalArgumentException("A referral is made only once");
        };
        int changed = jdbc.sql("UPDATE onward_referral SET status = ?, " + column + " = ? WHERE id = ? AND status = ?")
                .params(to.name(), Date.valueOf(on), referral.id(), referral.status().name()).update();
        if (changed == 1) {
            audit.recordChange("UPDATE", "onward-referral", referral.id(), supportCase.organisationId(),
                    "Case " + supportCase.id() + ": " + to.label().toLowerCase() + " on " + on);
        }
        return changed == 1;
    }

    private static final String SELECT = """
            SELECT o.id, o.case_id, o.service_id, s.name AS service_name, o.status, o.made_on, o.accepted_on,
                   o.declined_on, o.attended_on, o.notes
            FROM onward_referral o JOIN support_service s ON s.id = o.service_id
            """;

    private static OnwardReferral map(ResultSet rs, int row) throws SQLException {
        return new OnwardReferral(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("service_id"),
                rs.getString("service_name"), OnwardReferralStatus.valueOf(rs.getString("status")),
                date(rs, "made_on"), date(rs, "accepted_on"), date(rs, "declined_on"), date(rs, "attended_on"),
                rs.getString("notes"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }
}

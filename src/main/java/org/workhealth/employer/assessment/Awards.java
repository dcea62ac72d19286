package org.workhealth.employer.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;

/**
 * Employers' awards. {@link #current} is what other parts of the service show: the highest level awarded and not
 * withdrawn, with its expiry, the date reaccreditation is due, and whether it has lapsed, all worked out from the
 * dates (no job runs for an award to lapse).
 */
@Service
public class Awards {

    private static final String COLUMNS = """
            a.id, a.employer_id, a.hub_organisation_id, a.level_code, l.name AS level_name, a.submission_id,
            a.awarded_on, a.expires_on, a.withdrawn_on, a.withdrawn_reason
            """;

    private final JdbcClient jdbc;
    private final AccreditationSettings settings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Awards(JdbcClient jdbc, AccreditationSettings settings, AuditLog audit, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The employer's award as it stands, if it has one not withdrawn (lapsed or not). */
    public Optional<CurrentAward> current(long employerId) {
        return Optional.ofNullable(current(List.of(employerId)).get(employerId));
    }

    /** The current award of each of these employers that has one, in one query. */
    public Map<Long, CurrentAward> current(Collection<Long> employerIds) {
        Map<Long, CurrentAward> current = new HashMap<>();
        if (employerIds.isEmpty()) {
            return current;
        }
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("SELECT " + COLUMNS + ", l.position FROM accreditation_award a"
                + " JOIN framework_level l ON l.code = a.level_code"
                + " WHERE a.employer_id IN (:ids) AND a.withdrawn_on IS NULL ORDER BY l.position, a.awarded_on")
                .param("ids", List.copyOf(employerIds)).query(Awards::map).list()
                // Ordered by level then date: the last put per employer is its highest, latest award.
                .forEach(a -> current.put(a.employerId(), currentOf(a, today)));
        return current;
    }

    CurrentAward currentOf(Award a, LocalDate today) {
        return new CurrentAward(a.id(), a.levelCode(), a.levelName(), a.awardedOn(), a.expiresOn(),
                a.expiresOn().minus(settings.reaccreditationDueBefore()), a.lapsed(today));
    }

    /** Every award the employer has had, newest first. */
    List<Award> of(long employerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accreditation_award a JOIN framework_level l ON l.code = a.level_code"
                + " WHERE a.employer_id = ? ORDER BY a.awarded_on DESC, a.id DESC").param(employerId)
                .query(Awards::map).list();
    }

    Optional<Award> find(long employerId, long awardId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accreditation_award a JOIN framework_level l ON l.code = a.level_code"
                + " WHERE a.id = ? AND a.employer_id = ?").params(awardId, employerId).query(Awards::map).optional();
    }

    /** Awards current today (not withdrawn, not lapsed), of every employer: for the public register. */
    List<Award> currentEverywhere() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accreditation_award a JOIN framework_level l ON l.code = a.level_code"
                + " WHERE a.withdrawn_on IS NULL AND a.expires_on >= ? ORDER BY l.position, a.awarded_on")
                .param(LocalDate.now(clock)).query(Awards::map).list();
    }

    @Transactional
    void withdraw(Award award, String reason, long by) {
        LocalDate today = LocalDate.now(clock);
        int updated = jdbc.sql("UPDATE accreditation_award SET withdrawn_on = ?, withdrawn_reason = ?, withdrawn_by = ?"
                + " WHERE id = ? AND withdrawn_on IS NULL").params(today, reason, by, award.id()).update();
        if (updated == 1) {
            audit.recordChange("WITHDRAW", "employer-award", award.id(), award.hubOrganisationId(),
                    "Withdrawn: " + reason);
            events.publishEvent(new AwardWithdrawn(award.id(), award.employerId(), today));
        }
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Award map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Award(rs.getLong("id"), rs.getLong("employer_id"), rs.getLong("hub_organisation_id"),
                rs.getString("level_code"), rs.getString("level_name"), (Long) rs.getObject("submission_id", Long.class),
                rs.getObject("awarded_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class),
                rs.getObject("withdrawn_on", LocalDate.class), rs.getString("withdrawn_reason"));
    }
}

package org.workhealth.employer.engagement;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
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
import org.workhealth.employer.Employer;
import org.workhealth.employer.internal.EmployerAccess;
import org.workhealth.employer.internal.EmployerScope;
import org.workhealth.employer.Employers;
import org.workhealth.employer.figures.EmployerMilestones;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/**
 * Engagements held by advisors with employers. Recording one writes its {@code EMPLOYER_ENGAGEMENT} milestone in the
 * same transaction, so the figures and the engagement never disagree. Who may record: an advisor of every employer
 * it was held with, or someone who runs the programme for them. Who may see: anyone who sees one of its employers.
 */
@Service
class Engagements {

    /** Lists show the most recent engagements; a page of this many is plenty for a caseload's recent work. */
    static final int LIST_LIMIT = 100;

    private static final String COLUMNS = """
            g.id, g.hub_organisation_id, g.held_on, g.kind, g.title, g.open_to_many, g.attendees,
            (SELECT COUNT(*) FROM employer_engagement_employer c WHERE c.engagement_id = g.id) AS employers,
            (SELECT MIN(e.name) FROM employer_engagement_employer c JOIN employer e ON e.id = c.employer_id
             WHERE c.engagement_id = g.id) AS first_employer""";

    private final JdbcClient jdbc;
    private final EmployerAccess employerAccess;
    private final EmployerMilestones milestones;
    private final AuditLog audit;
    private final Clock clock;
    private final Employers employers;

    Engagements(JdbcClient jdbc, EmployerAccess employerAccess, EmployerMilestones milestones, AuditLog audit,
            Clock clock, Employers employers) {
        this.employers = employers;
        this.jdbc = jdbc;
        this.employerAccess = employerAccess;
        this.milestones = milestones;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the person may record engagements and case studies for this employer. */
    boolean mayRecordFor(CurrentUser user, long employerId) {
        return employerAccess.advises(user, employerId) || employerAccess.manages(user, employerId);
    }

    /**
     * Records an engagement and its milestone.
     *
     * @throws OutOfScopeException when the person may not record for one of the employers
     * @throws IllegalArgumentException when the employers belong to different hubs, or an answer is out of range
     */
    @Transactional
    long record(CurrentUser user, NewEngagement engagement) {
        if (engagement.employerIds().isEmpty()) {
            throw new IllegalArgumentException("An engagement is held with at least one employer");
        }
        Set<Long> hubs = new LinkedHashSet<>();
        for (long employerId : new LinkedHashSet<>(engagement.employerIds())) {
            Employer employer = employerAccess.readable(user, employerId);
            if (!mayRecordFor(user, employerId)) {
                throw new OutOfScopeException();
            }
            hubs.add(employer.hubOrganisationId());
        }
        if (hubs.size() != 1) {
            throw new IllegalArgumentException("An engagement's employers must all be of one hub");
        }
        if (engagement.heldOn().isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("An engagement is recorded once it has been held");
        }
        return insert(hubs.iterator().next(), engagement, user.id());
    }

    /** Records an engagement with no person's permissions checked: demo data and benchmarks. */
    @Transactional
    long insert(long hub, NewEngagement engagement, long recordedBy) {
        if (engagement.attendees() < 0 || engagement.attendees() > NewEngagement.MAX_ATTENDEES
                || engagement.names().size() > engagement.attendees()) {
            throw new IllegalArgumentException("Attendees must be 0 to " + NewEngagement.MAX_ATTENDEES
                    + " and at least the number of names given");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO employer_engagement (hub_organisation_id, held_on, kind, title, open_to_many, attendees,
                                                 recorded_by, recorded_at)
                VALUES (:hub, :on, :kind, :title, :open, :attendees, :by, :at)""")
                .param("hub", hub).param("on", Date.valueOf(engagement.heldOn()))
                .param("kind", engagement.kind().name()).param("title", engagement.title())
                .param("open", engagement.openToMany()).param("attendees", engagement.attendees())
                .param("by", recordedBy).param("at", Timestamp.from(clock.instant()))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (long employerId : new LinkedHashSet<>(engagement.employerIds())) {
            jdbc.sql("INSERT INTO employer_engagement_employer (engagement_id, employer_id) VALUES (?, ?)")
                    .params(id, employerId).update();
        }
        for (String name : engagement.names()) {
            jdbc.sql("INSERT INTO employer_engagement_attendee (engagement_id, full_name) VALUES (?, ?)")
                    .params(id, name).update();
        }
        Optional<Long> milestone = milestones.record(MilestoneType.EMPLOYER_ENGAGEMENT, hub, engagement.heldOn(),
                Map.of("engagement", String.valueOf(id), "kind", engagement.kind().name(),
                        "attendees", String.valueOf(engagement.attendees())), recordedBy);
        milestone.ifPresent(m -> jdbc.sql("UPDATE employer_engagement SET milestone_id = ? WHERE id = ?")
                .params(m, id).update());
        audit.recordChange("CREATE", "employer_engagement", id, hub, engagement.kind().name() + " on "
                + engagement.heldOn() + ", " + engagement.attendees() + " attended, " + engagement.employerIds().size()
                + " employer(s)" + (engagement.names().isEmpty() ? "" : ", " + engagement.names().size() + " named"));
        return id;
    }

    /** The most recent engagements with employers the person sees, in one query. */
    List<Engagement> recent(CurrentUser user) {
        EmployerScope scope = employerAccess.scope(user);
        if (scope.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM employer_engagement g WHERE EXISTS (SELECT 1 FROM "
                        + "employer_engagement_employer l WHERE l.engagement_id = g.id AND " + scope.where("l.employer_id")
                        + ") ORDER BY g.held_on DESC, g.id DESC FETCH FIRST " + LIST_LIMIT + " ROWS ONLY")
                .params(scope.parameters()).query(Engagements::engagement).list();
    }

    /** @throws OutOfScopeException when there is no such engagement or the person sees none of its employers */
    Engagement readable(CurrentUser user, long id) {
        EmployerScope scope = employerAccess.scope(user);
        if (scope.isEmpty()) {
            throw new OutOfScopeException();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM employer_engagement g WHERE g.id = :id AND EXISTS (SELECT 1 FROM "
                        + "employer_engagement_employer l WHERE l.engagement_id = g.id AND " + scope.where("l.employer_id")
                        + ")")
                .param("id", id).params(scope.parameters()).query(Engagements::engagement).optional()
                .orElseThrow(OutOfScopeException::new);
    }

    /** The employers' names, for the engagement's page. */
    List<String> employerNames(long engagementId) {
        return jdbc.sql("""
                SELECT e.name FROM employer_engagement_employer l JOIN employer e ON e.id = l.employer_id
                WHERE l.engagement_id = ? ORDER BY e.name""").param(engagementId).query(String.class).list();
    }

    /** Who attended, where known: personal data, so the caller's page writes its one view entry. */
    List<String> attendeeNames(long engagementId) {
        return jdbc.sql("SELECT full_name FROM employer_engagement_attendee WHERE engagement_id = ? ORDER BY id")
                .param(engagementId).query(String.class).list();
    }

    /**
     * The employers the person may record engagements for, by name (at most 500, for the form's checkboxes), in one
     * query: an advisor's or programme manager's employer scope is exactly who they may record for.
     */
    List<Employer> recordableFor(CurrentUser user) {
        if (!user.has(Permission.ADVISE_EMPLOYERS) && !user.has(Permission.MANAGE_EMPLOYER_PROGRAMME)) {
            return List.of();
        }
        EmployerScope scope = employerAccess.scope(user);
        if (scope.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("SELECT e.id FROM employer e WHERE " + scope.whereEmployer("e")
                        + " AND e.status = 'CONFIRMED' ORDER BY e.name FETCH FIRST 500 ROWS ONLY")
                .params(scope.parameters()).query(Long.class).list();
        return ids.isEmpty() ? List.of() : employers.findAll(ids).stream()
                .sorted(java.util.Comparator.comparing(Employer::name)).toList();
    }

    private static Engagement engagement(ResultSet rs, int row) throws SQLException {
        int employers = rs.getInt("employers");
        String first = rs.getString("first_employer");
        return new Engagement(rs.getLong("id"), rs.getLong("hub_organisation_id"), rs.getDate("held_on").toLocalDate(),
                EngagementKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getBoolean("open_to_many"),
                rs.getInt("attendees"), employers,
                employers <= 1 ? first : first + " and " + (employers - 1) + " more");
    }
}

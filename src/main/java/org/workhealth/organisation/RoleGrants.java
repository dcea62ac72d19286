package org.workhealth.organisation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Separation of duties for roles that read personal data: an administrator of an organisation above the
 * person's gives such a role at once; an administrator of the person's own organisation only asks for it, and a
 * second administrator approves. Every grant is kept, so the person can see who gave them each role and when.
 * Callers ({@link People}) check scope, refuse changes to one's own roles and audit.
 */
@Service
class RoleGrants {

    /** A role asked for or given. Names are those of the administrators who asked and decided. */
    public record Grant(long id, long personId, String personName, Role role, String status, long requestedBy, String requestedByName,
            Instant requestedAt, Long decidedBy, String decidedByName, Instant decidedAt) {

        private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
                .ofPattern("d MMMM yyyy", java.util.Locale.UK).withZone(java.time.ZoneId.of("Europe/London"));

        boolean mayBeDecidedBy(CurrentUser actor) {
            return "PENDING".equals(status) && actor.id() != requestedBy && actor.id() != personId;
        }

        public String requestedOn() {
            return DAY.format(requestedAt);
        }

        public String decidedOn() {
            return decidedAt == null ? "" : DAY.format(decidedAt);
        }
    }

    /** Which of the added roles were given now and which wait for a second administrator. */
    record Outcome(Set<Role> given, Set<Role> awaitingApproval) {
    }

    private static final String SELECT = """
            SELECT g.id, g.person_id, p.full_name AS person_name, p.organisation_id, g.role, g.status, g.requested_by, r.full_name AS requested_by_name,
                   g.requested_at, g.decided_by, d.full_name AS decided_by_name, g.decided_at
            FROM role_grant g
            JOIN person p ON p.id = g.person_id
            JOIN person r ON r.id = g.requested_by
            LEFT JOIN person d ON d.id = g.decided_by
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    RoleGrants(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An administrator of an organisation above the person's is the second pair of eyes already. */
    static boolean needsApproval(CurrentUser actor, Person person, Role role) {
        return role.readsPersonalData() && actor.organisationId() == person.organisationId();
    }

    /**
     * Records the roles an administrator added: given at once, or waiting for approval. Requests still waiting
     * for a role no longer asked for are withdrawn.
     */
    Outcome request(CurrentUser actor, Person person, Set<Role> added, Set<Role> stillWanted) {
        jdbc.sql("""
                UPDATE role_grant SET status = 'WITHDRAWN', decided_by = :actor, decided_at = :now
                WHERE person_id = :person AND status = 'PENDING' AND role NOT IN (:wanted)
                """).param("actor", actor.id()).param("now", now()).param("person", person.id())
                .param("wanted", stillWanted.isEmpty() ? List.of("") : stillWanted.stream().map(Role::name).toList())
                .update();
        Set<Role> given = EnumSet.noneOf(Role.class);
        Set<Role> waiting = EnumSet.noneOf(Role.class);
        for (Role role : added) {
            if (needsApproval(actor, person, role)) {
                waiting.add(role);
                if (pending(person.id()).stream().noneMatch(g -> g.role() == role)) {
                    insert(person.id(), role, "PENDING", actor.id(), null);
                }
            } else {
                given.add(role);
                insert(person.id(), role, "GRANTED", actor.id(), actor.id());
            }
        }
        return new Outcome(given, waiting);
    }

    List<Grant> pending(long personId) {
        return jdbc.sql(SELECT + " WHERE g.person_id = :person AND g.status = 'PENDING' ORDER BY g.id")
                .param("person", personId).query(RoleGrants::grant).list();
    }

    /** Requests waiting for approval for people in these organisations. */
    List<Grant> pendingWithin(Set<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                 WHERE g.status = 'PENDING' AND p.organisation_id IN (:organisations) ORDER BY g.id
                """).param("organisations", organisationIds).query(RoleGrants::grant).list();
    }

    /** How the person came to hold each of their roles, newest first, for roles they still hold. */
    List<Grant> givenTo(long personId, Set<Role> held) {
        return jdbc.sql(SELECT + " WHERE g.person_id = :person AND g.status = 'GRANTED' ORDER BY g.decided_at DESC, g.id DESC")
                .param("person", personId).query(RoleGrants::grant).list().stream()
                .filter(g -> held.contains(g.role())).toList();
    }

    /**
     * Approves or refuses a request for the person, once: the status changes only while it is still pending, so
     * two administrators deciding at the same moment cannot both apply it.
     *
     * @throws OutOfScopeException when there is no such request for the person, or the actor asked for it
     */
    Grant decide(CurrentUser actor, long personId, long grantId, boolean approve) {
        Grant grant = jdbc.sql(SELECT + " WHERE g.id = :id AND g.person_id = :person").param("id", grantId)
                .param("person", personId).query(RoleGrants::grant).optional().orElseThrow(OutOfScopeException::new);
        if (!grant.mayBeDecidedBy(actor)) {
            throw new OutOfScopeException();
        }
        int changed = jdbc.sql("""
                UPDATE role_grant SET status = :status, decided_by = :actor, decided_at = :now
                WHERE id = :id AND status = 'PENDING'
                """).param("status", approve ? "GRANTED" : "REFUSED").param("actor", actor.id()).param("now", now())
                .param("id", grantId).update();
        if (changed == 0) {
            throw new OutOfScopeException();
        }
        return grant;
    }

    private void insert(long personId, Role role, String status, long requestedBy, Long decidedBy) {
        Timestamp now = now();
        jdbc.sql("""
                INSERT INTO role_grant (person_id, role, status, requested_by, requested_at, decided_by, decided_at)
                VALUES (:person, :role, :status, :requestedBy, :now, :decidedBy, :decidedAt)
                """).param("person", personId).param("role", role.name()).param("status", status)
                .param("requestedBy", requestedBy).param("now", now).param("decidedBy", decidedBy)
                .param("decidedAt", decidedBy == null ? null : now).update();
    }

    private static Grant grant(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long decidedBy = rs.getLong("decided_by");
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new Grant(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"), Role.valueOf(rs.getString("role")),
                rs.getString("status"), rs.getLong("requested_by"), rs.getString("requested_by_name"),
                rs.getTimestamp("requested_at").toInstant(), decidedAt == null ? null : decidedBy,
                rs.getString("decided_by_name"), decidedAt == null ? null : decidedAt.toInstant());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}

package org.workhealth.referral;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.FirstContact.Attempt;
import org.workhealth.referral.FirstContact.ContactReferral;
import org.workhealth.referral.FirstContact.TimelineEntry;

/**
 * What first contact reads: the referral, its attempts and its timeline, from the referral module's tables, with
 * the names of programmes, cohorts and people from the modules that own them (one look-up per page, not per row).
 */
final class ContactQueries {

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final People people;

    ContactQueries(JdbcClient jdbc, Programmes programmes, People people) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.people = people;
    }

    Optional<ContactReferral> find(long id) {
        return jdbc.sql("""
                SELECT r.id, r.reference, r.status, r.routed_organisation_id, r.first_name, r.last_name,
                       r.date_of_birth, r.phone, r.email, r.contact_preference, r.best_times, r.programme_id,
                       r.cohort_id, r.assigned_person_id, r.employment_status, r.received_at
                FROM referral r WHERE r.id = ?
                """).param(id).query((rs, n) -> {
                    Long programmeId = (Long) rs.getObject("programme_id", Long.class);
                    Long cohortId = (Long) rs.getObject("cohort_id", Long.class);
                    Long assignedId = (Long) rs.getObject("assigned_person_id", Long.class);
                    Optional<Programme> programme = programmeId == null ? Optional.empty()
                            : programmes.find(programmeId);
                    String cohortName = cohortId == null ? null : programme.stream()
                            .flatMap(p -> p.cohorts().stream()).filter(c -> cohortId.equals(c.id()))
                            .map(Programme.Cohort::name).findFirst().orElse(null);
                    Optional<Person> assigned = assignedId == null ? Optional.empty()
                            : people.findAll(List.of(assignedId)).stream().findFirst();
                    return new ContactReferral(rs.getLong("id"), rs.getString("reference"),
                            ReferralStatus.valueOf(rs.getString("status")), rs.getLong("routed_organisation_id"),
                            rs.getString("first_name") + " " + rs.getString("last_name"),
                            rs.getDate("date_of_birth").toLocalDate(), rs.getString("phone"), rs.getString("email"),
                            rs.getString("contact_preference"), rs.getString("best_times"), programmeId,
                            programme.map(Programme::name).orElse(null), cohortId, cohortName, assignedId,
                            assigned.map(Person::fullName).orElse(null),
                            assigned.map(Person::organisationId).orElse(null), rs.getString("employment_status"),
                            rs.getTimestamp("received_at").toInstant());
                }).optional();
    }

    List<Attempt> attempts(long referralId) {
        record Row(long id, java.time.LocalDate on, String channel, String outcome, Long by) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT a.id, a.attempted_on, a.channel, a.outcome, a.recorded_by FROM contact_attempt a
                WHERE a.referral_id = ? ORDER BY a.attempted_on, a.id
                """).param(referralId).query((rs, n) -> new Row(rs.getLong("id"),
                        rs.getDate("attempted_on").toLocalDate(), rs.getString("channel"), rs.getString("outcome"),
                        (Long) rs.getObject("recorded_by", Long.class))).list();
        Map<Long, String> names = names(rows.stream().map(Row::by).toList());
        return rows.stream().map(r -> new Attempt(r.id(), r.on(), ContactChannel.valueOf(r.channel()),
                ContactOutcome.valueOf(r.outcome()), names.get(r.by()))).toList();
    }

    List<TimelineEntry> timeline(long referralId) {
        record Row(TimelineEntry entry, Long actor) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT e.occurred_at, e.kind, e.detail, e.actor_id FROM referral_event e
                WHERE e.referral_id = ? ORDER BY e.occurred_at DESC, e.id DESC
                """).param(referralId).query((rs, n) -> new Row(new TimelineEntry(
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"), rs.getString("detail"),
                        null), (Long) rs.getObject("actor_id", Long.class))).list();
        Map<Long, String> names = names(rows.stream().map(Row::actor).toList());
        return rows.stream().map(r -> new TimelineEntry(r.entry().occurredAt(), r.entry().kind(),
                r.entry().detail(), names.get(r.actor()))).toList();
    }

    /** The full names of these people, in one look-up. */
    private Map<Long, String> names(Collection<Long> ids) {
        return people.findAll(ids.stream().filter(Objects::nonNull).distinct().toList()).stream()
                .collect(Collectors.toMap(Person::id, Person::fullName, (a, b) -> a));
    }
}

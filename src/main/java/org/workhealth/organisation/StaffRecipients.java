package org.workhealth.organisation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;

/**
 * Who among the staff gets a message: active people holding a role in some organisations, or given people, less
 * those who chose not to get that category of message. One query however many organisations or people.
 */
@Service
public class StaffRecipients {

    /** A member of staff to send a message to. */
    public record Recipient(long personId, String email, String fullName, long organisationId) {
    }

    private static final String COLUMNS = "SELECT p.id, p.email, p.full_name, p.organisation_id FROM person p ";
    private static final String NOT_OPTED_OUT = """
             AND NOT EXISTS (SELECT 1 FROM person_message_opt_out o WHERE o.person_id = p.id AND o.category = :category)
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    StaffRecipients(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Active holders of {@code role} in these organisations, by organisation and name.
     *
     * @param optional the message's category, or null for one nobody can refuse
     */
    public List<Recipient> holding(Role role, Collection<Long> organisationIds, StaffMessageCategory optional) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + """
                WHERE p.active = TRUE AND p.organisation_id IN (:organisations)
                  AND EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = :role)""" + (
                optional == null ? "" : NOT_OPTED_OUT) + " ORDER BY p.organisation_id, p.full_name, p.id")
                .param("organisations", List.copyOf(organisationIds)).param("role", role.name())
                .param("category", optional == null ? "" : optional.name())
                .query(StaffRecipients::recipient).list();
    }

    /** These people, when active and not opted out of the category (null: one nobody can refuse). */
    public List<Recipient> people(Collection<Long> personIds, StaffMessageCategory optional) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + "WHERE p.active = TRUE AND p.id IN (:ids)" + (optional == null ? ""
                : NOT_OPTED_OUT) + " ORDER BY p.id").param("ids", List.copyOf(personIds))
                .param("category", optional == null ? "" : optional.name())
                .query(StaffRecipients::recipient).list();
    }

    /** The categories this person chose not to get. */
    Set<StaffMessageCategory> optedOut(long personId) {
        Set<StaffMessageCategory> out = EnumSet.noneOf(StaffMessageCategory.class);
        jdbc.sql("SELECT category FROM person_message_opt_out WHERE person_id = ?").param(personId)
                .query(String.class).list().forEach(c -> out.add(StaffMessageCategory.valueOf(c)));
        return out;
    }

    /** Records which of the offered categories the person wants; the others are opted out of. */
    @Transactional
    void choose(CurrentUser user, Set<StaffMessageCategory> offered, Set<StaffMessageCategory> wanted) {
        List<String> names = new ArrayList<>(offered.stream().map(Enum::name).toList());
        if (!names.isEmpty()) {
            jdbc.sql("DELETE FROM person_message_opt_out WHERE person_id = :id AND category IN (:categories)")
                    .param("id", user.id()).param("categories", names).update();
        }
        for (StaffMessageCategory category : offered) {
            if (!wanted.contains(category)) {
                jdbc.sql("INSERT INTO person_message_opt_out (person_id, category, opted_out_at) VALUES (?, ?, ?)")
                        .params(user.id(), category.name(), Timestamp.from(clock.instant())).update();
            }
        }
        audit.recordChange("UPDATE", "person_message_opt_out", user.id(), user.organisationId(),
                "Wants: " + (wanted.isEmpty() ? "none" : String.join(", ", wanted.stream().map(Enum::name).toList())));
    }

    private static Recipient recipient(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4));
    }
}

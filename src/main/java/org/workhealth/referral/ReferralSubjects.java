package org.workhealth.referral;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.notification.Messages;
import org.workhealth.referral.internal.ReferralAcknowledgements;
import org.workhealth.subjectaccess.HeldRecords;
import org.workhealth.subjectaccess.RecordSet;
import org.workhealth.subjectaccess.Subject;
import org.workhealth.subjectaccess.SubjectFinder;
import org.workhealth.subjectaccess.SubjectQuery;

/** Who people are, for subject access requests: found by NHS number or surname and date of birth. */
@Component
class ReferralSubjects implements SubjectFinder, HeldRecords {

    private static final String SELECT = """
            SELECT id, reference, first_name, last_name, date_of_birth, nhs_number, received_at, status
            FROM referral
            """;

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;

    private final Messages messages;

    ReferralSubjects(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<Subject> find(SubjectQuery query) {
        // NHS numbers are stored as their 10 digits; surnames match in any case.
        return (query.byNhsNumber()
                ? jdbc.sql(SELECT + " WHERE nhs_number = ? ORDER BY id DESC").param(query.nhsNumber())
                : jdbc.sql(SELECT + " WHERE LOWER(last_name) = ? AND date_of_birth = ? ORDER BY id DESC")
                        .params(query.lastName().toLowerCase(Locale.ROOT), Date.valueOf(query.dateOfBirth())))
                .query(ReferralSubjects::subject).list();
    }

    @Override
    public Optional<Subject> find(long referralId) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(referralId).query(ReferralSubjects::subject).optional();
    }

    private static Subject subject(ResultSet rs, int row) throws SQLException {
        return new Subject(rs.getLong("id"), rs.getString("reference"),
                rs.getString("first_name") + " " + rs.getString("last_name"), rs.getDate("date_of_birth").toLocalDate(),
                rs.getString("nhs_number"), rs.getTimestamp("received_at").toInstant().atZone(LONDON).toLocalDate(),
                ReferralStatus.valueOf(rs.getString("status")).label());
    }

    /** The organisation the referral was routed to holds it. */
    @Override
    public Map<Long, Set<Long>> holders(Collection<Long> referralIds) {
        if (referralIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Set<Long>> holders = new HashMap<>();
        jdbc.sql("SELECT id, routed_organisation_id FROM referral WHERE id IN (:ids)").param("ids", referralIds)
                .query((RowCallbackHandler) rs -> holders.put(rs.getLong(1), Set.of(rs.getLong(2))));
        return holders;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public List<RecordSet> heldAbout(long referralId) {
        List<RecordSet> sets = new ArrayList<>();
        add(sets, "Referral", jdbc.sql("SELECT * FROM referral WHERE id = ?").param(referralId)
                .query(RecordSet.row("match_key", "submission_key", "version")).list());
        add(sets, "Referral history", jdbc.sql("SELECT * FROM referral_event WHERE referral_id = ? ORDER BY id")
                .param(referralId).query(RecordSet.row()).list());
        add(sets, "Attempts to contact", jdbc.sql("SELECT * FROM contact_attempt WHERE referral_id = ? ORDER BY id")
                .param(referralId).query(RecordSet.row()).list());
        add(sets, "Messages about the referral", messages.heldFor(List.of(ReferralAcknowledgements.key(referralId),
                ReferralOutcomeMessages.key(referralId))));
        return sets;
    }

    private static void add(List<RecordSet> sets, String title, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            sets.add(new RecordSet(title, rows));
        }
    }
}

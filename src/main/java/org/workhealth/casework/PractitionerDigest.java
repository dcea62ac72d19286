package org.workhealth.casework;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.notification.MessageTemplate;
import org.workhealth.notification.Messages;
import org.workhealth.notification.NewMessage;
import org.workhealth.organisation.StaffMessageCategory;
import org.workhealth.organisation.StaffRecipients;
import org.workhealth.platform.DailyJob;

/**
 * Once a day, each key worker with an overdue review (the rule of {@link CaseReviews#overdue}) or an overdue
 * sustainment check gets one email listing them by case reference: no names or health details. Nothing is sent to
 * someone with nothing overdue, or who chose not to get the digest. One query each for reviews, checks and people.
 */
@Component
class PractitionerDigest implements DailyJob {

    /** Cases listed per kind in one message; the count says how many there are in all. */
    static final int SHOWN = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private record Overdue(long keyWorkerId, String reference, LocalDate dueOn) {
    }

    private final JdbcClient jdbc;
    private final StaffRecipients recipients;
    private final Messages messages;

    PractitionerDigest(JdbcClient jdbc, StaffRecipients recipients, Messages messages) {
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.messages = messages;
    }

    static String key(long personId, LocalDate day) {
        return "practitioner-digest:" + personId + ":" + day;
    }

    @Override
    public String name() {
        return "practitioner-digest";
    }

    @Override
    @Transactional
    public void run(LocalDate today) {
        Map<Long, List<Overdue>> reviews = byKeyWorker(jdbc.sql("""
                SELECT c.key_worker_id, c.reference, COALESCE(r.next_due, p.next_due) AS due_on
                FROM support_case c
                LEFT JOIN (SELECT case_id, MAX(next_review_on) AS next_due FROM case_review GROUP BY case_id) r
                       ON r.case_id = c.id
                LEFT JOIN (SELECT case_id, MIN(review_due_on) AS next_due FROM action_plan
                           WHERE status = 'AGREED' GROUP BY case_id) p
                       ON p.case_id = c.id
                WHERE c.status = :open AND COALESCE(r.next_due, p.next_due) < :today
                ORDER BY due_on, c.reference""").param("open", CaseStatus.OPEN.name())
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new Overdue(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate())).list());
        // Closed cases count too, as on the practitioner's home page: checks fall due after people leave support.
        Map<Long, List<Overdue>> checks = byKeyWorker(jdbc.sql("""
                SELECT c.key_worker_id, c.reference, s.due_on
                FROM sustainment_check s JOIN support_case c ON c.id = s.case_id
                WHERE s.checked_on IS NULL AND s.due_on < :today AND c.erased_at IS NULL
                ORDER BY s.due_on, c.reference""").param("today", Date.valueOf(today))
                .query((rs, n) -> new Overdue(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate())).list());
        Set<Long> keyWorkers = new LinkedHashSet<>(reviews.keySet());
        keyWorkers.addAll(checks.keySet());
        for (StaffRecipients.Recipient person : recipients.people(keyWorkers,
                StaffMessageCategory.PRACTITIONER_DIGEST)) {
            List<Overdue> theirReviews = reviews.getOrDefault(person.personId(), List.of());
            List<Overdue> theirChecks = checks.getOrDefault(person.personId(), List.of());
            messages.queue(new NewMessage(key(person.personId(), today), MessageTemplate.PRACTITIONER_DIGEST,
                    NewMessage.Channel.EMAIL, person.email(), Map.of("first_name", firstName(person.fullName()),
                            "reviews_count", String.valueOf(theirReviews.size()), "reviews", listed(theirReviews),
                            "checks_count", String.valueOf(theirChecks.size()), "checks", listed(theirChecks)),
                    person.organisationId()));
        }
    }

    private static Map<Long, List<Overdue>> byKeyWorker(List<Overdue> rows) {
        Map<Long, List<Overdue>> grouped = new TreeMap<>();
        rows.forEach(r -> grouped.computeIfAbsent(r.keyWorkerId(), id -> new ArrayList<>()).add(r));
        return grouped;
    }

    static String listed(List<Overdue> rows) {
        if (rows.isEmpty()) {
            return "None";
        }
        StringBuilder text = new StringBuilder();
        rows.stream().limit(SHOWN).forEach(r -> text.append(text.isEmpty() ? "" : "\n").append("* Case ")
                .append(r.reference()).append(", due ").append(DAY.format(r.dueOn())));
        if (rows.size() > SHOWN) {
            text.append("\n* and ").append(rows.size() - SHOWN).append(" more");
        }
        return text.toString();
    }

    private static String firstName(String fullName) {
        String name = fullName == null ? "" : fullName.strip();
        int space = name.indexOf(' ');
        return space > 0 ? name.substring(0, space) : name;
    }
}

package org.workhealth.referral;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.calendar.WorkingDays;
import org.workhealth.notification.MessageTemplate;
import org.workhealth.notification.Messages;
import org.workhealth.notification.NewMessage;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.Role;
import org.workhealth.organisation.StaffMessageCategory;
import org.workhealth.organisation.StaffRecipients;
import org.workhealth.platform.DailyJob;

/**
 * Once a day, tells each provider manager of an organisation that triages referrals how many of its open referrals
 * are past the 2-working-day deadline (due before today) and how many are due by the end of the next working day,
 * with their references: never names or health details. One message per manager per day (the key names the day);
 * managers who chose not to get these alerts get none. One query for the referrals, one for the managers.
 */
@Component
class ReferralDueAlerts implements DailyJob {

    /** References listed in one message; the counts say how many there are in all. */
    static final int REFERENCES_SHOWN = 30;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private record Due(String reference, long organisationId, boolean overdue) {
    }

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final StaffRecipients recipients;
    private final Messages messages;
    private final Organisations organisations;

    ReferralDueAlerts(JdbcClient jdbc, WorkingDays workingDays, StaffRecipients recipients, Messages messages,
            Organisations organisations) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.recipients = recipients;
        this.messages = messages;
        this.organisations = organisations;
    }

    static String key(long personId, LocalDate day) {
        return "referrals-due-alert:" + personId + ":" + day;
    }

    @Override
    public String name() {
        return "referrals-due-alerts";
    }

    @Override
    @Transactional
    public void run(LocalDate today) {
        Timestamp startOfToday = Timestamp.from(today.atStartOfDay(LONDON).toInstant());
        // Due at 17:00 on a working day: anything due before the day after the next working day is due by its end.
        LocalDate next = workingDays.addWorkingDays(today, 1);
        Timestamp horizon = Timestamp.from(next.plusDays(1).atStartOfDay(LONDON).toInstant());
        List<Due> due = jdbc.sql("""
                SELECT reference, routed_organisation_id, response_due_at FROM referral
                WHERE status IN (:open) AND response_due_at < :horizon
                ORDER BY routed_organisation_id, response_due_at, id""")
                .param("open", ReferralStatus.OPEN.stream().map(Enum::name).toList()).param("horizon", horizon)
                .query((rs, n) -> new Due(rs.getString(1), rs.getLong(2),
                        rs.getTimestamp(3).before(startOfToday))).list();
        if (due.isEmpty()) {
            return;
        }
        Map<Long, List<Due>> byOrganisation = new LinkedHashMap<>();
        due.forEach(d -> byOrganisation.computeIfAbsent(d.organisationId(), id -> new ArrayList<>()).add(d));
        Map<Long, String> names = organisations.namesById();
        for (StaffRecipients.Recipient manager : recipients.holding(Role.PROVIDER_MANAGER, byOrganisation.keySet(),
                StaffMessageCategory.OVERDUE_REFERRALS)) {
            List<Due> theirs = byOrganisation.get(manager.organisationId());
            List<String> overdue = theirs.stream().filter(Due::overdue).map(Due::reference).toList();
            List<String> soon = theirs.stream().filter(d -> !d.overdue()).map(Due::reference).toList();
            messages.queue(new NewMessage(key(manager.personId(), today), MessageTemplate.REFERRALS_DUE_ALERT,
                    NewMessage.Channel.EMAIL, manager.email(), Map.of(
                            "organisation", names.getOrDefault(manager.organisationId(), "your organisation"),
                            "overdue_count", String.valueOf(overdue.size()), "overdue_references", listed(overdue),
                            "due_count", String.valueOf(soon.size()), "due_references", listed(soon)),
                    manager.organisationId()));
        }
    }

    static String listed(List<String> references) {
        if (references.isEmpty()) {
            return "None";
        }
        String shown = String.join(", ", references.subList(0, Math.min(REFERENCES_SHOWN, references.size())));
        return references.size() > REFERENCES_SHOWN
                ? shown + " and " + (references.size() - REFERENCES_SHOWN) + " more" : shown;
    }
}

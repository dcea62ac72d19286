package org.workhealth.casework;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.notification.MessageTemplate;
import org.workhealth.notification.Messages;
import org.workhealth.notification.NewMessage;
import org.workhealth.organisation.Organisations;
import org.workhealth.platform.DailyJob;

/**
 * Once a day, reminds each person with a planned appointment tomorrow (whatever day of the week that is) by the way
 * they chose, unless they asked for no reminders. The reminder's key names the appointment and its day, so a second
 * run for the same day makes nothing new. One query for the appointments, one each for choices and contacts.
 */
@Component
class AppointmentReminders implements DailyJob {

    private record Due(long appointmentId, LocalDateTime startsAt, AppointmentChannel channel, String place,
            long caseId, long referralId, long organisationId) {
    }

    private final JdbcClient jdbc;
    private final CaseMessageChoices choices;
    private final Messages messages;
    private final Organisations organisations;

    AppointmentReminders(JdbcClient jdbc, CaseMessageChoices choices, Messages messages,
            Organisations organisations) {
        this.jdbc = jdbc;
        this.choices = choices;
        this.messages = messages;
        this.organisations = organisations;
    }

    @Override
    public String name() {
        return "appointment-reminders";
    }

    @Override
    @Transactional
    public void run(LocalDate today) {
        LocalDate tomorrow = today.plusDays(1);
        List<Due> due = jdbc.sql("""
                SELECT a.id, a.starts_at, a.channel, a.place, c.id AS case_id, c.referral_id, c.organisation_id
                FROM appointment a JOIN support_case c ON c.id = a.case_id
                WHERE a.status = 'PLANNED' AND c.status = :open AND c.erased_at IS NULL
                  AND a.starts_at >= :from AND a.starts_at < :to
                ORDER BY a.id""")
                .param("open", CaseStatus.OPEN.name())
                .param("from", Timestamp.valueOf(tomorrow.atStartOfDay()))
                .param("to", Timestamp.valueOf(tomorrow.plusDays(1).atStartOfDay()))
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getTimestamp("starts_at").toLocalDateTime(),
                        AppointmentChannel.valueOf(rs.getString("channel")), rs.getString("place"),
                        rs.getLong("case_id"), rs.getLong("referral_id"), rs.getLong("organisation_id")))
                .list();
        if (due.isEmpty()) {
            return;
        }
        List<CaseMessageChoices.CaseRef> refs = new ArrayList<>();
        due.forEach(d -> refs.add(new CaseMessageChoices.CaseRef(d.caseId(), d.referralId())));
        Map<Long, CaseMessageChoices.Route> routes = choices.routes(refs);
        Map<Long, String> services = organisations.namesById();
        for (Due d : due) {
            CaseMessageChoices.Route route = routes.get(d.caseId());
            if (route == null || !route.reachable() || !route.reminders()) {
                continue;
            }
            boolean email = route.channel() == NewMessage.Channel.EMAIL;
            messages.queue(new NewMessage(CaseMessages.reminderKey(d.appointmentId(), d.startsAt()),
                    email ? MessageTemplate.APPOINTMENT_REMINDER : MessageTemplate.APPOINTMENT_REMINDER_SMS,
                    route.channel(), route.address(), CaseMessages.appointmentFields(route, email, d.startsAt(),
                            d.channel(), d.place(), services.getOrDefault(d.organisationId(), "the service")),
                    d.organisationId()));
        }
    }
}

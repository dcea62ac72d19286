package org.workhealth.casework;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.notification.MessageTemplate;
import org.workhealth.notification.Messages;
import org.workhealth.notification.NewMessage;
import org.workhealth.organisation.Organisations;

/**
 * The messages a case sends its person (and, with their consent, their employer), queued in the transaction of what
 * causes them, by the channel the person chose ({@link CaseMessageChoices}). Their event keys name the appointment or
 * the plan share, so that erasing the case forgets them and its subject access export lists them.
 */
@Component
class CaseMessages {

    /** Room for the plan's actions in the 4,000 characters of personalisation, with the other fields and quoting. */
    static final int ACTIONS_LIMIT = 2500;
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Messages messages;
    private final CaseMessageChoices choices;
    private final Organisations organisations;
    private final JdbcClient jdbc;

    CaseMessages(Messages messages, CaseMessageChoices choices, Organisations organisations, JdbcClient jdbc) {
        this.messages = messages;
        this.choices = choices;
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    static String bookedKey(long appointmentId) {
        return "appointment-booked:" + appointmentId;
    }

    /** Keyed by the appointment's day too: the daily run for that day makes it once. */
    static String reminderKey(long appointmentId, LocalDateTime startsAt) {
        return "appointment-reminder:" + appointmentId + ":" + startsAt.toLocalDate();
    }

    static String planToPersonKey(long shareId) {
        return "plan-shared-person:" + shareId;
    }

    static String planToEmployerKey(long shareId) {
        return "plan-shared-employer:" + shareId;
    }

    /** Confirms an appointment still to come, unless the person gets no messages or cannot be reached. */
    void appointmentBooked(SupportCase supportCase, long appointmentId, LocalDateTime startsAt,
            AppointmentChannel channel, String place) {
        CaseMessageChoices.Route route = choices.route(supportCase);
        if (route == null || !route.reachable()) {
            return;
        }
        String service = serviceName(supportCase.organisationId());
        boolean email = route.channel() == NewMessage.Channel.EMAIL;
        messages.queue(new NewMessage(bookedKey(appointmentId),
                email ? MessageTemplate.APPOINTMENT_BOOKED : MessageTemplate.APPOINTMENT_BOOKED_SMS, route.channel(),
                route.address(), appointmentFields(route, email, startsAt, channel, place, service),
                supportCase.organisationId()));
    }

    /** The fields of a confirmation or reminder; only an email greets the person by name. */
    static Map<String, String> appointmentFields(CaseMessageChoices.Route route, boolean email,
            LocalDateTime startsAt, AppointmentChannel channel, String place, String service) {
        String when = CasePages.appointmentTime(startsAt);
        String how = how(channel, place);
        return email ? Map.of("first_name", route.contact().firstName(), "when", when, "how", how, "service", service)
                : Map.of("when", when, "how", how, "service", service);
    }

    private static String how(AppointmentChannel channel, String place) {
        return switch (channel) {
            case FACE_TO_FACE -> place == null || place.isBlank() ? "It is face to face"
                    : "It is face to face at " + place.strip();
            case PHONE -> "It is by phone: your key worker will call you";
            case VIDEO -> "It is a video call: your key worker will send you the link";
        };
    }

    /** Who the plan went to, for the practitioner's confirmation. */
    record PlanSent(boolean toPerson, boolean toEmployer) {
    }

    /**
     * Sends the shared plan to the employer contact (the caller has checked the person's consent) and a copy to the
     * person by email. A plan is too long for a text message: someone who gets texts, or no messages, is given it
     * by their key worker.
     */
    PlanSent planShared(SupportCase supportCase, long shareId, List<ActionPlans.PlanAction> actions,
            String employerContact, String employerEmail, String personName) {
        String service = serviceName(supportCase.organisationId());
        String listed = actionsText(actions);
        messages.queue(new NewMessage(planToEmployerKey(shareId), MessageTemplate.ACTION_PLAN_TO_EMPLOYER,
                NewMessage.Channel.EMAIL, employerEmail, Map.of("employer_contact", employerContact, "person_name",
                        personName, "service", service, "actions", listed), supportCase.organisationId()));
        CaseMessageChoices.Route route = choices.route(supportCase);
        if (route == null || route.channel() != NewMessage.Channel.EMAIL) {
            return new PlanSent(false, true);
        }
        messages.queue(new NewMessage(planToPersonKey(shareId), MessageTemplate.ACTION_PLAN_TO_PERSON,
                NewMessage.Channel.EMAIL, route.address(), Map.of("first_name", route.contact().firstName(),
                        "service", service, "actions", listed), supportCase.organisationId()));
        return new PlanSent(true, true);
    }

    /**
     * The actions one a line, with who does each and by when; cut at a whole action when too long for the message,
     * saying how many more there are.
     */
    static String actionsText(List<ActionPlans.PlanAction> actions) {
        if (actions.isEmpty()) {
            return "There are no actions in the plan yet.";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < actions.size(); i++) {
            ActionPlans.PlanAction action = actions.get(i);
            String line = "* " + action.description().strip() + " (" + who(action.owner()) + ", by "
                    + DUE.format(action.dueOn()) + ")";
            int left = actions.size() - i;
            String more = "\n* and " + left + (left == 1 ? " more action" : " more actions")
                    + ": ask your key worker for the whole plan";
            if (text.length() + line.length() + 1 > ACTIONS_LIMIT - more.length()) {
                return text.isEmpty() ? more.strip() : text + more;
            }
            text.append(text.isEmpty() ? "" : "\n").append(line);
        }
        return text.toString();
    }

    private static String who(ActionOwner owner) {
        return switch (owner) {
            case PARTICIPANT -> "the person";
            case PRACTITIONER -> "the key worker";
            case EMPLOYER -> "the employer";
            case OTHER_SERVICE -> "another service";
        };
    }

    /** Every message key of these cases' appointments and plan shares: for erasure and subject access. */
    List<String> keys(Collection<Long> caseIds) {
        List<String> keys = new ArrayList<>();
        if (caseIds.isEmpty()) {
            return keys;
        }
        jdbc.sql("SELECT id, starts_at FROM appointment WHERE case_id IN (:ids)").param("ids", caseIds)
                .query(rs -> {
                    long id = rs.getLong(1);
                    keys.add(bookedKey(id));
                    keys.add(reminderKey(id, rs.getTimestamp(2).toLocalDateTime()));
                });
        jdbc.sql("SELECT id FROM plan_share WHERE case_id IN (:ids)").param("ids", caseIds).query(rs -> {
            keys.add(planToPersonKey(rs.getLong(1)));
            keys.add(planToEmployerKey(rs.getLong(1)));
        });
        return keys;
    }

    /** Forgets these cases' messages, before erasure removes what their keys are worked out from. */
    void forget(Collection<Long> caseIds) {
        List<String> keys = keys(caseIds);
        // In slices, as a batch of cases with many appointments would pass too many parameters at once.
        for (int from = 0; from < keys.size(); from += 1000) {
            messages.forget(keys.subList(from, Math.min(keys.size(), from + 1000)));
        }
    }

    /** The messages held about a case, for its subject access export. */
    List<Map<String, Object>> heldFor(long caseId) {
        return messages.heldFor(keys(List.of(caseId)));
    }

    private String serviceName(long organisationId) {
        return organisations.find(organisationId).map(org.workhealth.organisation.Organisation::name).orElse("the service");
    }
}

package org.workhealth.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.notification.NewMessage;
import org.workhealth.organisation.CurrentUser;

/**
 * How the person a case is about wants its messages: by email, by text message or not at all, and whether they want
 * the day-before reminder of an appointment. A practitioner records the person's choice; until then the service
 * follows the contact preference the referral gave. Nothing is sent by a channel the person has no address for.
 */
@Service
class CaseMessageChoices {

    enum Channel {
        EMAIL("By email"), SMS("By text message"), NONE("No messages");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** What a practitioner recorded. */
    record Choice(Channel channel, boolean reminders) {
    }

    /**
     * Where the messages of one case go: {@code channel} and {@code address} are null when none can be sent.
     *
     * @param chosen whether the person's choice was recorded, rather than taken from the referral
     */
    record Route(ParticipantContacts.Contact contact, NewMessage.Channel channel, String address, boolean reminders,
            boolean chosen) {

        boolean reachable() {
            return channel != null;
        }
    }

    /** A case to route messages for. */
    record CaseRef(long caseId, long referralId) {
    }

    private final JdbcClient jdbc;
    private final ParticipantContacts contacts;
    private final AuditLog audit;
    private final Clock clock;

    CaseMessageChoices(JdbcClient jdbc, ParticipantContacts contacts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.audit = audit;
        this.clock = clock;
    }

    Optional<Choice> recorded(long caseId) {
        return jdbc.sql("SELECT channel, reminders FROM case_message_choice WHERE case_id = ?").param(caseId)
                .query((rs, n) -> new Choice(Channel.valueOf(rs.getString(1)), rs.getBoolean(2))).optional();
    }

    /** Replaces the recorded choice; the audit log keeps what it was before. */
    @Transactional
    void record(CurrentUser user, SupportCase supportCase, Choice choice) {
        jdbc.sql("DELETE FROM case_message_choice WHERE case_id = ?").param(supportCase.id()).update();
        jdbc.sql("""
                INSERT INTO case_message_choice (case_id, channel, reminders, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?)""").params(supportCase.id(), choice.channel().name(), choice.reminders(),
                user.id(), Timestamp.from(clock.instant())).update();
        audit.recordChange("UPDATE", "case_message_choice", supportCase.id(), supportCase.organisationId(),
                choice.channel().label() + (choice.reminders() ? ", with reminders" : ", no reminders"));
    }

    Route route(SupportCase supportCase) {
        return routes(List.of(new CaseRef(supportCase.id(), supportCase.referralId()))).get(supportCase.id());
    }

    /** Routes by case id, in two queries however many cases. */
    Map<Long, Route> routes(Collection<CaseRef> cases) {
        Map<Long, Route> routes = new HashMap<>();
        if (cases.isEmpty()) {
            return routes;
        }
        Map<Long, Choice> choices = new HashMap<>();
        jdbc.sql("SELECT case_id, channel, reminders FROM case_message_choice WHERE case_id IN (:ids)")
                .param("ids", cases.stream().map(CaseRef::caseId).distinct().toList())
                .query(rs -> {
                    choices.put(rs.getLong(1), new Choice(Channel.valueOf(rs.getString(2)), rs.getBoolean(3)));
                });
        Map<Long, ParticipantContacts.Contact> byReferral = contacts.forReferrals(
                cases.stream().map(CaseRef::referralId).toList());
        for (CaseRef ref : cases) {
            ParticipantContacts.Contact contact = byReferral.get(ref.referralId());
            routes.put(ref.caseId(), contact == null ? new Route(null, null, null, false, false)
                    : route(contact, choices.get(ref.caseId())));
        }
        return routes;
    }

    /**
     * With no recorded choice: email for someone who asked for email, a text for someone who asked for texts, and
     * otherwise email when they gave an address. A phone number given for calls is never texted unasked: it may be
     * a landline.
     */
    static Route route(ParticipantContacts.Contact contact, Choice choice) {
        String email = blankToNull(contact.email());
        String phone = blankToNull(contact.phone());
        if (choice != null) {
            return switch (choice.channel()) {
                case EMAIL -> email == null ? none(contact, true)
                        : new Route(contact, NewMessage.Channel.EMAIL, email, choice.reminders(), true);
                case SMS -> phone == null ? none(contact, true)
                        : new Route(contact, NewMessage.Channel.SMS, phone, choice.reminders(), true);
                case NONE -> none(contact, true);
            };
        }
        if ("TEXT".equals(contact.preference()) && phone != null) {
            return new Route(contact, NewMessage.Channel.SMS, phone, true, false);
        }
        return email == null ? none(contact, false) : new Route(contact, NewMessage.Channel.EMAIL, email, true, false);
    }

    private static Route none(ParticipantContacts.Contact contact, boolean chosen) {
        return new Route(contact, null, null, false, chosen);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

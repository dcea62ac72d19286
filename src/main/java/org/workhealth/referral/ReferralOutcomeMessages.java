package org.workhealth.referral;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.govuk.Answers;
import org.workhealth.notification.MessageTemplate;
import org.workhealth.notification.Messages;
import org.workhealth.notification.NewMessage;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.ReferralMoves.ReferralDecided;

/**
 * Tells a referrer what triage decided (accepted, passed on to another service, or not accepted) in words meant for
 * a referrer: never the triager's reasons, which are written for the record. Queued in the decision's transaction,
 * once per referral. People who referred themselves hear from the service directly.
 */
@Component
class ReferralOutcomeMessages {

    /** Routes in where the referrer gave their contact among the answers, not as a signed-in account. */
    private static final java.util.Set<String> REFERRER_CONTACT_GIVEN = java.util.Set.of("PUBLIC", "API", "FHIR");

    private record Decided(String reference, String source, Long referrerPersonId, String referrerContact,
            long organisationId, Long programmeId, String signpostedTo) {
    }

    private final JdbcClient jdbc;
    private final Messages messages;
    private final People people;
    private final Programmes programmes;

    ReferralOutcomeMessages(JdbcClient jdbc, Messages messages, People people, Programmes programmes) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.people = people;
        this.programmes = programmes;
    }

    /** The event a referral's outcome message is keyed by, so that it is made once and erased with the referral. */
    static String key(long referralId) {
        return "referral-decided:" + referralId;
    }

    @EventListener
    void decided(ReferralDecided event) {
        if (event.move() != ReferralStatus.Move.ACCEPT && event.move() != ReferralStatus.Move.SIGNPOST
                && event.move() != ReferralStatus.Move.DECLINE) {
            return;
        }
        Decided d = jdbc.sql("""
                SELECT reference, source, referrer_person_id, referrer_contact, routed_organisation_id, programme_id,
                    signposted_to FROM referral WHERE id = ?""").param(event.referralId())
                .query((rs, n) -> new Decided(rs.getString("reference"), rs.getString("source"),
                        rs.getObject("referrer_person_id", Long.class), rs.getString("referrer_contact"),
                        rs.getLong("routed_organisation_id"), rs.getObject("programme_id", Long.class),
                        rs.getString("signposted_to"))).single();
        referrerEmail(d).ifPresent(email -> messages.queue(new NewMessage(key(event.referralId()),
                template(event.move()), NewMessage.Channel.EMAIL, email, personalisation(event.move(), d),
                d.organisationId())));
    }

    private static MessageTemplate template(ReferralStatus.Move move) {
        return switch (move) {
            case ACCEPT -> MessageTemplate.REFERRAL_ACCEPTED;
            case SIGNPOST -> MessageTemplate.REFERRAL_SIGNPOSTED;
            default -> MessageTemplate.REFERRAL_DECLINED;
        };
    }

    private Map<String, String> personalisation(ReferralStatus.Move move, Decided d) {
        return switch (move) {
            case ACCEPT -> Map.of("reference", d.reference(), "programme", d.programmeId() == null ? "the programme"
                    : programmes.find(d.programmeId()).map(Programme::name).orElse("the programme"));
            case SIGNPOST -> Map.of("reference", d.reference(), "service", d.signpostedTo());
            default -> Map.of("reference", d.reference());
        };
    }

    /** A signed-in referrer's account email, or the email a public referrer or a system gave as their contact. */
    private Optional<String> referrerEmail(Decided d) {
        if (d.referrerPersonId() != null) {
            return people.findAll(List.of(d.referrerPersonId())).stream().map(Person::email).findFirst();
        }
        if (REFERRER_CONTACT_GIVEN.contains(d.source()) && Answers.email(d.referrerContact())) {
            return Optional.of(d.referrerContact().strip());
        }
        return Optional.empty();
    }
}

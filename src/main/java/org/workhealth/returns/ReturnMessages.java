package org.workhealth.returns;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.workhealth.notification.MessageTemplate;
import org.workhealth.notification.Messages;
import org.workhealth.notification.NewMessage;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.Role;
import org.workhealth.organisation.StaffRecipients;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * Tells the people who act on a return what happened to it, in the transaction of the change: the hub's
 * commissioners when a locality submits one, the locality's provider managers when it is returned (or its period
 * unlocked) or approved. Nobody can opt out of these: each asks them to act, or closes what they started. The key
 * names the return's version and the person, so one change makes one message each.
 */
@Component
class ReturnMessages {

    private final Messages messages;
    private final StaffRecipients recipients;
    private final Organisations organisations;
    private final Programmes programmes;

    ReturnMessages(Messages messages, StaffRecipients recipients, Organisations organisations,
            Programmes programmes) {
        this.messages = messages;
        this.recipients = recipients;
        this.organisations = organisations;
        this.programmes = programmes;
    }

    void submitted(DataReturn r) {
        organisations.hubAbove(r.organisationId()).ifPresent(hub -> send("return-submitted", r,
                recipients.holding(Role.COMMISSIONER, List.of(hub.id()), null), MessageTemplate.SUBMITTED_FOR_APPROVAL,
                Map.of("item", item(r), "organisation", organisations.find(r.organisationId())
                        .map(Organisation::name).orElse("A locality"))));
    }

    void returned(DataReturn r) {
        send("return-returned", r, preparers(r), MessageTemplate.SENT_BACK, Map.of("item", item(r)));
    }

    void approved(DataReturn r) {
        send("return-approved", r, preparers(r), MessageTemplate.APPROVED, Map.of("item", item(r)));
    }

    private List<StaffRecipients.Recipient> preparers(DataReturn r) {
        return recipients.holding(Role.PROVIDER_MANAGER, List.of(r.organisationId()), null);
    }

    private void send(String event, DataReturn r, List<StaffRecipients.Recipient> to, MessageTemplate template,
            Map<String, String> fields) {
        for (StaffRecipients.Recipient person : to) {
            messages.queue(new NewMessage(event + ":" + r.id() + ":" + person.personId(), template,
                    NewMessage.Channel.EMAIL, person.email(), fields, person.organisationId()));
        }
    }

    /** "The WorkWell data return for Q2 2026/27, version 1". */
    private String item(DataReturn r) {
        return "The " + programmes.find(r.programmeId()).map(Programme::name).orElse("programme")
                + " data return for " + r.quarter().label() + ", version " + r.version();
    }
}

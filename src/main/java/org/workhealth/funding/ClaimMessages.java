package org.workhealth.funding;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.workhealth.calendar.Quarter;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.notification.MessageTemplate;
import org.workhealth.notification.Messages;
import org.workhealth.notification.NewMessage;
import org.workhealth.organisation.Role;
import org.workhealth.organisation.StaffRecipients;

/**
 * Tells the people who act on a claim what happened to it, in the transaction of the change: the commissioner's
 * commissioners when a provider submits it, the provider's managers when it is returned or approved. Nobody can opt
 * out of these. The key names the claim, its version after the change, and the person: one message each per change.
 */
@Component
class ClaimMessages {

    private final Messages messages;
    private final StaffRecipients recipients;

    ClaimMessages(Messages messages, StaffRecipients recipients) {
        this.messages = messages;
        this.recipients = recipients;
    }

    void submitted(FundingAgreement agreement, Quarter quarter, long claimId, int version) {
        send("claim-submitted:" + claimId + ":" + version, recipients.holding(Role.COMMISSIONER,
                List.of(agreement.contract().commissionerOrganisationId()), null),
                MessageTemplate.SUBMITTED_FOR_APPROVAL, Map.of("item", item(agreement, quarter), "organisation",
                        agreement.providerName()));
    }

    void returned(FundingAgreement agreement, Quarter quarter, long claimId, int version) {
        send("claim-returned:" + claimId + ":" + version, providers(agreement), MessageTemplate.SENT_BACK,
                Map.of("item", item(agreement, quarter)));
    }

    void approved(FundingAgreement agreement, Quarter quarter, long claimId, int version) {
        send("claim-approved:" + claimId + ":" + version, providers(agreement), MessageTemplate.APPROVED,
                Map.of("item", item(agreement, quarter)));
    }

    private List<StaffRecipients.Recipient> providers(FundingAgreement agreement) {
        return recipients.holding(Role.PROVIDER_MANAGER, List.of(agreement.contract().providerOrganisationId()),
                null);
    }

    private void send(String event, List<StaffRecipients.Recipient> to, MessageTemplate template,
            Map<String, String> fields) {
        for (StaffRecipients.Recipient person : to) {
            messages.queue(new NewMessage(event + ":" + person.personId(), template, NewMessage.Channel.EMAIL,
                    person.email(), fields, person.organisationId()));
        }
    }

    /** "The claim for Q2 2026/27 on contract GM-WW-BURY". */
    private static String item(FundingAgreement agreement, Quarter quarter) {
        return "The claim for " + quarter.label() + " on contract " + agreement.contract().reference();
    }
}

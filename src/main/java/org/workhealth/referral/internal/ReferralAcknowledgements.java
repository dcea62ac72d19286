package org.workhealth.referral.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.workhealth.govuk.Answers;
import org.workhealth.notification.MessageTemplate;
import org.workhealth.notification.Messages;
import org.workhealth.notification.NewMessage;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.referral.Referrer;

/**
 * Tells whoever made a referral that it was received, with its reference: the person, when they referred themself
 * and gave an email address; otherwise the referrer, by the email address they gave on the public form or their
 * account's when signed in. A file upload's referrals are acknowledged by the upload's own report, not one by one.
 */
@Component
public class ReferralAcknowledgements {

    private final Messages messages;
    private final People people;

    ReferralAcknowledgements(Messages messages, People people) {
        this.messages = messages;
        this.people = people;
    }

    /** The event a referral's acknowledgement is keyed by, so that it is made once and erased with the referral. */
    public static String key(long referralId) {
        return "referral-received:" + referralId;
    }

    /** Queued in the referral's own transaction: no referral, no message; one referral, one message. */
    void received(long referralId, String reference, ReferralAnswers answers, ReferralSource source,
            Referrer referrer, long organisationId) {
        String key = key(referralId);
        if (source == ReferralSource.PUBLIC && !answers.referringSomeoneElse()) {
            if (Answers.email(answers.email())) {
                messages.queue(new NewMessage(key, MessageTemplate.SELF_REFERRAL_RECEIVED, NewMessage.Channel.EMAIL,
                        answers.email().strip(), Map.of("first_name", answers.firstName().strip(),
                                "reference", reference), organisationId));
            }
            return;
        }
        referrerEmail(answers, source, referrer).ifPresent(email -> messages.queue(new NewMessage(key,
                MessageTemplate.REFERRAL_RECEIVED, NewMessage.Channel.EMAIL, email, Map.of("reference", reference),
                organisationId)));
    }

    private Optional<String> referrerEmail(ReferralAnswers answers, ReferralSource source, Referrer referrer) {
        if (referrer != null && referrer.personId() != null) {
            return people.findAll(List.of(referrer.personId())).stream().map(Person::email).findFirst();
        }
        // The public form and other organisations' systems give the referrer's contact among the answers.
        if ((source == ReferralSource.PUBLIC || referrer != null) && Answers.email(answers.referrerContact())) {
            return Optional.of(answers.referrerContact().strip());
        }
        return Optional.empty();
    }
}

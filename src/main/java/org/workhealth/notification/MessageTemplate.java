package org.workhealth.notification;

import java.util.List;
import java.util.Map;

/**
 * The messages the service sends, each a GOV.UK Notify template: its subject and body in Notify's format, with
 * {@code ((name))} where personalisation goes. The text here is what administrators see for a kept message, and
 * what the Notify template must say.
 */
public enum MessageTemplate {
    SELF_REFERRAL_RECEIVED("Your referral has been received", List.of("first_name", "reference"), """
            Dear ((first_name))

            Thank you for referring yourself. Your reference is ((reference)).

            Someone from the service will contact you within 2 working days, in the way you asked us to.

            If your situation changes before then, reply to this email and quote your reference."""),
    REFERRAL_RECEIVED("Referral received: ((reference))", List.of("reference"), """
            Thank you for your referral. Its reference is ((reference)).

            The service will look at it within 2 working days and contact the person you referred. We will tell \
            you what is decided.

            Quote the reference if you contact us about it."""),
    REFERRAL_ACCEPTED("Referral accepted: ((reference))", List.of("reference", "programme"), """
            The referral you made, reference ((reference)), has been accepted onto ((programme)).

            Someone from the team will contact the person to arrange their first appointment. You do not need to do \
            anything else."""),
    REFERRAL_SIGNPOSTED("Referral passed on: ((reference))", List.of("reference", "service"), """
            The referral you made, reference ((reference)), is not one this service can help with.

            We have told the person about ((service)), which is better placed to help them."""),
    REFERRAL_DECLINED("Referral not accepted: ((reference))", List.of("reference"), """
            The referral you made, reference ((reference)), has not been accepted.

            We will tell the person why and what else may help. If you would like to talk about it, contact us and \
            quote the reference."""),
    APPOINTMENT_BOOKED("Your appointment on ((when))", List.of("first_name", "when", "how", "service"), """
            Dear ((first_name))

            Your appointment with ((service)) is on ((when)).

            ((how)).

            If you cannot come, or need anything to make the appointment easier for you, contact your key worker."""),
    APPOINTMENT_BOOKED_SMS("Appointment booked", List.of("when", "how", "service"), """
            Your appointment with ((service)) is on ((when)). ((how)). If you cannot come, contact your key worker."""),
    APPOINTMENT_REMINDER("Reminder: your appointment tomorrow, ((when))", List.of("first_name", "when", "how",
            "service"), """
            Dear ((first_name))

            This is a reminder that your appointment with ((service)) is tomorrow, ((when)).

            ((how)).

            If you cannot come, contact your key worker."""),
    APPOINTMENT_REMINDER_SMS("Appointment reminder", List.of("when", "how", "service"), """
            Reminder: your appointment with ((service)) is tomorrow, ((when)). ((how)). If you cannot come, contact \
            your key worker."""),
    ACTION_PLAN_TO_PERSON("Your action plan", List.of("first_name", "service", "actions"), """
            Dear ((first_name))

            Here is the action plan you agreed with ((service)). These are the actions in it:

            ((actions))

            Your key worker will go through it with you at your reviews. Contact them if anything changes."""),
    ACTION_PLAN_TO_EMPLOYER("Action plan for ((person_name))", List.of("employer_contact", "person_name",
            "service", "actions"), """
            Dear ((employer_contact))

            ((person_name)) is getting support from ((service)) and has agreed that we share their action plan with \
            you. These are the actions in it:

            ((actions))

            Please keep this email confidential. If you have questions about the plan, reply to this email."""),
    REFERRALS_DUE_ALERT("Referrals to triage: ((overdue_count)) overdue, ((due_count)) due soon", List.of(
            "organisation", "overdue_count", "overdue_references", "due_count", "due_references"), """
            These referrals to ((organisation)) have not been triaged yet.

            Past the 2-working-day deadline: ((overdue_count))
            ((overdue_references))

            Due by the end of the next working day: ((due_count))
            ((due_references))

            Find them by reference in the triage queue. You can stop these emails under Your account."""),
    PRACTITIONER_DIGEST("Your cases with work overdue", List.of("first_name", "reviews_count", "reviews",
            "checks_count", "checks"), """
            Dear ((first_name))

            Reviews overdue: ((reviews_count))
            ((reviews))

            Sustainment checks overdue: ((checks_count))
            ((checks))

            Find the cases by reference in WorkHealth. You can stop these emails under Your account."""),
    SUBMITTED_FOR_APPROVAL("For approval: ((item))", List.of("item", "organisation"), """
            ((item)) has been submitted by ((organisation)).

            Review it in WorkHealth, then approve it or return it with your comments."""),
    SENT_BACK("Returned to you: ((item))", List.of("item"), """
            ((item)) has been returned to you.

            Read the comments in WorkHealth, put it right and submit it again."""),
    APPROVED("Approved: ((item))", List.of("item"), """
            ((item)) has been approved.

            You do not need to do anything else."""),
    RETURN_DUE("Due by ((due_date)): ((item))", List.of("item", "due_date"), """
            ((item)) is due by ((due_date)).

            Compile it and submit it to your hub in WorkHealth. You can stop these reminders under Your account.""");

    private final String subject;
    private final List<String> fields;
    private final String body;

    MessageTemplate(String subject, List<String> fields, String body) {
        this.subject = subject;
        this.fields = fields;
        this.body = body;
    }

    /** The personalisation this template needs: a message must give each, and nothing else. */
    public List<String> fields() {
        return fields;
    }

    String subject(Map<String, String> personalisation) {
        return fill(subject, personalisation);
    }

    String body(Map<String, String> personalisation) {
        return fill(body, personalisation);
    }

    private static String fill(String text, Map<String, String> personalisation) {
        String filled = text;
        for (Map.Entry<String, String> field : personalisation.entrySet()) {
            filled = filled.replace("((" + field.getKey() + "))", field.getValue());
        }
        return filled;
    }
}

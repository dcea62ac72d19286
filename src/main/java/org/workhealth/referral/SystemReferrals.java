package org.workhealth.referral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.internal.InvalidReferralException;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

/**
 * Referrals from other organisations' systems: taken by the same intake as the web form (its rules, duplicate
 * checks, routing, clock and acknowledgement), and their status read back by the organisation that sent them.
 */
@Service
public class SystemReferrals {

    /** How the system sent it, recorded as the referral's source. */
    public enum Channel {
        API(ReferralSource.API), FHIR(ReferralSource.FHIR);

        private final ReferralSource source;

        Channel(ReferralSource source) {
            this.source = source;
        }
    }

    /** What became of a submission: received (perhaps earlier, for a repeated key), or refused for these problems. */
    public sealed interface Outcome permits Received, Refused {
    }

    public record Received(long id, String reference, boolean alreadyReceived) implements Outcome {
    }

    /** Nothing was saved. Each problem names the answer, as {@link SystemReferral}'s field, and says what to fix. */
    public record Refused(List<Problem> problems) implements Outcome {
    }

    public record Problem(String field, String message) {
    }

    /** A referral as the organisation that sent it may see it: where it has got to, never the triage notes. */
    public record SentReferral(long id, String reference, ReferralStatus status, Instant receivedAt,
            Instant responseDueAt, Instant lastChangedAt) {
    }

    private final ReferralIntake intake;
    private final JdbcClient jdbc;

    SystemReferrals(ReferralIntake intake, JdbcClient jdbc) {
        this.intake = intake;
        this.jdbc = jdbc;
    }

    /**
     * Takes a referral from {@code organisationId}'s system. A repeated {@code idempotencyKey} from the same
     * {@code sender} returns the referral the first call made instead of making another.
     */
    public Outcome submit(SystemReferral referral, Channel channel, long organisationId, String sender,
            String idempotencyKey) {
        Optional<ContactPreference> preference = Arrays.stream(ContactPreference.values())
                .filter(p -> p.name().equals(referral.contactPreference())).findFirst();
        if (referral.contactPreference() != null && preference.isEmpty()) {
            return new Refused(List.of(new Problem("contactPreference",
                    "Give the contact preference as one of " + Arrays.toString(ContactPreference.values()))));
        }
        try {
            ReferralIntake.Submitted submitted = intake.submit(answers(referral, preference.orElse(null)),
                    channel.source, Referrer.system(organisationId),
                    idempotencyKey == null ? null : submissionKey(sender, idempotencyKey));
            return new Received(submitted.id(), submitted.reference(), submitted.alreadyReceived());
        } catch (InvalidReferralException e) {
            return new Refused(e.problems().stream().map(p -> new Problem(p.field(), p.message())).toList());
        }
    }

    /** The referral with this reference, if one of {@code organisations} sent it. */
    public Optional<SentReferral> sentBy(String reference, Collection<Long> organisations) {
        if (organisations.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT r.id, r.reference, r.status, r.received_at, r.response_due_at,
                    (SELECT MAX(e.occurred_at) FROM referral_event e WHERE e.referral_id = r.id) AS last_changed_at
                FROM referral r WHERE r.reference = :reference AND r.referrer_organisation_id IN (:organisations)""")
                .param("reference", reference).param("organisations", organisations)
                .query((rs, n) -> new SentReferral(rs.getLong("id"), rs.getString("reference"),
                        ReferralStatus.valueOf(rs.getString("status")), rs.getTimestamp("received_at").toInstant(),
                        rs.getTimestamp("response_due_at").toInstant(), instant(rs.getTimestamp("last_changed_at"))))
                .optional();
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static ReferralAnswers answers(SystemReferral r, ContactPreference preference) {
        return new ReferralAnswers(true, r.personAgrees(), r.referrerName(), r.referrerContact(), r.firstName(),
                r.lastName(), r.dateOfBirth(), r.nhsNumber(), r.phone(), r.email(), r.addressLine1(),
                r.addressLine2(), r.town(), r.postcode(), preference, r.bestTimes(), r.gpPractice(),
                r.gpPracticeCode(), r.employmentStatus(), r.unemployedSince(), r.employerName(), r.hasFitNote(),
                r.fitNoteSince(), r.mentalHealth(), r.musculoskeletal(), r.otherCondition(), r.conditionDetails(),
                r.waitingForTreatment(), r.helpWanted(), r.consentToContact(), r.consentToContactEmployer(), null,
                null, null, null, null);
    }

    /** One sender's keys never meet another's, and any length of key fits the column. */
    private static String submissionKey(String sender, String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((sender + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return "system:" + HexFormat.of().formatHex(digest).substring(0, 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

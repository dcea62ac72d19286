package org.workhealth.referral.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.calendar.WorkingDays;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.Organisations;
import org.workhealth.referral.ReferralAreas;
import org.workhealth.referral.Referrer;

/**
 * The single access point: every referral, from whichever route, is checked, routed to the
 * organisation that covers the person, given a reference and a response-due time, and recorded
 * once.
 */
@Service
public class ReferralIntake {

    /** Working days within which the service must respond to a referral. */
    public static final int RESPONSE_WORKING_DAYS = 2;

    public record Submitted(long id, String reference, boolean alreadyReceived) {
    }

    private final JdbcClient jdbc;
    private final ReferralAreas areas;
    private final Organisations organisations;
    private final WorkingDays workingDays;
    private final AuditLog audit;
    private final Clock clock;
    private final String defaultHubOdsCode;
    private final ReferralMilestones referralMilestones;
    private final org.springframework.transaction.support.TransactionTemplate savepoint;
    private final ReferralAcknowledgements acknowledgements;

    public ReferralIntake(JdbcClient jdbc, ReferralAreas areas, Organisations organisations, WorkingDays workingDays,
            AuditLog audit, Clock clock, @Value("${workhealth.referral.default-hub:QOP}") String defaultHubOdsCode,
            org.springframework.transaction.PlatformTransactionManager transactions,
            ReferralMilestones referralMilestones, ReferralAcknowledgements acknowledgements) {
        this.referralMilestones = referralMilestones;
        this.acknowledgements = acknowledgements;
        this.savepoint = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
        this.areas = areas;
        this.organisations = organisations;
        this.workingDays = workingDays;
        this.audit = audit;
        this.clock = clock;
        this.defaultHubOdsCode = defaultHubOdsCode;
    }

    /**
     * Records a referral. A repeated {@code submissionKey} (a double click, a retried request)
     * returns the referral already made instead of making another.
     *
     * @throws InvalidReferralException when the answers break a rule; nothing is saved
     */
    @Transactional
    public Submitted submit(ReferralAnswers answers, ReferralSource source, Referrer referrer, String submissionKey) {
        if (submissionKey != null) {
            Optional<Submitted> earlier = findBySubmissionKey(submissionKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        List<ReferralRules.Problem> problems = ReferralRules.check(answers, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw new InvalidReferralException(problems);
        }
        Instant receivedAt = clock.instant();
        long routedTo = route(answers, referrer);
        for (int attempt = 0; ; attempt++) {
            String reference = ReferenceNumbers.next();
            try {
                // A savepoint, so that on PostgreSQL a clash (same reference, or the same submission
                // raced in by a second request) leaves the transaction usable for the retry or look-up.
                Long inserted = savepoint.execute(status -> insert(answers, source, referrer, submissionKey, reference,
                        receivedAt, routedTo));
                long id = inserted;
                jdbc.sql("INSERT INTO referral_event (referral_id, occurred_at, actor_id, kind, detail) VALUES (?, ?, ?, ?, ?)")
                        .params(id, Timestamp.from(receivedAt), referrer == null ? null : referrer.personId(),
                                "RECEIVED", "Received by " + source.label().toLowerCase())
                        .update();
                audit.recordChange("CREATE", "referral", id, routedTo, "Received by " + source.label().toLowerCase());
                // Received at the single access point: it counts now, whatever triage decides.
                referralMilestones.recordReceived(id, referrer == null ? null : referrer.personId());
                acknowledgements.received(id, reference, answers, source, referrer, routedTo);
                return new Submitted(id, reference, false);
            } catch (DuplicateKeyException e) {
                if (submissionKey != null) {
                    Optional<Submitted> raced = findBySubmissionKey(submissionKey);
                    if (raced.isPresent()) {
                        return raced.get();
                    }
                }
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    /** The area's organisation; otherwise the hub above the referrer, or the default hub, whose queue it waits in. */
    public long route(ReferralAnswers answers, Referrer referrer) {
        Optional<Long> covering = areas.coveringOrganisation(answers.gpPracticeCode(), answers.postcode());
        return covering.isPresent() ? covering.get() : unmatchedRoute(referrer);
    }

    /**
     * Where a referral that no area covers goes, as {@link #route} decides it: the hub above the
     * referrer, or the default hub. Bulk imports work it out once for the whole file.
     */
    public long unmatchedRoute(Referrer referrer) {
        if (referrer != null) {
            Optional<Long> hub = organisations.hubAbove(referrer.organisationId()).map(Organisation::id);
            if (hub.isPresent()) {
                return hub.get();
            }
        }
        return organisations.findByOdsCode(defaultHubOdsCode).map(Organisation::id)
                .orElseThrow(() -> new IllegalStateException("No default hub with ODS code " + defaultHubOdsCode));
    }

    private Optional<Submitted> findBySubmissionKey(String submissionKey) {
        return jdbc.sql("SELECT id, reference FROM referral WHERE submission_key = ?").param(submissionKey)
                .query((rs, n) -> new Submitted(rs.getLong("id"), rs.getString("reference"), true)).optional();
    }

    private long insert(ReferralAnswers a, ReferralSource source, Referrer referrer, String submissionKey,
            String reference, Instant receivedAt, long routedTo) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(ReferralColumns.INSERT)
                .params(ReferralColumns.values(a, source, referrer, submissionKey, reference, receivedAt,
                        workingDays.responseDue(receivedAt, RESPONSE_WORKING_DAYS), routedTo))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }
}

package org.workhealth.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.workhealth.casework.CaseErasure;
import org.workhealth.casework.CaseStatus;
import org.workhealth.casework.Casework;
import org.workhealth.casework.CasesErased;
import org.workhealth.casework.SupportCase;
import org.workhealth.notification.Messages;
import org.workhealth.referral.internal.ReferralAcknowledgements;
import org.workhealth.retention.ErasureSubject;
import org.workhealth.retention.ErasureTarget;
import org.workhealth.retention.RetentionStep;

/**
 * Erases referrals' personal data. The row stays (milestones, cases and duplicates refer to it) with its reference,
 * dates, programme, route, decision and coded equality answers, so figures still add up; names, contact details,
 * NHS number, address and free text go, the date of birth keeps only its year and the postcode only its district.
 */
@Service
class ReferralErasure implements ErasureTarget {

    static final int BATCH = 500;
    static final String ERASED_NAME = "Erased";

    /** Decided referrals that never became a case: no case is opened from these statuses. */
    static final String UNCONVERTED = "('DECLINED', 'SIGNPOSTED', 'ROUTED', 'UNABLE_TO_CONTACT')";

    private final JdbcClient jdbc;
    private final Casework casework;
    private final CaseErasure caseErasure;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Messages messages;

    ReferralErasure(JdbcClient jdbc, Casework casework, CaseErasure caseErasure, TransactionTemplate transactions,
            Clock clock, Messages messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.casework = casework;
        this.caseErasure = caseErasure;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<ErasureSubject> find(String reference) {
        record Row(long id, String reference, long routedTo, ReferralStatus status, boolean erased) {
        }
        String normalised = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        return jdbc.sql("""
                SELECT id, reference, routed_organisation_id, status, erased_at FROM referral WHERE reference = ?
                """).param(normalised).query((rs, n) -> new Row(rs.getLong("id"), rs.getString("reference"),
                rs.getLong("routed_organisation_id"), ReferralStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("erased_at") != null)).optional().map(row -> {
                    Optional<SupportCase> supportCase = casework.caseForReferral(row.id()).flatMap(casework::find);
                    if (supportCase.isPresent()) {
                        SupportCase c = supportCase.get();
                        return new ErasureSubject(row.reference(), c.organisationId(), true,
                                c.status() == CaseStatus.OPEN, caseErasure.underLegalHold(c.id()),
                                row.erased() || caseErasure.erased(c.id()));
                    }
                    // Accepted but not yet contacted is still being worked on, like one waiting for triage.
                    boolean open = row.status().open() || row.status() == ReferralStatus.ACCEPTED;
                    return new ErasureSubject(row.reference(), row.routedTo(), false, open, false, row.erased());
                });
    }

    @Override
    @Transactional
    public int erase(String reference) {
        Optional<ErasureSubject> subject = find(reference);
        if (subject.isEmpty() || subject.get().refusal() != null) {
            return 0;
        }
        long referralId = jdbc.sql("SELECT id FROM referral WHERE reference = ?").param(subject.get().reference())
                .query(Long.class).single();
        Optional<Long> caseId = casework.caseForReferral(referralId);
        // The case's erasure publishes CasesErased, which erases the referral once the case's erasure has committed.
        return caseId.isPresent() ? caseErasure.eraseOnRequest(caseId.get()) : erase(List.of(referralId));
    }

    /**
     * Erases the referrals of erased cases once the case erasure has committed, in its own transaction, recorded in
     * the event publication registry: if it fails the publication stays incomplete and is delivered again at the
     * next start, so no referral keeps personal data its case has lost. Not asynchronous: the administrator's
     * next page (the erasure report, the referral) and the retention run's counts expect the referral erased.
     */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void casesErased(CasesErased event) {
        erase(event.referralIds());
    }

    /** Referrals declined, signposted or not reached, decided before the cutoff, in batches. */
    int eraseUnconvertedBefore(Instant cutoff) {
        return RetentionStep.inBatches(BATCH, () -> transactions.execute(status -> erase(jdbc.sql(
                "SELECT id FROM referral WHERE status IN " + UNCONVERTED + " AND erased_at IS NULL "
                        + "AND COALESCE(decided_at, received_at) < ? ORDER BY id LIMIT " + BATCH)
                .param(Timestamp.from(cutoff)).query(Long.class).list())));
    }

    /** Uploaded files are deleted outright: the referrals they made are kept, and erased, as referrals. */
    int deleteUploadsBefore(Instant cutoff) {
        return RetentionStep.inBatches(BATCH, () -> transactions.execute(status -> jdbc.sql("""
                DELETE FROM referral_upload WHERE id IN (
                    SELECT id FROM referral_upload WHERE created_at < ? ORDER BY id LIMIT ?)
                """).params(Timestamp.from(cutoff), BATCH).update()));
    }

    private int erase(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        int erased = jdbc.sql("""
                UPDATE referral SET first_name = :erased, last_name = '', referrer_name = NULL, referrer_contact = NULL,
                    date_of_birth = CAST(DATE_TRUNC('YEAR', date_of_birth) AS DATE), nhs_number = NULL, phone = NULL,
                    email = NULL, address_line_1 = NULL, address_line_2 = NULL, town = NULL,
                    postcode = CASE WHEN LENGTH(postcode) > 4
                                    THEN TRIM(SUBSTRING(postcode FROM 1 FOR LENGTH(postcode) - 3)) ELSE '' END,
                    best_times = NULL, employer_name = NULL, condition_details = NULL, help_wanted = NULL,
                    match_key = CONCAT('erased-', CAST(id AS VARCHAR(20))), submission_key = NULL,
                    decision_reason = NULL, cohort_override_reason = NULL, erased_at = :now, version = version + 1
                WHERE id IN (:ids) AND erased_at IS NULL
                """).param("erased", ERASED_NAME).param("now", Timestamp.from(clock.instant())).param("ids", ids)
                .update();
        jdbc.sql("UPDATE referral_event SET detail = NULL WHERE referral_id IN (:ids)").param("ids", ids).update();
        // The messages about the referral name the person or where they were sent: they go with it.
        messages.forget(ids.stream().flatMap(id -> java.util.stream.Stream.of(ReferralAcknowledgements.key(id),
                ReferralOutcomeMessages.key(id))).toList());
        return erased;
    }
}

package org.workhealth.casework;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.workhealth.milestone.Milestones;
import org.workhealth.retention.RetentionStep;

/**
 * Erases the personal data of closed cases: free text, notes, assessments, profiles, plans' goals and actions,
 * employer contacts, consent notes, reasons typed on the case's milestones and measure answers go; the case row, its dates and coded answers stay, as milestones,
 * claims and returns refer to the case by id and reference. Set-based, a batch of cases per transaction.
 */
@Service
public class CaseErasure {

    static final int BATCH = 500;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Closed before the cutoff, not yet erased; ":held" chooses those under a legal hold or not. */
    private static final String DUE = """
            FROM support_case c
            WHERE c.status = 'CLOSED' AND c.erased_at IS NULL
              AND (SELECT MAX(e.occurred_on) FROM case_event e WHERE e.case_id = c.id AND e.kind = 'EXITED') < :cutoff
              AND %s EXISTS (SELECT 1 FROM case_legal_hold h WHERE h.case_id = c.id AND h.lifted_at IS NULL)
            """;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Milestones milestones;
    private final CaseMessages caseMessages;

    CaseErasure(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
            Milestones milestones, CaseMessages caseMessages) {
        this.caseMessages = caseMessages;
        this.milestones = milestones;
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public boolean underLegalHold(long caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM case_legal_hold WHERE case_id = ? AND lifted_at IS NULL")
                .param(caseId).query(Integer.class).single() > 0;
    }

    public boolean erased(long caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM support_case WHERE id = ? AND erased_at IS NOT NULL").param(caseId)
                .query(Integer.class).single() > 0;
    }

    /**
     * Erases one closed case (and, through {@link CasesErased}, its referral) on the person's request.
     *
     * @return 1 when erased; 0 when it is open, under a legal hold or already erased
     */
    @Transactional
    public int eraseOnRequest(long caseId) {
        List<Long> ids = jdbc.sql("""
                SELECT c.id FROM support_case c WHERE c.id = ? AND c.status = 'CLOSED' AND c.erased_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM case_legal_hold h WHERE h.case_id = c.id AND h.lifted_at IS NULL)
                """).param(caseId).query(Long.class).list();
        return erase(ids);
    }

    /** Cases closed before the cutoff's day: erased in batches; those under a legal hold are counted. */
    RetentionStep.Erased eraseClosedBefore(Instant cutoff) {
        Date cutoffDay = Date.valueOf(LocalDate.ofInstant(cutoff, LONDON));
        int total = RetentionStep.inBatches(BATCH, () -> transactions.execute(status -> erase(jdbc.sql(
                "SELECT c.id " + DUE.formatted("NOT") + " ORDER BY c.id LIMIT " + BATCH)
                .param("cutoff", cutoffDay).query(Long.class).list())));
        int held = jdbc.sql("SELECT COUNT(*) " + DUE.formatted("")).param("cutoff", cutoffDay)
                .query(Integer.class).single();
        return new RetentionStep.Erased(total, held);
    }

    private int erase(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        // First, while the appointments and plan shares their keys name are still there.
        caseMessages.forget(ids);
        String plans = "(SELECT id FROM action_plan WHERE case_id IN (:ids))";
        List<String> statements = List.of(
                "DELETE FROM contact_note WHERE case_id IN (:ids)",
                "UPDATE appointment SET place = NULL WHERE case_id IN (:ids)",
                "DELETE FROM assessment WHERE case_id IN (:ids)",
                "DELETE FROM vocational_profile WHERE case_id IN (:ids)",
                "DELETE FROM plan_share WHERE case_id IN (:ids)",
                "DELETE FROM plan_goal WHERE plan_id IN " + plans,
                "DELETE FROM plan_action WHERE plan_id IN " + plans,
                "UPDATE case_review SET notes = '' WHERE case_id IN (:ids)",
                "UPDATE onward_referral SET notes = NULL WHERE case_id IN (:ids)",
                "UPDATE case_service_consent_change SET told_by = NULL, note = NULL WHERE case_id IN (:ids)",
                "UPDATE case_employer_consent_change SET how = '' WHERE case_id IN (:ids)",
                "DELETE FROM case_employer WHERE case_id IN (:ids)",
                "UPDATE case_adjustment SET notes = NULL WHERE case_id IN (:ids)",
                "UPDATE case_outcome SET employer = NULL, job_title = NULL, description = NULL, evidence = NULL "
                        + "WHERE case_id IN (:ids)",
                "UPDATE case_event SET detail = NULL WHERE case_id IN (:ids)",
                "DELETE FROM measure_answer WHERE response_id IN "
                        + "(SELECT id FROM measure_response WHERE case_id IN (:ids))",
                "DELETE FROM measure_response WHERE case_id IN (:ids)");
        statements.forEach(sql -> jdbc.sql(sql).param("ids", ids).update());
        // Reasons typed for an exit or a reopening, and correction reasons; the milestones still count.
        milestones.eraseFreeText(ids, CaseExits.TYPED_ATTRIBUTES);
        jdbc.sql("UPDATE support_case SET erased_at = :now, version = version + 1 WHERE id IN (:ids)")
                .param("now", Timestamp.from(clock.instant())).param("ids", ids).update();
        List<Long> referralIds = jdbc.sql("SELECT referral_id FROM support_case WHERE id IN (:ids)")
                .param("ids", ids).query(Long.class).list();
        events.publishEvent(new CasesErased(referralIds));
        return ids.size();
    }
}

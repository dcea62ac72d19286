package org.workhealth.trial.employer;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SME trial's own tables (consent, grant plan and payments) and its rows of the trial module's shared tables. */
@Repository
class SmeTrialStore {

    /** An SME's allocation, as the SME pages need it. */
    record Allocated(long allocationId, long employerId, String armCode, Instant allocatedAt, boolean inError) {
    }

    record Excluded(long employerId, ExclusionReason reason, String detail) {
    }

    record Payment(int number, InstalmentStatus status, String evidenceReference, LocalDate conditionMetOn,
            String withheldReason) {
    }

    private final JdbcClient jdbc;

    SmeTrialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the trial's row (as randomisation does), so exclusions and randomisations are made one at a time. */
    void lockTrial(long trialId) {
        jdbc.sql("SELECT id FROM trial WHERE id = ? FOR UPDATE").param(trialId).query(Long.class).single();
    }

    List<Allocated> allocations(long trialId) {
        return jdbc.sql("SELECT id, unit_id, arm_code, allocated_at, in_error_at FROM trial_allocation "
                        + "WHERE trial_id = ? ORDER BY allocated_at, id").param(trialId)
                .query((rs, row) -> new Allocated(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("arm_code"),
                        rs.getTimestamp("allocated_at").toInstant(), rs.getTimestamp("in_error_at") != null))
                .list();
    }

    Optional<Allocated> allocation(long trialId, long employerId) {
        return allocations(trialId).stream().filter(a -> a.employerId() == employerId).findFirst();
    }

    List<Excluded> exclusions(long trialId) {
        return jdbc.sql("SELECT unit_id, reason, detail FROM trial_exclusion WHERE trial_id = ? AND unit_type = 'EMPLOYER'")
                .param(trialId).query((rs, row) -> new Excluded(rs.getLong(1), ExclusionReason.valueOf(rs.getString(2)),
                        rs.getString(3))).list();
    }

    void insertExclusion(long trialId, long employerId, long organisationId, ExclusionReason reason, String detail,
            long by, Instant at) {
        jdbc.sql("""
                INSERT INTO trial_exclusion (trial_id, unit_type, unit_id, unit_organisation_id, reason, detail,
                    recorded_by, recorded_at) VALUES (?, 'EMPLOYER', ?, ?, ?, ?, ?, ?)""")
                .params(trialId, employerId, organisationId, reason.name(), detail, by, Timestamp.from(at)).update();
    }

    Optional<String> consentGivenBy(long trialId, long employerId) {
        return jdbc.sql("SELECT given_by FROM trial_employer_consent WHERE trial_id = ? AND employer_id = ?")
                .params(trialId, employerId).query(String.class).optional();
    }

    void insertConsent(long trialId, long employerId, String givenBy, Long by, Instant at) {
        jdbc.sql("INSERT INTO trial_employer_consent (trial_id, employer_id, given_by, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?)").params(trialId, employerId, givenBy, by, Timestamp.from(at)).update();
    }

    /** Drop-outs of the trial's allocations, by allocation. */
    Map<Long, SmeDropOut> dropOuts(long trialId) {
        Map<Long, SmeDropOut> dropOuts = new HashMap<>();
        jdbc.sql("""
                SELECT d.allocation_id, d.dropped_on, d.reason, d.detail FROM trial_drop_out d
                JOIN trial_allocation a ON a.id = d.allocation_id WHERE a.trial_id = ?""").param(trialId)
                .query((rs, row) -> dropOuts.put(rs.getLong(1), new SmeDropOut(rs.getObject(2, LocalDate.class),
                        DropOutReason.valueOf(rs.getString(3)), rs.getString(4))))
                .list();
        return dropOuts;
    }

    Optional<SmeDropOut> dropOut(long allocationId) {
        return jdbc.sql("SELECT dropped_on, reason, detail FROM trial_drop_out WHERE allocation_id = ?")
                .param(allocationId).query((rs, row) -> new SmeDropOut(rs.getObject(1, LocalDate.class),
                        DropOutReason.valueOf(rs.getString(2)), rs.getString(3))).optional();
    }

    void insertDropOut(long allocationId, SmeDropOut dropOut, long by, Instant at) {
        jdbc.sql("INSERT INTO trial_drop_out (allocation_id, dropped_on, reason, detail, recorded_by, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(allocationId, dropOut.droppedOn(), dropOut.reason().name(), dropOut.detail(), by,
                        Timestamp.from(at)).update();
    }

    Optional<GrantPlan> plan(long trialId) {
        Optional<Long> agreement = jdbc.sql("SELECT funding_agreement_id FROM trial_grant_plan WHERE trial_id = ?")
                .param(trialId).query(Long.class).optional();
        return agreement.map(a -> new GrantPlan(trialId, a, jdbc.sql(
                        "SELECT number, amount_pence, condition_text FROM trial_grant_instalment WHERE trial_id = ? "
                                + "ORDER BY number").param(trialId)
                .query((rs, row) -> new GrantPlan.Instalment(rs.getInt(1), rs.getLong(2), rs.getString(3))).list()));
    }

    void insertPlan(long trialId, long agreementId, Long by, Instant at) {
        jdbc.sql("INSERT INTO trial_grant_plan (trial_id, funding_agreement_id, created_by, created_at) VALUES (?, ?, ?, ?)")
                .params(trialId, agreementId, by, Timestamp.from(at)).update();
    }

    void insertInstalment(long trialId, int number, long amountPence, String condition) {
        jdbc.sql("INSERT INTO trial_grant_instalment (trial_id, number, amount_pence, condition_text) VALUES (?, ?, ?, ?)")
                .params(trialId, number, amountPence, condition).update();
    }

    /** Whether any SME's instalment has moved on from due: the plan is then fixed. */
    boolean planInUse(long trialId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM trial_grant_payment p JOIN trial_allocation a ON a.id = p.allocation_id
                WHERE a.trial_id = ? AND p.status <> 'WITHHELD'""").param(trialId).query(Long.class).single() > 0;
    }

    Map<Integer, Payment> payments(long allocationId) {
        Map<Integer, Payment> payments = new HashMap<>();
        jdbc.sql("SELECT number, status, evidence_reference, condition_met_on, withheld_reason FROM trial_grant_payment "
                        + "WHERE allocation_id = ?").param(allocationId)
                .query((rs, row) -> payments.put(rs.getInt(1), new Payment(rs.getInt(1),
                        InstalmentStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getString(5))))
                .list();
        return payments;
    }

    /** Locks the instalment's row, if there is one, for the rest of the transaction. */
    Optional<InstalmentStatus> lockPayment(long allocationId, int number) {
        return jdbc.sql("SELECT status FROM trial_grant_payment WHERE allocation_id = ? AND number = ? FOR UPDATE")
                .params(allocationId, number).query(String.class).optional().map(InstalmentStatus::valueOf);
    }

    void insertConditionMet(long allocationId, int number, String evidence, LocalDate on, long by, Instant at) {
        jdbc.sql("""
                INSERT INTO trial_grant_payment (allocation_id, number, status, evidence_reference, condition_met_on,
                    checked_by, checked_at) VALUES (?, ?, 'CONDITION_MET', ?, ?, ?, ?)""")
                .params(allocationId, number, evidence, on, by, Timestamp.from(at)).update();
    }

    boolean markPaid(long allocationId, int number, long fundingLineId, Long by, Instant at) {
        return jdbc.sql("""
                UPDATE trial_grant_payment SET status = 'PAID', funding_line_id = ?, paid_by = ?, paid_at = ?
                WHERE allocation_id = ? AND number = ? AND status = 'CONDITION_MET'""")
                .params(fundingLineId, by, Timestamp.from(at), allocationId, number).update() == 1;
    }

    /** Withholds every instalment of the allocation not yet paid (or withheld), with the reason. */
    int withholdUnpaid(long trialId, long allocationId, String reason, long by, Instant at) {
        int changed = jdbc.sql("""
                UPDATE trial_grant_payment SET status = 'WITHHELD', withheld_reason = ?, withheld_by = ?, withheld_at = ?
                WHERE allocation_id = ? AND status = 'CONDITION_MET'""")
                .params(reason, by, Timestamp.from(at), allocationId).update();
        changed += jdbc.sql("""
                INSERT INTO trial_grant_payment (allocation_id, number, status, withheld_reason, withheld_by, withheld_at)
                SELECT ?, i.number, 'WITHHELD', ?, ?, ? FROM trial_grant_instalment i
                WHERE i.trial_id = ? AND NOT EXISTS (SELECT 1 FROM trial_grant_payment p
                    WHERE p.allocation_id = ? AND p.number = i.number)""")
                .params(allocationId, reason, by, Timestamp.from(at), trialId, allocationId).update();
        return changed;
    }

    /** Withholds one instalment that is due or has its condition met. @return whether it was withheld now */
    boolean withhold(long allocationId, int number, String reason, long by, Instant at) {
        Optional<InstalmentStatus> status = lockPayment(allocationId, number);
        if (status.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO trial_grant_payment (allocation_id, number, status, withheld_reason, withheld_by,
                        withheld_at) VALUES (?, ?, 'WITHHELD', ?, ?, ?)""")
                    .params(allocationId, number, reason, by, Timestamp.from(at)).update();
            return true;
        }
        return jdbc.sql("""
                UPDATE trial_grant_payment SET status = 'WITHHELD', withheld_reason = ?, withheld_by = ?, withheld_at = ?
                WHERE allocation_id = ? AND number = ? AND status = 'CONDITION_MET'""")
                .params(reason, by, Timestamp.from(at), allocationId, number).update() == 1;
    }
}

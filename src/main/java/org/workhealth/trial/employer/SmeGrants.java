package org.workhealth.trial.employer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.employer.Employer;
import org.workhealth.funding.GrantPayments;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.Trial;

/**
 * The treatment arm's grant, by instalment, and SME drop-outs. An instalment is paid once (unique per SME and
 * instalment here, and per source in the funding module), only to an SME in the treatment arm that has not dropped
 * out, and only after its condition is met with evidence. Paying raises a grant line that the funding agreement's
 * next claim carries. Dropping out withholds every instalment not yet paid.
 */
@Service
public class SmeGrants {

    /** The instalment cannot move as asked; the message says why, for the page. */
    public static class GrantRefused extends RuntimeException {
        public GrantRefused(String message) {
            super(message);
        }
    }

    private final SmeTrialStore store;
    private final GrantPayments payments;
    private final AuditLog audit;
    private final Clock clock;

    SmeGrants(SmeTrialStore store, GrantPayments payments, AuditLog audit, Clock clock) {
        this.store = store;
        this.payments = payments;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<GrantPlan> plan(Trial trial) {
        return store.plan(trial.id());
    }

    public boolean planInUse(Trial trial) {
        return store.planInUse(trial.id());
    }

    public List<GrantPayments.GrantAgreement> agreements(Trial trial) {
        return payments.forProgramme(trial.programmeId(), trial.ownerOrganisationId());
    }

    /** Sets up the plan (first instalment names the agreement) or adds an instalment while none has been used. */
    @Transactional
    public void addInstalment(CurrentUser user, Trial trial, Long agreementId, long amountPence, String condition) {
        store.lockTrial(trial.id());
        Optional<GrantPlan> plan = store.plan(trial.id());
        if (plan.isEmpty()) {
            if (agreementId == null || agreements(trial).stream().noneMatch(a -> a.id() == agreementId)) {
                throw new GrantRefused("Choose the funding agreement the grants are paid from");
            }
            store.insertPlan(trial.id(), agreementId, user == null ? null : user.id(), clock.instant());
        } else if (store.planInUse(trial.id())) {
            throw new GrantRefused("Instalments have been checked or paid, so the plan cannot change");
        }
        int number = plan.map(p -> p.instalments().size()).orElse(0) + 1;
        store.insertInstalment(trial.id(), number, amountPence, condition);
        audit.recordChange("ADD_INSTALMENT", "trial_grant_instalment", trial.id() + "/" + number,
                trial.ownerOrganisationId(), trial.code() + " instalment " + number + ": " + Pounds.format(amountPence));
    }

    /** The SME's instalments with their status; empty for the control arm or when there is no plan. */
    public List<SmeInstalment> instalments(Trial trial, Allocation allocation) {
        Optional<GrantPlan> plan = store.plan(trial.id());
        if (plan.isEmpty() || trial.arm(allocation.armCode()).control()) {
            return List.of();
        }
        Map<Integer, SmeTrialStore.Payment> made = store.payments(allocation.id());
        List<SmeInstalment> list = new ArrayList<>();
        for (GrantPlan.Instalment i : plan.get().instalments()) {
            SmeTrialStore.Payment p = made.get(i.number());
            list.add(p == null ? new SmeInstalment(i.number(), i.amountPence(), i.condition(), InstalmentStatus.DUE,
                    null, null, null)
                    : new SmeInstalment(i.number(), i.amountPence(), i.condition(), p.status(), p.evidenceReference(),
                            p.conditionMetOn(), p.withheldReason()));
        }
        return list;
    }

    public Optional<SmeDropOut> dropOut(Allocation allocation) {
        return store.dropOut(allocation.id());
    }

    /** Records that the instalment's condition was met, with the evidence checked and the date. */
    @Transactional
    public void conditionMet(CurrentUser user, Trial trial, Allocation allocation, int number, String evidence,
            LocalDate on) {
        GrantPlan.Instalment instalment = payable(trial, allocation, number);
        if (on.isBefore(LocalDate.ofInstant(allocation.allocatedAt(), clock.getZone()))) {
            throw new GrantRefused("The date the condition was met must be on or after the date of randomisation");
        }
        try {
            store.insertConditionMet(allocation.id(), instalment.number(), evidence, on, user.id(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new GrantRefused("Instalment " + number + " has already been checked");
        }
        audit.recordChange("CONDITION_MET", "trial_grant_payment", allocation.id() + "/" + number,
                trial.ownerOrganisationId(), trial.code() + " employer " + allocation.unitId() + " instalment "
                        + number + ": " + evidence);
    }

    /**
     * Pays the instalment: raises the grant line in the funding module, then marks it paid, in one transaction.
     * @param who the person approving (checked by the funding module); null only for demo data
     */
    @Transactional
    public void pay(CurrentUser who, Trial trial, Allocation allocation, Employer employer, int number) {
        GrantPlan.Instalment instalment = payable(trial, allocation, number);
        InstalmentStatus status = store.lockPayment(allocation.id(), number).orElse(InstalmentStatus.DUE);
        if (status == InstalmentStatus.PAID) {
            throw new GrantRefused("Instalment " + number + " has already been paid");
        }
        if (status != InstalmentStatus.CONDITION_MET) {
            throw new GrantRefused("Instalment " + number + " cannot be paid: its condition has not been met");
        }
        GrantPlan plan = store.plan(trial.id()).orElseThrow();
        Instant now = clock.instant();
        GrantPayments.NewGrantLine line = new GrantPayments.NewGrantLine(plan.fundingAgreementId(),
                "TRIAL-" + trial.id() + "-A" + allocation.id() + "-I" + number, employer.id(), employer.name(),
                trial.title() + ": instalment " + number + " of " + plan.instalments().size() + " to "
                        + employer.name() + " (" + instalment.condition() + ")",
                instalment.amountPence(), LocalDate.ofInstant(now, clock.getZone()));
        long lineId;
        try {
            lineId = who == null ? payments.raiseUnchecked(line) : payments.raise(who, line);
        } catch (GrantPayments.AlreadyRaisedException e) {
            throw new GrantRefused("Instalment " + number + " has already been paid");
        }
        if (!store.markPaid(allocation.id(), number, lineId, who == null ? null : who.id(), now)) {
            throw new GrantRefused("Instalment " + number + " changed while it was being paid");
        }
        audit.recordChange("PAY_INSTALMENT", "trial_grant_payment", allocation.id() + "/" + number,
                trial.ownerOrganisationId(), trial.code() + " employer " + allocation.unitId() + " instalment "
                        + number + " " + instalment.amount());
    }

    @Transactional
    public void withhold(CurrentUser user, Trial trial, Allocation allocation, int number, String reason) {
        payable(trial, allocation, number);
        if (!store.withhold(allocation.id(), number, reason, user.id(), clock.instant())) {
            throw new GrantRefused("Instalment " + number + " has already been paid or withheld");
        }
        audit.recordChange("WITHHOLD_INSTALMENT", "trial_grant_payment", allocation.id() + "/" + number,
                trial.ownerOrganisationId(), trial.code() + " instalment " + number + ": " + reason);
    }

    /** Records the drop-out and withholds every instalment not yet paid. */
    @Transactional
    public void dropOut(CurrentUser user, Trial trial, Allocation allocation, SmeDropOut dropOut) {
        LocalDate allocated = LocalDate.ofInstant(allocation.allocatedAt(), clock.getZone());
        if (dropOut.droppedOn().isBefore(allocated)) {
            throw new GrantRefused("The date of dropping out must be on or after the date of randomisation");
        }
        if (dropOut.droppedOn().isAfter(LocalDate.now(clock))) {
            throw new GrantRefused("The date of dropping out must be today or in the past");
        }
        Instant now = clock.instant();
        try {
            store.insertDropOut(allocation.id(), dropOut, user.id(), now);
        } catch (DuplicateKeyException e) {
            throw new GrantRefused("This employer has already dropped out");
        }
        if (!trial.arm(allocation.armCode()).control()) {
            store.withholdUnpaid(trial.id(), allocation.id(), "Dropped out: " + dropOut.reason().label(), user.id(),
                    now);
        }
        audit.recordChange("DROP_OUT", "trial_drop_out", allocation.id(), trial.ownerOrganisationId(),
                trial.code() + " employer " + allocation.unitId() + ": " + dropOut.reason().name());
    }

    /** The plan's instalment, for an SME in the treatment arm that is taking part. */
    private GrantPlan.Instalment payable(Trial trial, Allocation allocation, int number) {
        if (trial.arm(allocation.armCode()).control()) {
            throw new GrantRefused("This employer is in the control arm: no grant is paid");
        }
        if (allocation.inError()) {
            throw new GrantRefused("This randomisation was marked as made in error: no grant is paid");
        }
        if (store.dropOut(allocation.id()).isPresent()) {
            throw new GrantRefused("This employer has dropped out: no further instalments are paid");
        }
        return store.plan(trial.id()).flatMap(p -> p.instalment(number))
                .orElseThrow(() -> new GrantRefused("The grant plan has no instalment " + number));
    }
}

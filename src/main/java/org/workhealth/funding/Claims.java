package org.workhealth.funding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.calendar.Quarter;
import org.workhealth.casework.Casework;
import org.workhealth.funding.internal.ClaimEvent;
import org.workhealth.funding.internal.ClaimLine;
import org.workhealth.funding.internal.ClaimStatement;
import org.workhealth.funding.internal.ClaimStatus;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingAgreements;
import org.workhealth.funding.internal.Money;
import org.workhealth.milestone.FirstMilestone;
import org.workhealth.milestone.Milestones;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * Quarterly claims: worked out from expenditure and the milestone record, submitted by the provider, approved
 * or returned by the commissioner. Callers check who may do what ({@link FundingAgreements}); this checks what
 * may happen to the claim: only an ended quarter is claimed (claims are paid in arrears), only a submitted
 * claim is decided, nobody approves their own claim, and an approved claim never changes.
 */
@Service
class Claims {

    /** The claim cannot move as asked; the message says why, in words for the page. */
    static class ClaimStateException extends RuntimeException {
        ClaimStateException(String message) {
            super(message);
        }
    }

    /** The statement changed since the person read it: they must read the new one before submitting. */
    static class ClaimChangedException extends RuntimeException {
        ClaimChangedException() {
            super("The claim changed while you were checking it");
        }
    }

    static final int MAX_REASON = 2000;

    private final ClaimStore store;
    private final GrantPayments grants;
    private final Expenditures expenditures;
    private final Milestones milestones;
    private final Casework casework;
    private final AuditLog audit;
    private final Clock clock;
    private final ClaimMessages messages;

    Claims(ClaimStore store, GrantPayments grants, Expenditures expenditures, Milestones milestones,
            Casework casework, AuditLog audit, Clock clock, ClaimMessages messages) {
        this.messages = messages;
        this.store = store;
        this.grants = grants;
        this.expenditures = expenditures;
        this.milestones = milestones;
        this.casework = casework;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A quarter is claimed in arrears: from the day after it ends. */
    boolean ended(Quarter quarter) {
        return today().isAfter(quarter.end());
    }

    Quarter quarter(FundingAgreement agreement, int year, int number) {
        if (number < 1 || number > 4 || year < 2000 || year > 2100) {
            throw new OutOfScopeException();
        }
        Quarter quarter = Quarter.of(year, number);
        if (!agreement.covers(quarter)) {
            throw new OutOfScopeException();
        }
        return quarter;
    }

    Optional<Claim> claim(FundingAgreement agreement, Quarter quarter) {
        return store.find(agreement.id(), quarter);
    }

    List<Claim> claims(FundingAgreement agreement) {
        return store.claims(agreement.id());
    }

    /** The statement of a quarter's claim: as submitted, or worked out now when it is a draft or was returned. */
    ClaimStatement statement(FundingAgreement agreement, Quarter quarter) {
        Optional<Claim> claim = store.find(agreement.id(), quarter);
        List<ClaimEvent> history = claim.map(c -> store.history(c.id())).orElse(List.of());
        if (claim.isPresent() && claim.get().status().claimed()) {
            Claim c = claim.get();
            List<ClaimLine> lines = store.lines(c.id(), casework.references(store.lineCaseIds(c.id())));
            return new ClaimStatement(agreement, quarter, c.status(), c.id(), c.version(), lines, List.of(), history,
                    null);
        }
        ClaimCalculator.Computed computed = compute(agreement, quarter, claim.map(Claim::id).orElse(null));
        List<String> notes = new ArrayList<>(computed.notes());
        if (!ended(quarter)) {
            notes.add(quarter.label() + " ends on " + Dates.format(quarter.end()) + ": its claim can be submitted from "
                    + Dates.format(quarter.end().plusDays(1)) + ". Until then these are the figures so far.");
        }
        return new ClaimStatement(agreement, quarter, claim.map(Claim::status).orElse(ClaimStatus.DRAFT),
                claim.map(Claim::id).orElse(null), claim.map(Claim::version).orElse(0), computed.lines(), notes,
                history, claim.map(Claim::returnReason).orElse(null));
    }

    /** Each case's first milestones that funding pays for under the agreement, in one query. */
    List<FirstMilestone> firsts(FundingAgreement agreement) {
        return milestones.firstPerCase(List.of(agreement.contract().id()), ClaimCalculator.evidenceTypes(agreement));
    }

    /**
     * Submits the quarter's claim as worked out now, provided it is the statement the person read.
     *
     * @return the claim's id
     */
    @Transactional
    long submit(CurrentUser user, FundingAgreement agreement, Quarter quarter, String fingerprint) {
        if (!ended(quarter)) {
            throw new ClaimStateException(quarter.label() + " has not ended: claims are made in arrears, from "
                    + Dates.format(quarter.end().plusDays(1)));
        }
        store.lockAgreement(agreement.id());
        Optional<Claim> existing = store.find(agreement.id(), quarter);
        if (existing.isPresent() && existing.get().status().claimed()) {
            throw new ClaimStateException("The claim for " + quarter.label() + " has already been submitted");
        }
        ClaimCalculator.Computed computed = compute(agreement, quarter, existing.map(Claim::id).orElse(null));
        if (!computed.notes().isEmpty()) {
            throw new ClaimStateException(computed.notes().get(0));
        }
        ClaimStatement now = new ClaimStatement(agreement, quarter, ClaimStatus.DRAFT, null, 0, computed.lines(),
                List.of(), List.of(), null);
        if (!now.fingerprint().equals(fingerprint)) {
            throw new ClaimChangedException();
        }
        Instant at = clock.instant();
        long total = now.totalPence();
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            if (!store.resubmit(id, existing.get().version(), total, at, user.id())) {
                throw new ClaimChangedException();
            }
        } else {
            try {
                id = store.insertClaim(agreement.id(), quarter, total, at, user.id());
            } catch (DuplicateKeyException e) {
                throw new ClaimChangedException();
            }
        }
        store.insertLines(id, computed.lines());
        store.insertEvent(id, existing.isPresent() ? "Resubmitted" : "Submitted", at, user.id(), total, null);
        audit.recordChange(existing.isPresent() ? "RESUBMIT" : "SUBMIT", "funding_claim", id,
                agreement.contract().providerOrganisationId(), agreement.contract().reference() + " "
                        + quarter.label() + " " + Money.format(total));
        messages.submitted(agreement, quarter, id, store.find(agreement.id(), quarter).orElseThrow().version());
        return id;
    }

    @Transactional
    void approve(CurrentUser user, FundingAgreement agreement, Quarter quarter, int version) {
        Claim claim = decidable(user, agreement, quarter);
        if (!store.decide(claim.id(), version, ClaimStatus.APPROVED, null, clock.instant(), user.id())) {
            throw new ClaimChangedException();
        }
        store.insertEvent(claim.id(), "Approved", clock.instant(), user.id(), claim.totalPence(), null);
        audit.recordChange("APPROVE", "funding_claim", claim.id(), agreement.contract().commissionerOrganisationId(),
                agreement.contract().reference() + " " + quarter.label() + " " + Money.format(claim.totalPence()));
        messages.approved(agreement, quarter, claim.id(), version + 1);
    }

    @Transactional
    void returnClaim(CurrentUser user, FundingAgreement agreement, Quarter quarter, int version, String reason) {
        Claim claim = decidable(user, agreement, quarter);
        if (!store.decide(claim.id(), version, ClaimStatus.RETURNED, reason, clock.instant(), user.id())) {
            throw new ClaimChangedException();
        }
        store.insertEvent(claim.id(), "Returned", clock.instant(), user.id(), claim.totalPence(), reason);
        audit.recordChange("RETURN", "funding_claim", claim.id(), agreement.contract().commissionerOrganisationId(),
                agreement.contract().reference() + " " + quarter.label() + ": " + reason);
        messages.returned(agreement, quarter, claim.id(), version + 1);
    }

    private Claim decidable(CurrentUser user, FundingAgreement agreement, Quarter quarter) {
        Claim claim = store.find(agreement.id(), quarter).orElseThrow(OutOfScopeException::new);
        if (claim.status() != ClaimStatus.SUBMITTED) {
            throw new ClaimStateException("The claim for " + quarter.label() + " is " + claim.status().label()
                    .toLowerCase() + ", not waiting for a decision");
        }
        if (claim.submittedBy() == user.id()) {
            throw new ClaimStateException("You submitted this claim, so someone else must approve or return it");
        }
        return claim;
    }

    private ClaimCalculator.Computed compute(FundingAgreement agreement, Quarter quarter, Long claimId) {
        List<ClaimCalculator.PriorLine> prior = store.claimedLines(agreement.id(), claimId);
        Set<Quarter> approved = store.claims(agreement.id()).stream()
                .filter(c -> c.status() == ClaimStatus.APPROVED).map(Claim::quarter).collect(Collectors.toSet());
        List<ClaimCalculator.Evidence> evidence = ClaimCalculator.evidence(agreement, firsts(agreement));
        Set<Long> cases = new HashSet<>();
        evidence.forEach(e -> cases.add(e.caseId()));
        prior.stream().map(p -> p.line().caseId()).filter(java.util.Objects::nonNull).forEach(cases::add);
        ClaimCalculator.Computed computed = ClaimCalculator.compute(agreement, quarter,
                expenditures.forQuarter(agreement.id(), quarter), prior, approved, evidence, casework.references(cases));
        List<ClaimLine> grantLines = GrantPayments.unclaimed(grants.lines(agreement.id()), quarter, prior);
        if (grantLines.isEmpty()) {
            return computed;
        }
        List<ClaimLine> lines = new ArrayList<>(computed.lines());
        lines.addAll(grantLines);
        return new ClaimCalculator.Computed(List.copyOf(lines), computed.notes());
    }
}

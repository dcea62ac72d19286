package org.workhealth.referral;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.milestone.MilestoneContracts;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.People;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programmes;

/**
 * First contact with a person whose referral was accepted: attempts and their outcomes. When the
 * person says they want support a case is opened and the "referral accepted" milestone written;
 * when they say no, the referral is declined; after enough failed attempts it may be closed as
 * unable to contact. Every step goes on the referral's timeline and in the audit log.
 */
@Service
class FirstContact {

    static final String DOES_NOT_WANT_SUPPORT_REASON = "Person does not want support";

    /** The parts of an accepted referral that first contact needs. */
    record ContactReferral(long id, String reference, ReferralStatus status, long routedOrganisationId,
            String fullName, LocalDate dateOfBirth, String phone, String email, String contactPreference,
            String bestTimes, Long programmeId, String programmeName, Long cohortId, String cohortName,
            Long assignedPersonId, String assignedPersonName, Long assignedOrganisationId, String employmentStatus,
            Instant receivedAt) {
    }

    record Attempt(long id, LocalDate attemptedOn, ContactChannel channel, ContactOutcome outcome,
            String recordedByName) {
    }

    record TimelineEntry(Instant occurredAt, String kind, String detail, String actorName) {
    }

    enum Result {
        /** The attempt was recorded and nothing else changed. */
        RECORDED,
        /** The attempt was recorded and the person's case opened. */
        CASE_OPENED,
        /** The attempt was recorded and the referral declined. */
        DECLINED,
        /** Nothing recorded: the referral already has a case. */
        CASE_ALREADY_OPEN,
        /** Nothing recorded: the referral is no longer accepted and waiting for contact. */
        NOT_WAITING
    }

    record Outcome(Result result, Long caseId) {
    }

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final Casework casework;
    private final Milestones milestones;
    private final MilestoneContracts contracts;
    private final ContactQueries queries;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxAttempts;

    FirstContact(JdbcClient jdbc, AccessPolicy access, Casework casework, Milestones milestones,
            MilestoneContracts contracts, Programmes programmes, People people, AuditLog audit, Clock clock,
            @Value("${workhealth.referral.max-contact-attempts:3}") int maxAttempts) {
        this.jdbc = jdbc;
        this.access = access;
        this.casework = casework;
        this.milestones = milestones;
        this.contracts = contracts;
        this.queries = new ContactQueries(jdbc, programmes, people);
        this.audit = audit;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The referral, when the person may contact them: the practitioner it is assigned to, or anyone
     * who manages cases for the organisation it is routed to. Otherwise "not found", whether or not it exists.
     */
    ContactReferral contactable(CurrentUser user, long id) {
        if (!user.has(Permission.MANAGE_CASES)) {
            throw new OutOfScopeException();
        }
        ContactReferral referral = find(id).orElseThrow(OutOfScopeException::new);
        boolean assigned = referral.assignedPersonId() != null && referral.assignedPersonId() == user.id();
        if (!assigned && !access.may(user, Permission.MANAGE_CASES, referral.routedOrganisationId())) {
            throw new OutOfScopeException();
        }
        return referral;
    }

    List<Attempt> attempts(long referralId) {
        return queries.attempts(referralId);
    }

    long failedAttempts(long referralId) {
        return attempts(referralId).stream().filter(a -> a.outcome().failed()).count();
    }

    Optional<Long> caseFor(long referralId) {
        return casework.caseForReferral(referralId);
    }

    /** Attempts may be recorded while the referral is accepted and no case is open yet. */
    boolean waitingForContact(ContactReferral referral) {
        return referral.status() == ReferralStatus.ACCEPTED && caseFor(referral.id()).isEmpty();
    }

    boolean mayCloseAsUnableToContact(ContactReferral referral) {
        return waitingForContact(referral) && failedAttempts(referral.id()) >= maxAttempts;
    }

    List<TimelineEntry> timeline(long referralId) {
        return queries.timeline(referralId);
    }

    /** Records an attempt and what follows from its outcome, all or nothing. */
    @Transactional
    Outcome record(CurrentUser user, ContactReferral referral, LocalDate on, ContactChannel channel,
            ContactOutcome outcome) {
        if (!lockWhileAccepted(referral.id())) {
            return new Outcome(Result.NOT_WAITING, null);
        }
        // Read again under the lock: the programme or practitioner may have changed since the page was shown.
        referral = find(referral.id()).orElseThrow(OutOfScopeException::new);
        Optional<Long> existing = caseFor(referral.id());
        if (existing.isPresent()) {
            // A repeated confirmation (a double click, a second practitioner): the case is already there.
            return new Outcome(Result.CASE_ALREADY_OPEN, existing.get());
        }
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO contact_attempt (referral_id, attempted_on, channel, outcome, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(referral.id(), Date.valueOf(on), channel.name(), outcome.name(), Timestamp.from(now),
                user.id()).update();
        String detail = channel.label() + " on " + DateAnswer.format(on) + ": " + outcome.label();
        changed(user, referral, "CONTACT_ATTEMPT", detail, now);

        return switch (outcome) {
            case WANTS_SUPPORT -> new Outcome(Result.CASE_OPENED, openCase(user, referral, on, now));
            case DOES_NOT_WANT_SUPPORT -> {
                close(user, referral, ReferralStatus.DECLINED, DOES_NOT_WANT_SUPPORT_REASON,
                        "Declined: " + DOES_NOT_WANT_SUPPORT_REASON, now);
                yield new Outcome(Result.DECLINED, null);
            }
            default -> new Outcome(Result.RECORDED, null);
        };
    }

    /** @return false when the referral is no longer waiting or has not had enough failed attempts */
    @Transactional
    boolean closeAsUnableToContact(CurrentUser user, ContactReferral referral) {
        if (!lockWhileAccepted(referral.id()) || caseFor(referral.id()).isPresent()) {
            return false;
        }
        long failed = failedAttempts(referral.id());
        if (failed < maxAttempts) {
            return false;
        }
        String reason = "Unable to contact after " + failed + " attempts";
        close(user, referral, ReferralStatus.UNABLE_TO_CONTACT, reason, reason, clock.instant());
        return true;
    }

    private long openCase(CurrentUser user, ContactReferral referral, LocalDate on, Instant now) {
        if (referral.programmeId() == null) {
            throw new IllegalStateException("Accepted referral " + referral.id() + " has no programme");
        }
        boolean assigned = referral.assignedPersonId() != null;
        long keyWorker = assigned ? referral.assignedPersonId() : user.id();
        Delivery delivery = delivery(referral, assigned ? referral.assignedOrganisationId() : user.organisationId(),
                on);
        long caseId = casework.openCase(new OpenCase(referral.id(), referral.reference(), referral.programmeId(),
                referral.cohortId(), delivery.organisationId(), keyWorker, referral.employmentStatus(), on));
        Long contractId = delivery.contract().map(Contract::id).orElse(null);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("employment_status", referral.employmentStatus());
        attributes.put("in_work", String.valueOf(EmploymentStatus.valueOf(referral.employmentStatus()).inWork()));
        milestones.record(new NewMilestone(MilestoneType.REFERRAL_ACCEPTED, caseId, referral.id(),
                referral.programmeId(), contractId, delivery.organisationId(), on, attributes, user.id()));
        changed(user, referral, "CASE_OPENED", "Case opened; the person wants support", now);
        return caseId;
    }

    private record Delivery(long organisationId, Optional<Contract> contract) {
    }

    /**
     * Who delivers the support, and under which contract. A referral may wait at a hub or locality
     * and be assigned to a practitioner of a provider below it: the provider is then the key
     * worker's organisation, or the nearest one above it (up to where the referral is routed) that
     * holds a live contract for the programme ({@link MilestoneContracts}, the rule every milestone counts by).
     * A key worker outside the routed organisation leaves the routed organisation delivering.
     */
    private Delivery delivery(ContactReferral referral, Long keyWorkerOrganisationId, LocalDate on) {
        long routed = referral.routedOrganisationId();
        long start = keyWorkerOrganisationId != null && access.scopeOf(routed).contains(keyWorkerOrganisationId)
                ? keyWorkerOrganisationId : routed;
        Optional<Contract> contract = contracts.countedUnder(referral.programmeId(), start, routed, on);
        return new Delivery(contract.map(Contract::providerOrganisationId).orElse(start), contract);
    }

    private void close(CurrentUser user, ContactReferral referral, ReferralStatus status, String reason,
            String detail, Instant now) {
        jdbc.sql("UPDATE referral SET status = ?, decision_reason = ?, decided_at = ?, decided_by = ? WHERE id = ?")
                .params(status.name(), reason, Timestamp.from(now), user.id(), referral.id()).update();
        changed(user, referral, status.name(), detail, now);
    }

    /**
     * Locks the referral row for the rest of the transaction, if it is still accepted, so that two
     * people recording at once take turns: the second then sees the first one's case or closure.
     */
    private boolean lockWhileAccepted(long referralId) {
        return jdbc.sql("UPDATE referral SET version = version + 1 WHERE id = ? AND status = ?")
                .params(referralId, ReferralStatus.ACCEPTED.name()).update() == 1;
    }

    private void changed(CurrentUser user, ContactReferral referral, String kind, String detail, Instant at) {
        jdbc.sql("INSERT INTO referral_event (referral_id, occurred_at, actor_id, kind, detail) VALUES (?, ?, ?, ?, ?)")
                .params(referral.id(), Timestamp.from(at), user.id(), kind, detail).update();
        audit.recordChange(kind, "referral", referral.id(), referral.routedOrganisationId(), detail);
    }

    private Optional<ContactReferral> find(long id) {
        return queries.find(id);
    }
}

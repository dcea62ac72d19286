package org.workhealth.referral.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.milestone.Milestone;
import org.workhealth.milestone.MilestoneContracts;
import org.workhealth.milestone.MilestoneFilter;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.EmploymentStatus;

/**
 * The one place the referral module writes the "referral received" milestone. A referral counts as
 * received when the single access point receives it, whatever happens to it next (accepted, routed,
 * signposted, declined or still waiting), so it is written at intake and, for a referral whose
 * programme could not be told then, at its first triage decision. It is written once per referral, ever:
 * a later call finds it there and adds nothing.
 *
 * <ul>
 * <li>programme: the one triage named, when it has; otherwise the one the referral's route implies: the
 * programme of the live contracts held by the organisation the referral is routed to, or by the nearest
 * organisation above it that holds any. When that organisation delivers live contracts of more than one
 * programme, or nothing up the tree holds one, no programme is implied and nothing is written until a
 * decision names one or the referral is routed on;</li>
 * <li>occurred on: the day the referral was received (Europe/London), not the day of the decision,
 * so that referrals count in the quarter they arrived;</li>
 * <li>organisation: the one the referral is routed to when it is written;</li>
 * <li>contract: the programme's live contract held by that organisation, or else by the nearest
 * organisation above it that holds one; none when no organisation up the tree holds one
 * ({@link MilestoneContracts}, the rule every milestone counts by);</li>
 * <li>attributes: {@code employment_status}, {@code in_work} and, when the decision gave one,
 * {@code cohort} (the cohort's code).</li>
 * </ul>
 */
@Component
public class ReferralMilestones {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private record Received(long id, long routedOrganisationId, Long programmeId, Long cohortId,
            String employmentStatus, LocalDate receivedOn) {
    }

    private final JdbcClient jdbc;
    private final Milestones milestones;
    private final Programmes programmes;
    private final Organisations organisations;
    private final MilestoneContracts contracts;

    ReferralMilestones(JdbcClient jdbc, Milestones milestones, Programmes programmes, Organisations organisations,
            MilestoneContracts contracts) {
        this.jdbc = jdbc;
        this.milestones = milestones;
        this.programmes = programmes;
        this.organisations = organisations;
        this.contracts = contracts;
    }

    /**
     * Records the referral as received, as it stands now: call it after intake and after each triage decision,
     * in the same transaction (a decision's holds the referral's row lock).
     *
     * @return the new milestone's id; empty when no programme is named or implied yet, or it was already recorded
     */
    public Optional<Long> recordReceived(long referralId, Long recordedBy) {
        Received referral = received(List.of(referralId)).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No referral " + referralId));
        if (alreadyRecorded(referralId)) {
            return Optional.empty();
        }
        return milestone(referral, recordedBy, new HashMap<>(), referral.cohortId() == null ? Map.of() : cohortCodes())
                .map(milestones::record);
    }

    /**
     * Records the "referral received" milestones of referrals just received together (a bulk file's chunk), as
     * {@link #recordReceived} would one by one, in a few queries whatever their number: the referrals are read
     * at once, each route's contract is worked out once, and the milestones go in one batch.
     */
    public void recordReceivedAll(Collection<Long> referralIds, Long recordedBy) {
        if (referralIds.isEmpty()) {
            return;
        }
        Map<String, Optional<Contract>> found = new HashMap<>();
        List<Received> referrals = received(referralIds);
        Map<Long, String> cohortCodes = referrals.stream().anyMatch(r -> r.cohortId() != null) ? cohortCodes()
                : Map.of();
        List<NewMilestone> batch = new ArrayList<>();
        for (Received referral : referrals) {
            milestone(referral, recordedBy, found, cohortCodes).ifPresent(batch::add);
        }
        milestones.recordAll(batch);
    }

    private List<Received> received(Collection<Long> referralIds) {
        return jdbc.sql("""
                SELECT r.id, r.routed_organisation_id, r.programme_id, r.cohort_id, r.employment_status, r.received_at
                FROM referral r WHERE r.id IN (:ids) ORDER BY r.id
                """).param("ids", referralIds).query((rs, n) -> {
                    long programme = rs.getLong("programme_id");
                    Long programmeId = rs.wasNull() ? null : programme;
                    long cohort = rs.getLong("cohort_id");
                    Long cohortId = rs.wasNull() ? null : cohort;
                    LocalDate receivedOn = rs.getTimestamp("received_at").toInstant()
                            .atZone(LONDON).toLocalDate();
                    return new Received(rs.getLong("id"), rs.getLong("routed_organisation_id"), programmeId,
                            cohortId, rs.getString("employment_status"), receivedOn);
                }).list();
    }

    /** The milestone for a referral received, with the contracts already worked out for other referrals. */
    private Optional<NewMilestone> milestone(Received referral, Long recordedBy,
            Map<String, Optional<Contract>> contracts, Map<Long, String> cohortCodes) {
        Long programmeId = referral.programmeId();
        Long contractId;
        if (programmeId != null) {
            long named = programmeId;
            contractId = contracts.computeIfAbsent(named + "|" + referral.routedOrganisationId() + "|"
                    + referral.receivedOn(), key -> this.contracts.countedUnder(named, referral.routedOrganisationId(),
                            null, referral.receivedOn())).map(Contract::id).orElse(null);
        } else {
            Optional<Contract> implied = contracts.computeIfAbsent("implied|" + referral.routedOrganisationId() + "|"
                    + referral.receivedOn(), key -> impliedContract(referral.routedOrganisationId(),
                            referral.receivedOn()));
            if (implied.isEmpty()) {
                return Optional.empty();
            }
            programmeId = implied.get().programmeId();
            contractId = implied.get().id();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("employment_status", referral.employmentStatus());
        attributes.put("in_work", String.valueOf(EmploymentStatus.valueOf(referral.employmentStatus()).inWork()));
        if (referral.cohortId() != null && cohortCodes.containsKey(referral.cohortId())) {
            attributes.put("cohort", cohortCodes.get(referral.cohortId()));
        }
        return Optional.of(new NewMilestone(MilestoneType.REFERRAL_RECEIVED, null, referral.id(), programmeId,
                contractId, referral.routedOrganisationId(), referral.receivedOn(), attributes, recordedBy));
    }

    /** What counts as responding to a referral: a contact attempt, or a triage decision or route. */
    public static final List<String> RESPONSE_KINDS = List.of("CONTACT_ATTEMPT", "ACCEPTED", "ROUTED", "SIGNPOSTED",
            "DECLINED", "TRIAL_CONTROL");

    /**
     * Records when the referral was first responded to, once its "referral received" milestone is there: under the
     * same programme, contract, organisation and date (it counts in the quarter the referral arrived), with
     * {@code on_time} true when the first contact attempt, decision or route came by the response due time (two
     * working days). Call it after each of those, in the same transaction.
     *
     * @return the new milestone's id; empty when there is no response or no received milestone yet, or it is there
     */
    public Optional<Long> recordResponded(long referralId, Long recordedBy) {
        if (!current(referralId, MilestoneType.REFERRAL_RESPONDED).isEmpty()) {
            return Optional.empty();
        }
        List<Milestone> received = current(referralId, MilestoneType.REFERRAL_RECEIVED);
        if (received.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> times = jdbc.sql("""
                SELECT r.response_due_at,
                       (SELECT MIN(e.occurred_at) FROM referral_event e
                        WHERE e.referral_id = r.id AND e.kind IN (:kinds)) AS responded_at
                FROM referral r WHERE r.id = :id
                """).param("kinds", RESPONSE_KINDS).param("id", referralId).query().singleRow();
        if (times.get("responded_at") == null) {
            return Optional.empty();
        }
        boolean onTime = !((java.sql.Timestamp) times.get("responded_at"))
                .after((java.sql.Timestamp) times.get("response_due_at"));
        Milestone first = received.get(0);
        return Optional.of(milestones.record(new NewMilestone(MilestoneType.REFERRAL_RESPONDED, null, referralId,
                first.programmeId(), first.contractId(), first.organisationId(), first.occurredOn(),
                Map.of("on_time", String.valueOf(onTime)), recordedBy)));
    }

    private List<Milestone> current(long referralId, MilestoneType type) {
        return milestones.current(new MilestoneFilter(null, referralId, null, null, null, type, null, null));
    }

    /**
     * The contract a referral's route implies: the live contracts held by the organisation, or by the nearest one
     * above it that holds any, when they are all of one programme (the one that started last); none when they are
     * of several programmes (triage must choose) or nothing up the tree holds one.
     */
    private Optional<Contract> impliedContract(long organisationId, LocalDate on) {
        Long current = organisationId;
        while (current != null) {
            List<Contract> held = programmes.liveContractsHeldBy(current, on);
            if (!held.isEmpty()) {
                if (held.stream().map(Contract::programmeId).distinct().count() > 1) {
                    return Optional.empty();
                }
                return held.stream().max(Comparator.comparing(Contract::startsOn).thenComparing(Contract::id));
            }
            current = organisations.find(current).map(Organisation::parentId).orElse(null);
        }
        return Optional.empty();
    }

    private boolean alreadyRecorded(long referralId) {
        // A corrected milestone leaves its correction current, so the current ones are enough to check.
        return !milestones.current(new MilestoneFilter(null, referralId, null, null, null,
                MilestoneType.REFERRAL_RECEIVED, null, null)).isEmpty();
    }

    /** Every cohort's code by its id, from the programme module: a handful of programmes, read in one go. */
    private Map<Long, String> cohortCodes() {
        Map<Long, String> codes = new HashMap<>();
        programmes.all().forEach(p -> p.cohorts().forEach(c -> codes.put(c.id(), c.code())));
        return codes;
    }
}

package org.workhealth.referral;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.milestone.MilestoneFilter;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programmes;

/**
 * The one place the referral module writes the "referral received" milestone. A referral counts as
 * received by a programme when the programme becomes known: at the first triage decision that names
 * one (accepted onto it, or routed for it). Decisions without a programme (signposted, declined,
 * routed for no particular programme) record nothing, because a milestone must belong to a programme.
 * It is written once per referral, ever: a later decision finds it there and adds nothing.
 *
 * <ul>
 * <li>occurred on: the day the referral was received (Europe/London), not the day of the decision,
 * so that referrals count in the quarter they arrived;</li>
 * <li>organisation: the one the referral is routed to at the decision;</li>
 * <li>contract: the programme's live contract held by that organisation, or else by the nearest
 * organisation above it that holds one; none when no organisation up the tree holds one;</li>
 * <li>attributes: {@code employment_status}, {@code in_work} and, when the decision gave one,
 * {@code cohort} (the cohort's code).</li>
 * </ul>
 */
@Component
class ReferralMilestones {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private record Received(long id, long routedOrganisationId, Long programmeId, String cohortCode,
            String employmentStatus, LocalDate receivedOn) {
    }

    private final JdbcClient jdbc;
    private final Milestones milestones;
    private final Programmes programmes;
    private final Organisations organisations;

    ReferralMilestones(JdbcClient jdbc, Milestones milestones, Programmes programmes, Organisations organisations) {
        this.jdbc = jdbc;
        this.milestones = milestones;
        this.programmes = programmes;
        this.organisations = organisations;
    }

    /**
     * Records the referral as received by its programme, as it stands now (call it after the decision
     * is saved, in the decision's transaction, which holds the referral's row lock).
     *
     * @return the new milestone's id; empty when the referral has no programme or was already recorded
     */
    Optional<Long> recordReceived(long referralId, Long recordedBy) {
        Received referral = jdbc.sql("""
                SELECT r.id, r.routed_organisation_id, r.programme_id, c.code AS cohort_code, r.employment_status,
                       r.received_at
                FROM referral r LEFT JOIN cohort c ON c.id = r.cohort_id
                WHERE r.id = ?
                """).param(referralId).query((rs, n) -> {
                    long programme = rs.getLong("programme_id");
                    Long programmeId = rs.wasNull() ? null : programme;
                    LocalDate receivedOn = rs.getTimestamp("received_at").toInstant()
                            .atZone(LONDON).toLocalDate();
                    return new Received(rs.getLong("id"), rs.getLong("routed_organisation_id"), programmeId,
                            rs.getString("cohort_code"), rs.getString("employment_status"), receivedOn);
                }).optional().orElseThrow(() -> new IllegalArgumentException("No referral " + referralId));
        if (referral.programmeId() == null || alreadyRecorded(referralId)) {
            return Optional.empty();
        }
        Long contractId = contract(referral.programmeId(), referral.routedOrganisationId(), referral.receivedOn())
                .map(Contract::id).orElse(null);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("employment_status", referral.employmentStatus());
        attributes.put("in_work", String.valueOf(EmploymentStatus.valueOf(referral.employmentStatus()).inWork()));
        if (referral.cohortCode() != null) {
            attributes.put("cohort", referral.cohortCode());
        }
        return Optional.of(milestones.record(new NewMilestone(MilestoneType.REFERRAL_RECEIVED, null, referral.id(),
                referral.programmeId(), contractId, referral.routedOrganisationId(), referral.receivedOn(),
                attributes, recordedBy)));
    }

    private boolean alreadyRecorded(long referralId) {
        // A corrected milestone leaves its correction current, so the current ones are enough to check.
        return !milestones.current(new MilestoneFilter(null, referralId, null, null, null,
                MilestoneType.REFERRAL_RECEIVED, null, null)).isEmpty();
    }

    /** The live contract of the routed organisation, or of the nearest organisation above it that has one. */
    private Optional<Contract> contract(long programmeId, long organisationId, LocalDate on) {
        Long current = organisationId;
        while (current != null) {
            Optional<Contract> contract = programmes.liveContract(programmeId, current, on);
            if (contract.isPresent()) {
                return contract;
            }
            current = organisations.find(current).map(Organisation::parentId).orElse(null);
        }
        return Optional.empty();
    }
}

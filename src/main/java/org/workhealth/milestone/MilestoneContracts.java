package org.workhealth.milestone;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programmes;

/**
 * The one rule for which contract a milestone counts under: the programme's contract live on the milestone's day
 * held by the organisation delivering it, or else by the nearest organisation above it that holds one, going no
 * higher than a given organisation. None when nothing up to there holds one. Casework (a case's milestones),
 * the referral module (a referral received) and first contact (which provider delivers a new case) all ask here.
 */
@Component
public class MilestoneContracts {

    private final Programmes programmes;
    private final Organisations organisations;

    MilestoneContracts(Programmes programmes, Organisations organisations) {
        this.programmes = programmes;
        this.organisations = organisations;
    }

    /**
     * @param organisationId the organisation delivering the support, where the search starts
     * @param highest        the highest organisation to look at: the organisation itself for a case's milestones,
     *                       the organisation a referral is routed to for first contact, or null for the top of the
     *                       tree; when it is not above {@code organisationId} the search goes to the top
     * @return the contract; its provider is the organisation that holds it
     */
    public Optional<Contract> countedUnder(long programmeId, long organisationId, Long highest, LocalDate on) {
        Long current = organisationId;
        while (current != null) {
            Optional<Contract> contract = programmes.liveContract(programmeId, current, on);
            if (contract.isPresent() || current.equals(highest)) {
                return contract;
            }
            current = organisations.find(current).map(Organisation::parentId).orElse(null);
        }
        return Optional.empty();
    }

    /** The contract of a milestone delivered by this organisation, which it holds itself: a case's. */
    public Optional<Contract> heldBy(long programmeId, long organisationId, LocalDate on) {
        return countedUnder(programmeId, organisationId, organisationId, on);
    }
}

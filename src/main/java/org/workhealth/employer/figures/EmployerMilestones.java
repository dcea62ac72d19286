package org.workhealth.employer.figures;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;

/**
 * Writes the employer module's milestones on the shared record, from which performance counts Thrive at Work's
 * KPIs. An employer milestone has no case and no referral; it belongs to the hub's employer programme, is delivered
 * by the hub, and counts under the hub's contract live on its date (none: it is kept, and counts nowhere until the
 * period has a contract). Every milestone names the employer (attribute {@code employer}) so it can be traced back.
 */
@Component
public class EmployerMilestones {

    private static final Logger log = LoggerFactory.getLogger(EmployerMilestones.class);

    private final Milestones milestones;
    private final Programmes programmes;

    EmployerMilestones(Milestones milestones, Programmes programmes) {
        this.milestones = milestones;
        this.programmes = programmes;
    }

    /**
     * Records one milestone for the hub's employer programme; empty when the hub runs none (then there is nothing
     * to count it towards, which is logged).
     */
    @Transactional
    public Optional<Long> record(MilestoneType type, long hubOrganisationId, LocalDate on,
            Map<String, String> attributes, Long recordedBy) {
        Optional<Programme> programme = programmeOf(hubOrganisationId);
        if (programme.isEmpty()) {
            log.warn("No employer programme at organisation {}: {} on {} not recorded", hubOrganisationId, type, on);
            return Optional.empty();
        }
        Long contract = programmes.liveContract(programme.get().id(), hubOrganisationId, on).map(Contract::id)
                .orElse(null);
        return Optional.of(milestones.record(new NewMilestone(type, null, null, programme.get().id(), contract,
                hubOrganisationId, on, attributes, recordedBy)));
    }

    /** The hub's employer accreditation programme: the first it owns, by id, when it has several. */
    public Optional<Programme> programmeOf(long hubOrganisationId) {
        return programmes.all().stream()
                .filter(p -> p.supportType() == SupportType.EMPLOYER_ACCREDITATION
                        && p.ownerOrganisationId() != null && p.ownerOrganisationId() == hubOrganisationId)
                .min(Comparator.comparing(Programme::id));
    }
}

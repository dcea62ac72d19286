package org.workhealth.casework;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.workhealth.milestone.Milestone;
import org.workhealth.milestone.MilestoneContracts;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.programme.Contract;

/**
 * The one place casework writes milestones: engagement, action plan agreed, job start, job
 * retention, measure improved and exit all go through here, so each is stamped the same way with
 * the case's programme, delivering organisation and the contract it counts under ({@link MilestoneContracts}).
 */
@Component
class CaseMilestones {

    private final Milestones milestones;
    private final MilestoneContracts contracts;

    CaseMilestones(Milestones milestones, MilestoneContracts contracts) {
        this.milestones = milestones;
        this.contracts = contracts;
    }

    /**
     * @param attributes what the figures filter on (for example {@code in_work=true}) and the
     *     evidence, as short key/value pairs
     * @return the milestone's id
     */
    long record(SupportCase supportCase, MilestoneType type, LocalDate occurredOn, Map<String, String> attributes,
            long recordedBy) {
        Long contractId = contracts.heldBy(supportCase.programmeId(), supportCase.organisationId(), occurredOn)
                .map(Contract::id).orElse(null);
        return milestones.record(new NewMilestone(type, supportCase.id(), supportCase.referralId(),
                supportCase.programmeId(), contractId, supportCase.organisationId(), occurredOn, attributes,
                recordedBy));
    }

    /** Moves a milestone of the case to {@code occurredOn}, under the contract live on that day. */
    long correctDate(SupportCase supportCase, Milestone original, LocalDate occurredOn, String reason,
            long correctedBy) {
        return correct(supportCase, original, original.type(), occurredOn, original.attributes(), reason,
                correctedBy);
    }

    /** Puts a milestone of the case right: its type, date and attributes, under the contract live on the date. */
    long correct(SupportCase supportCase, Milestone original, MilestoneType type, LocalDate occurredOn,
            Map<String, String> attributes, String reason, long correctedBy) {
        Long contractId = contracts.heldBy(supportCase.programmeId(), supportCase.organisationId(), occurredOn)
                .map(Contract::id).orElse(null);
        return milestones.supersede(original.id(), new NewMilestone(type, supportCase.id(),
                supportCase.referralId(), supportCase.programmeId(), contractId, supportCase.organisationId(),
                occurredOn, attributes, correctedBy), reason);
    }

    long withdraw(Milestone original, String reason, long withdrawnBy) {
        return milestones.withdraw(original.id(), reason, withdrawnBy);
    }
}

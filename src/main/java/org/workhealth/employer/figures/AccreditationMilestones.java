package org.workhealth.employer.figures;

import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.calendar.Quarter;
import org.workhealth.employer.assessment.AwardWithdrawn;
import org.workhealth.employer.assessment.EmployerAccredited;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;

/**
 * An award is an accreditation: one {@code EMPLOYER_ACCREDITED} milestone on the day it was made, in the award's
 * transaction. A withdrawal takes the milestone back only while the award's quarter is still running (an award made
 * in error); a later withdrawal leaves the quarter's reported figure alone, since the award was made then, and shows
 * on the dashboard as no current award.
 */
@Component
class AccreditationMilestones {

    private final EmployerMilestones employerMilestones;
    private final Milestones milestones;
    private final JdbcClient jdbc;

    AccreditationMilestones(EmployerMilestones employerMilestones, Milestones milestones, JdbcClient jdbc) {
        this.employerMilestones = employerMilestones;
        this.milestones = milestones;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(EmployerAccredited event) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("employer", String.valueOf(event.employerId()));
        attributes.put("level", event.level());
        attributes.put("award", String.valueOf(event.awardId()));
        employerMilestones.record(MilestoneType.EMPLOYER_ACCREDITED, event.hubOrganisationId(), event.awardedOn(),
                attributes, null).ifPresent(id -> jdbc.sql("""
                        INSERT INTO employer_award_milestone (award_id, employer_id, milestone_id, awarded_on)
                        VALUES (?, ?, ?, ?)""")
                .params(event.awardId(), event.employerId(), id, Date.valueOf(event.awardedOn())).update());
    }

    @EventListener
    void on(AwardWithdrawn event) {
        record Written(long milestoneId, java.time.LocalDate awardedOn) {
        }
        jdbc.sql("SELECT milestone_id, awarded_on FROM employer_award_milestone WHERE award_id = ?")
                .param(event.awardId())
                .query((rs, n) -> new Written(rs.getLong("milestone_id"), rs.getDate("awarded_on").toLocalDate()))
                .optional()
                .filter(w -> Quarter.containing(w.awardedOn()).equals(Quarter.containing(event.on())))
                .filter(w -> milestones.isCurrent(w.milestoneId()))
                .ifPresent(w -> milestones.withdraw(w.milestoneId(),
                        "Award withdrawn on " + event.on() + " in the quarter it was made", null));
    }
}

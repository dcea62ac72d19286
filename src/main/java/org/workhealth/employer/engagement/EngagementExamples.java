package org.workhealth.employer.engagement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.employer.Employer;
import org.workhealth.employer.Employers;

/**
 * Demo engagements and case studies for the demo employers, made through the services the pages use, so that their
 * milestones count on the dashboards as real ones would. Made up for the demo.
 */
@Service
public class EngagementExamples {

    private final Engagements engagements;
    private final CaseStudies caseStudies;
    private final Employers employers;
    private final JdbcClient jdbc;
    private final Clock clock;

    EngagementExamples(Engagements engagements, CaseStudies caseStudies, Employers employers, JdbcClient jdbc,
            Clock clock) {
        this.engagements = engagements;
        this.caseStudies = caseStudies;
        this.employers = employers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param advisorId the advisor the engagements and case studies are recorded by */
    @Transactional
    public void load(long hub, long advisorId) {
        LocalDate today = LocalDate.now(clock);
        List<Long> confirmed = jdbc.sql("SELECT id FROM employer WHERE hub_organisation_id = ? AND status = 'CONFIRMED' "
                + "ORDER BY signed_up_on, id").param(hub).query(Long.class).list();
        if (confirmed.size() < 3) {
            return;
        }
        engagements.insert(hub, new NewEngagement("Mental health awareness webinar", EngagementKind.WEBINAR,
                today.minusDays(130), 64, true, confirmed.subList(0, Math.min(6, confirmed.size())), List.of()),
                advisorId);
        engagements.insert(hub, new NewEngagement("Menopause at work workshop", EngagementKind.WORKSHOP,
                today.minusDays(75), 22, true, confirmed.subList(1, 3), List.of()), advisorId);
        engagements.insert(hub, new NewEngagement("Wellbeing champions training", EngagementKind.TRAINING,
                today.minusDays(40), 15, false, confirmed.subList(0, 1), List.of("Priya Shah", "Tom Evans")),
                advisorId);
        engagements.insert(hub, new NewEngagement("Action planning session", EngagementKind.ONE_TO_ONE,
                today.minusDays(12), 2, false, confirmed.subList(2, 3), List.of()), advisorId);

        Employer first = employers.find(confirmed.get(0)).orElseThrow();
        long published = caseStudies.insert(first, "Wellbeing champions on every shift",
                "Champions on each shift meet monthly with the wellbeing lead.\n\nSickness absence fell and staff "
                        + "say they know where to turn.", advisorId);
        approve(published, advisorId);
        caseStudies.publish(caseStudies.find(published).orElseThrow(), 1, today.minusDays(20), advisorId);
        long approved = caseStudies.insert(employers.find(confirmed.get(1)).orElseThrow(),
                "Flexible hours for carers", "A policy written with staff who care for relatives.", advisorId);
        approve(approved, advisorId);
        caseStudies.insert(employers.find(confirmed.get(2)).orElseThrow(), "Walking meetings",
                "Draft: notes from the first visit.", advisorId);
    }

    private void approve(long id, long by) {
        jdbc.sql("""
                UPDATE employer_case_study SET status = 'APPROVED', consent_given_by = 'The wellbeing lead',
                    consent_recorded_by = ?, consent_recorded_at = CURRENT_TIMESTAMP, approved_by = ?,
                    approved_at = CURRENT_TIMESTAMP, version = version + 1 WHERE id = ?""").params(by, by, id).update();
    }
}

package org.workhealth.employer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.employer.engagement.EngagementExamples;
import org.workhealth.employer.figures.EmployerMilestones;
import org.workhealth.employer.figures.FigureExamples;
import org.workhealth.employer.pilot.PilotExamples;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;

/**
 * Thrive at Work's figures for the demo (engineer E3's part of issue 15): the entered baseline of employers and
 * employees, engagements and case studies with the demo employers, and the board paper's three pilots. Loaded after
 * the employers ({@link EmployerExamples}) and their accreditation.
 */
@Service
public class EmployerFigureExamples {

    private final EmployerMilestones milestones;
    private final FigureExamples figures;
    private final EngagementExamples engagements;
    private final PilotExamples pilots;
    private final People people;
    private final org.workhealth.organisation.Organisations organisations;

    EmployerFigureExamples(EmployerMilestones milestones, FigureExamples figures, EngagementExamples engagements,
            PilotExamples pilots, People people, org.workhealth.organisation.Organisations organisations) {
        this.milestones = milestones;
        this.figures = figures;
        this.engagements = engagements;
        this.pilots = pilots;
        this.people = people;
        this.organisations = organisations;
    }

    @Transactional
    public void load() {
        long hub = organisations.findByName(EmployerExamples.HUB).orElseThrow().id();
        Person commissioner = people.findByEmail("commissioner@wmca.workhealth.example").orElseThrow();
        Person advisor = people.findByEmail("advisor@wmca.workhealth.example").orElseThrow();
        figures.load(hub, commissioner.id());
        engagements.load(hub, advisor.id());
        milestones.programmeOf(hub).ifPresent(programme -> pilots.load(programme.id(), hub, commissioner.id()));
    }
}

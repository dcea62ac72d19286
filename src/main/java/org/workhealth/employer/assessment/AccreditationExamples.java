package org.workhealth.employer.assessment;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.employer.Employer;
import org.workhealth.employer.EmployerExamples;
import org.workhealth.employer.Employers;
import org.workhealth.employer.framework.Criterion;
import org.workhealth.employer.framework.Framework;
import org.workhealth.employer.framework.FrameworkExamples;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;

/**
 * The demo's Thrive at Work framework at the West Midlands Combined Authority (two versions, criteria written for
 * the demo), and the demo employers' accreditation at every stage, made through the same services as real work:
 * Acme Components Ltd part-way through Bronze, employers awarded Bronze (two of them on the register, one lapsed),
 * one that has completed the financial wellbeing module on its own, and one waiting for the assessor. The demo's
 * employers other than Acme have no accounts, so their answers are recorded without a person.
 */
@Component
public class AccreditationExamples {

    private final FrameworkExamples frameworks;
    private final SelfAssessment selfAssessment;
    private final AssessmentRounds rounds;
    private final Employers employers;
    private final People people;
    private final JdbcClient jdbc;

    AccreditationExamples(FrameworkExamples frameworks, SelfAssessment selfAssessment, AssessmentRounds rounds,
            Employers employers, People people, JdbcClient jdbc) {
        this.frameworks = frameworks;
        this.selfAssessment = selfAssessment;
        this.rounds = rounds;
        this.employers = employers;
        this.people = people;
        this.jdbc = jdbc;
    }

    public void load(long hubOrganisationId, long commissionerId) {
        frameworks.load(hubOrganisationId, commissionerId);
        Long assessor = people.findByEmail("assessor@wmca.workhealth.example").map(Person::id).orElse(null);
        if (assessor == null) {
            return;
        }
        // The demo's confirmed employers, oldest sign-up first (the foundation's table, read once for the demo).
        List<Long> confirmed = jdbc.sql("SELECT id FROM employer WHERE hub_organisation_id = ? AND status = 'CONFIRMED'"
                + " ORDER BY signed_up_on, id").param(hubOrganisationId).query(Long.class).list();
        List<Employer> all = employers.findAll(confirmed);
        List<Employer> others = all.stream().filter(e -> !e.name().equals(EmployerExamples.ACME)).toList();
        all.stream().filter(e -> e.name().equals(EmployerExamples.ACME)).findFirst().ifPresent(this::partWay);
        for (int i = 0; i < others.size() && i < 6; i++) {
            Employer employer = others.get(i);
            switch (i) {
                case 0, 1 -> {
                    awardBronze(employer, assessor);
                    employers.listOnRegister(employer.id(), true);
                }
                case 2 -> awardBronze(employer, assessor);
                case 3 -> {
                    long award = awardBronze(employer, assessor);
                    // Awarded long ago and not renewed: it shows as lapsed.
                    LocalDate awarded = LocalDate.now().minusYears(2).minusMonths(2);
                    jdbc.sql("UPDATE accreditation_award SET awarded_on = ?, expires_on = ? WHERE id = ?")
                            .params(awarded, awarded.plusYears(2), award).update();
                }
                case 4 -> {
                    readyAll(employer, framework(employer).ofModule("MONEY"));
                    Submission sent = rounds.submit(reload(employer), ScopeKind.MODULE, "MONEY", null);
                    rounds.decide(employer, sent, met(framework(employer).ofModule("MONEY")), assessor);
                }
                default -> {
                    readyAll(employer, framework(employer).ofLevel("BRONZE"));
                    rounds.submit(reload(employer), ScopeKind.LEVEL, "BRONZE", null);
                }
            }
        }
    }

    /** Acme has answered three Bronze criteria, two ready, with written evidence for one. */
    private void partWay(Employer acme) {
        Long lead = people.findByEmail("lead@acme.workhealth.example").map(Person::id).orElse(null);
        selfAssessment.answer(acme, "B-TRAIN-1", "Two supervisors trained as mental health first aiders in March.",
                true, lead);
        Employer fixed = reload(acme);
        selfAssessment.answer(fixed, "B-MH-1", "Line managers had a briefing on starting a conversation.", true,
                lead);
        selfAssessment.answer(fixed, "B-PA-1", "We are planning a step challenge.", false, lead);
        selfAssessment.addEvidence(fixed, "B-MH-1", "Briefing slides shown to 14 line managers on 3 March", null,
                null, null, lead);
    }

    private long awardBronze(Employer employer, long assessor) {
        List<Criterion> bronze = framework(employer).ofLevel("BRONZE");
        readyAll(employer, bronze);
        Submission sent = rounds.submit(reload(employer), ScopeKind.LEVEL, "BRONZE", null);
        rounds.decide(employer, sent, met(bronze), assessor);
        return rounds.award(employer, rounds.submission(employer.id(), sent.id()).orElseThrow(), assessor);
    }

    private void readyAll(Employer employer, List<Criterion> criteria) {
        for (Criterion c : criteria) {
            selfAssessment.answer(reload(employer), c.code(), "Example answer for " + c.code() + ".", true,
                    null);
        }
    }

    private static List<AssessmentRounds.Marking> met(List<Criterion> criteria) {
        return criteria.stream().map(c -> new AssessmentRounds.Marking(c.code(), true, null)).toList();
    }

    private Framework framework(Employer employer) {
        return selfAssessment.framework(reload(employer));
    }

    private Employer reload(Employer employer) {
        return employers.find(employer.id()).orElseThrow();
    }
}

package org.workhealth.trial;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.workhealth.TestData.Referral;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.organisation.Role;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.internal.StratificationFactor;
import org.workhealth.trial.internal.TrialDesign;

@Component
class TrialFixtures {

    private final People people;
    private final Organisations organisations;
    private final Programmes programmes;
    private final Trials trials;
    private final ReferralIntake intake;

    TrialFixtures(People people, Organisations organisations, Programmes programmes, Trials trials,
            ReferralIntake intake) {
        this.intake = intake;
        this.people = people;
        this.organisations = organisations;
        this.programmes = programmes;
        this.trials = trials;
    }

    CurrentUser user(String email) {
        Person person = people.findByEmail(email).orElseThrow();
        return new CurrentUser(person.id(), person.email(), person.fullName(), person.organisationId(),
                organisations.find(person.organisationId()).orElseThrow().name(), person.roleSet());
    }

    long thriveIntoWork() {
        return programmes.findByCode("TIW").orElseThrow().id();
    }

    long programmesWorkWell() {
        return programmes.findByCode("WW").orElseThrow().id();
    }

    TrialDesign design(AllocationMethod method, List<StratificationFactor> factors) {
        return design(thriveIntoWork(), method, factors);
    }

    Trial trialOn(String programmeCode, CurrentUser commissioner, AllocationMethod method,
            List<StratificationFactor> factors) {
        // WorkWell is owned nationally and commissioned by hubs: the trial here belongs to the commissioner's hub
        return trials.createUnchecked(design(programmes.findByCode(programmeCode).orElseThrow().id(), method,
                factors), commissioner.organisationId());
    }

    /** A referral from the public, routed by its postcode to Bury. */
    long buryReferral() {
        ReferralAnswers answers = Referral.of("Robin", "Trial" + UUID.randomUUID().toString().replaceAll("[^a-f]", ""))
                .answers();
        return intake.submit(answers, ReferralSource.PUBLIC, null, null).id();
    }

    TrialDesign design(long programmeId, AllocationMethod method, List<StratificationFactor> factors) {
        return new TrialDesign(programmeId, "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                "IPS in primary care trial", TrialUnit.PARTICIPANT, method,
                List.of(new Arm("IPS", "Individual placement and support", 1, false),
                        new Arm("USUAL", "Usual care", 1, true)),
                factors, List.of(1, 2, 3), 0.8, LocalDate.now().minusDays(30), LocalDate.now().plusYears(1), 300,
                EnumSet.of(Role.COMMISSIONER), "Signposted to usual care: GP and IAPT", List.of(12, 26, 52));
    }

    Trial trial(CurrentUser commissioner, AllocationMethod method, List<StratificationFactor> factors) {
        return trials.create(commissioner, design(method, factors));
    }
}

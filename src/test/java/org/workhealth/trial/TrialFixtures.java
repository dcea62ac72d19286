package org.workhealth.trial;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.organisation.Role;
import org.workhealth.programme.Programmes;

@Component
class TrialFixtures {

    private final People people;
    private final Organisations organisations;
    private final Programmes programmes;
    private final Trials trials;

    TrialFixtures(People people, Organisations organisations, Programmes programmes, Trials trials) {
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

    TrialDesign design(AllocationMethod method, List<StratificationFactor> factors) {
        return new TrialDesign(thriveIntoWork(), "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
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

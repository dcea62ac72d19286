package org.workhealth.funding;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.workhealth.SignIn;
import org.workhealth.organisation.NewPerson;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Role;

/**
 * Hubs of the tests' own, with unique names, so that what one test shares or sets does not meet the demo
 * hubs' figures, which other tests and the browser journey use.
 */
@Component
class AllocationFixtures {

    /** A hub, its commissioner's email and its localities' ids. */
    record TestHub(long id, String name, String commissionerEmail, List<Long> localityIds, List<String> localityNames) {
    }

    private final Organisations organisations;
    private final People people;

    AllocationFixtures(Organisations organisations, People people) {
        this.organisations = organisations;
        this.people = people;
    }

    TestHub hub(String... localityNames) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long hub = organisations.create("Allocation hub " + tag, "HUB", null, null).id();
        List<String> names = java.util.Arrays.stream(localityNames).map(n -> n + " " + tag).toList();
        List<Long> ids = names.stream().map(n -> organisations.create(n, "LOCALITY", hub, null).id()).toList();
        String email = "commissioner-" + tag + "@allocations.example";
        people.createWithPassword(new NewPerson("Commissioner " + tag, email, hub, Set.of(Role.COMMISSIONER)),
                SignIn.DEMO_PASSWORD);
        return new TestHub(hub, "Allocation hub " + tag, email, ids, names);
    }

    long org(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }
}

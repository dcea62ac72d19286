package org.workhealth.employer;

import java.util.List;

import org.springframework.stereotype.Component;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.organisation.Role;

/** The Thrive at Work advisors a person may pick from: to filter a list by, or to assign an employer to. */
@Component
class Advisors {

    private final People people;
    private final AccessPolicy access;

    Advisors(People people, AccessPolicy access) {
        this.people = people;
        this.access = access;
    }

    /**
     * Advisors a manager may assign: the active advisors of their own organisation and those below it (a
     * commissioner at the hub: the hub's advisors and its partners'; a partner's manager: their own).
     */
    List<Person> assignableBy(CurrentUser manager) {
        return people.within(access.scope(manager)).stream()
                .filter(p -> p.active() && p.roleSet().contains(Role.EMPLOYER_ADVISOR)).toList();
    }

    /** Advisors to filter the list by: those the person could assign, or just themselves for an advisor. */
    List<Person> visibleTo(CurrentUser user) {
        return assignableBy(user);
    }

    boolean assignable(CurrentUser manager, long advisorId) {
        return assignableBy(manager).stream().anyMatch(p -> p.id() == advisorId);
    }
}

package org.workhealth.referral;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * Names of the organisations, people, programmes and cohorts a referral holds ids of, asked of the modules that own
 * them (referral SQL reads only referral's tables). Each method is one call to the owner, whatever the number of
 * ids, so a page of referrals costs one look-up per owner, not one per row.
 */
@Component
class ReferralNames {

    private final Organisations organisations;
    private final People people;
    private final Programmes programmes;

    ReferralNames(Organisations organisations, People people, Programmes programmes) {
        this.organisations = organisations;
        this.people = people;
        this.programmes = programmes;
    }

    /** Every organisation's name by id. */
    Map<Long, String> organisations() {
        return organisations.namesById();
    }

    /** The full names of these people by id; ids of no one (and nulls) are left out. */
    Map<Long, String> people(Collection<Long> ids) {
        List<Long> known = ids.stream().filter(Objects::nonNull).distinct().toList();
        return people.findAll(known).stream().collect(Collectors.toMap(Person::id, Person::fullName));
    }

    Optional<Programme> programme(Long programmeId) {
        return programmeId == null ? Optional.empty() : programmes.find(programmeId);
    }

    /** A cohort's name in its programme; null when either is not set. */
    static String cohort(Optional<Programme> programme, Long cohortId) {
        return cohortId == null ? null : programme.flatMap(p -> p.cohorts().stream()
                .filter(c -> c.id().equals(cohortId)).findFirst()).map(Programme.Cohort::name).orElse(null);
    }
}

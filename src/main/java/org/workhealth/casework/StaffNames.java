package org.workhealth.casework;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.workhealth.organisation.People;

/**
 * The names of the staff who recorded things on a case. The person table is the organisation module's, so casework
 * reads only their ids and asks that module for the names once per list, for every id in it.
 */
@Component
class StaffNames {

    private final People people;

    StaffNames(People people) {
        this.people = people;
    }

    /** Names by person id; a null or unknown id has no entry. */
    Map<Long, String> byId(Collection<Long> ids) {
        List<Long> known = ids.stream().filter(Objects::nonNull).distinct().toList();
        Map<Long, String> names = new HashMap<>();
        people.findAll(known).forEach(p -> names.put(p.id(), p.fullName()));
        return names;
    }

    /** One person's name, or null when there is none. */
    String of(Long id) {
        return id == null ? null : byId(List.of(id)).get(id);
    }

    /** Names the rows with one look-up, keeping their order; a row without a person gets a null name. */
    <T> List<T> name(List<Unnamed<T>> rows) {
        return Unnamed.name(rows, byId(Unnamed.ids(rows)));
    }

    <T> Optional<T> name(Optional<Unnamed<T>> row) {
        return row.map(r -> r.withName().apply(of(r.id())));
    }
}

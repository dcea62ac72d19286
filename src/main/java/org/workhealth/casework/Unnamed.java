package org.workhealth.casework;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A row read with the id of someone another module names (a member of staff, the person a case is about), waiting
 * for their name, so that a list is named with one look-up rather than a join to a table casework does not own.
 *
 * @param id the id to name by; null when the row names nobody
 */
record Unnamed<T>(Long id, Function<String, T> withName) {

    /** The rows named, in their order; a row whose id has no name gets a null name. */
    static <T> List<T> name(List<Unnamed<T>> rows, Map<Long, String> names) {
        return rows.stream().map(r -> r.withName().apply(r.id() == null ? null : names.get(r.id()))).toList();
    }

    static <T> List<Long> ids(List<Unnamed<T>> rows) {
        return rows.stream().map(Unnamed::id).toList();
    }
}

package org.workhealth.referral;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.workhealth.casework.CaseSubjectNames;

/** Names the people of a page of cases for casework, in one query however many cases the page lists. */
@Service
class CaseSubjectNamesQuery implements CaseSubjectNames {

    private final JdbcClient jdbc;

    CaseSubjectNamesQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> fullNames(Collection<Long> referralIds) {
        Map<Long, String> names = new HashMap<>();
        List<Long> ids = referralIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("SELECT id, first_name, last_name FROM referral WHERE id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    names.put(rs.getLong("id"), rs.getString("first_name") + " " + rs.getString("last_name"));
                });
        return names;
    }
}

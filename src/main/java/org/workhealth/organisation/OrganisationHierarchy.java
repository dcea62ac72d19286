package org.workhealth.organisation;

import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Works out which organisations sit at or below another, in one recursive query. */
@Component
class OrganisationHierarchy {

    private final JdbcClient jdbc;

    OrganisationHierarchy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<Long> scopeOf(long organisationId) {
        return new HashSet<>(jdbc.sql("""
                WITH RECURSIVE scope (id) AS (
                    SELECT id FROM organisation WHERE id = :root
                    UNION ALL
                    SELECT o.id FROM organisation o JOIN scope s ON o.parent_id = s.id
                )
                SELECT id FROM scope
                """).param("root", organisationId).query(Long.class).list());
    }
}

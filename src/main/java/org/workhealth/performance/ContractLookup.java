package org.workhealth.performance;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.programme.Contract;

/**
 * Finds a contract by id. The programme module offers contracts only per programme, and a targets page
 * is asked for by contract, so this reads the one row to learn its programme and commissioner.
 */
@Component
class ContractLookup {

    private final JdbcClient jdbc;

    ContractLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Contract> find(long id) {
        return jdbc.sql("""
                SELECT id, reference, programme_id, provider_organisation_id, commissioner_organisation_id, area,
                       starts_on, ends_on, value_pence, version
                FROM contract WHERE id = ?""").param(id)
                .query((rs, row) -> new Contract(rs.getLong("id"), rs.getString("reference"),
                        rs.getLong("programme_id"), rs.getLong("provider_organisation_id"),
                        rs.getLong("commissioner_organisation_id"), rs.getString("area"),
                        rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                        (Long) rs.getObject("value_pence", Long.class), rs.getInt("version")))
                .optional();
    }

    /** The programmes with a contract that an organisation in the scope delivers or commissions. */
    java.util.Set<Long> programmesWithContractsIn(java.util.Set<Long> scope) {
        if (scope.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT DISTINCT programme_id FROM contract
                WHERE provider_organisation_id IN (:scope) OR commissioner_organisation_id IN (:scope)""")
                .param("scope", new java.util.ArrayList<>(scope)).query(Long.class).list());
    }
}

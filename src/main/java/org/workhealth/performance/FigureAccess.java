package org.workhealth.performance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/**
 * Who may enter a contract's figures: the provider that delivers it (a person in its scope who
 * prepares returns and claims) or the commissioner (a person in its scope who manages programmes).
 * Anyone else is told the contract does not exist.
 */
@Component
class FigureAccess {

    private static final String CONTRACT = """
            SELECT c.id, c.reference, c.programme_id, p.code AS programme_code, p.name AS programme_name,
                   c.provider_organisation_id, o.name AS provider_name, c.commissioner_organisation_id,
                   c.starts_on, c.ends_on
            FROM contract c
            JOIN programme p ON p.id = c.programme_id
            JOIN organisation o ON o.id = c.provider_organisation_id
            """;

    private final JdbcClient jdbc;
    private final AccessPolicy access;

    FigureAccess(JdbcClient jdbc, AccessPolicy access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    boolean mayEnter(CurrentUser user, EnteredContract contract) {
        return access.may(user, Permission.SUBMIT_RETURNS_AND_CLAIMS, contract.providerOrganisationId())
                || access.may(user, Permission.MANAGE_PROGRAMMES, contract.commissionerOrganisationId());
    }

    /** The contracts with KPIs entered by hand whose figures the person may enter, by programme and reference. */
    List<EnteredContract> contractsFor(CurrentUser user) {
        Set<Long> scope = access.scope(user);
        if (!user.has(Permission.SUBMIT_RETURNS_AND_CLAIMS) && !user.has(Permission.MANAGE_PROGRAMMES)) {
            return List.of();
        }
        return jdbc.sql(CONTRACT + """
                WHERE (c.provider_organisation_id IN (:scope) OR c.commissioner_organisation_id IN (:scope))
                  AND EXISTS (SELECT 1 FROM kpi_definition d WHERE d.programme_id = c.programme_id
                              AND (d.source = 'ENTERED' OR d.counted_from IS NOT NULL))
                ORDER BY p.name, c.reference
                """).param("scope", new ArrayList<>(scope)).query(FigureAccess::contract).list().stream()
                .filter(c -> mayEnter(user, c)).toList();
    }

    /** @throws OutOfScopeException when the contract does not exist or the person may not enter its figures */
    EnteredContract require(CurrentUser user, long contractId) {
        EnteredContract contract = jdbc.sql(CONTRACT + " WHERE c.id = ?").param(contractId)
                .query(FigureAccess::contract).optional().orElseThrow(OutOfScopeException::new);
        if (!mayEnter(user, contract)) {
            throw new OutOfScopeException();
        }
        return contract;
    }

    /** The programme's KPIs entered by hand, or entered before the record counted them, in the programme's order. */
    List<EnteredKpi> kpis(long programmeId) {
        // Counted KPIs with a day counting began take figures for the quarters before it: their entered baseline.
        return jdbc.sql("SELECT id, programme_id, code, name, counted_from FROM kpi_definition WHERE programme_id = ? "
                        + "AND (source = 'ENTERED' OR counted_from IS NOT NULL) ORDER BY position, code")
                .param(programmeId)
                .query((rs, row) -> new EnteredKpi(rs.getLong("id"), rs.getLong("programme_id"), rs.getString("code"),
                        rs.getString("name"), rs.getDate("counted_from") == null ? null
                                : rs.getDate("counted_from").toLocalDate()))
                .list();
    }

    /** Full names of the people who entered figures, in one query. */
    Map<Long, String> names(Collection<Long> personIds) {
        Map<Long, String> names = new LinkedHashMap<>();
        if (personIds.isEmpty()) {
            return names;
        }
        jdbc.sql("SELECT id, full_name FROM person WHERE id IN (:ids)").param("ids", new ArrayList<>(Set.copyOf(personIds)))
                .query(rs -> {
                    names.put(rs.getLong("id"), rs.getString("full_name"));
                });
        return names;
    }

    private static EnteredContract contract(ResultSet rs, int row) throws SQLException {
        return new EnteredContract(rs.getLong("id"), rs.getString("reference"), rs.getLong("programme_id"),
                rs.getString("programme_code"), rs.getString("programme_name"), rs.getLong("provider_organisation_id"),
                rs.getString("provider_name"), rs.getLong("commissioner_organisation_id"),
                rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate());
    }
}

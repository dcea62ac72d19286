package org.workhealth.performance;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Permission;

/**
 * Who may enter a contract's figures: the provider that delivers it (a person in its scope who
 * prepares returns and claims) or the commissioner (a person in its scope who manages programmes).
 * Anyone else is told the contract does not exist.
 */
@Component
class FigureAccess {

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final ContractLookup contracts;
    private final People people;

    FigureAccess(JdbcClient jdbc, AccessPolicy access, ContractLookup contracts, People people) {
        this.jdbc = jdbc;
        this.access = access;
        this.contracts = contracts;
        this.people = people;
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
        Set<Long> programmeIds = new HashSet<>(jdbc.sql("""
                SELECT DISTINCT programme_id FROM kpi_definition WHERE source = 'ENTERED' OR counted_from IS NOT NULL
                """).query(Long.class).list());
        return contracts.entered(scope, programmeIds).stream()
                .filter(c -> mayEnter(user, c)).toList();
    }

    /** @throws OutOfScopeException when the contract does not exist or the person may not enter its figures */
    EnteredContract require(CurrentUser user, long contractId) {
        EnteredContract contract = contracts.entered(contractId).orElseThrow(OutOfScopeException::new);
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
        people.findAll(Set.copyOf(personIds)).forEach(p -> names.put(p.id(), p.fullName()));
        return names;
    }
}

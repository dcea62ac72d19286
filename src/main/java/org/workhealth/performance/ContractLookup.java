package org.workhealth.performance;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * Contracts as the performance pages need them, asked of the programme module (which owns contracts and programmes)
 * and the organisation module (which names providers): a page makes a fixed number of calls, never one per contract.
 */
@Component
class ContractLookup {

    private final Programmes programmes;
    private final Organisations organisations;

    ContractLookup(Programmes programmes, Organisations organisations) {
        this.programmes = programmes;
        this.organisations = organisations;
    }

    Optional<Contract> find(long id) {
        return programmes.findContract(id);
    }

    /** The programmes with a contract that an organisation in the scope delivers or commissions. */
    Set<Long> programmesWithContractsIn(Set<Long> scope) {
        return programmes.contractsDeliveredOrCommissionedBy(scope).stream().map(Contract::programmeId)
                .collect(Collectors.toSet());
    }

    /** A contract with its programme's code and name and its provider's name. */
    Optional<EnteredContract> entered(long id) {
        return find(id).map(c -> entered(c, programmes.find(c.programmeId()).orElseThrow(),
                organisations.find(c.providerOrganisationId()).orElseThrow().name()));
    }

    /**
     * The contracts of these programmes that an organisation in the scope delivers or commissions, by programme
     * name and reference.
     */
    List<EnteredContract> entered(Set<Long> scope, Set<Long> programmeIds) {
        List<Contract> contracts = programmes.contractsDeliveredOrCommissionedBy(scope).stream()
                .filter(c -> programmeIds.contains(c.programmeId())).toList();
        if (contracts.isEmpty()) {
            return List.of();
        }
        Map<Long, Programme> byId = programmes.all().stream()
                .collect(Collectors.toMap(Programme::id, Function.identity()));
        Map<Long, String> names = organisations.namesById();
        return contracts.stream()
                .map(c -> entered(c, byId.get(c.programmeId()), names.get(c.providerOrganisationId())))
                .sorted(Comparator.comparing(EnteredContract::programmeName).thenComparing(EnteredContract::reference))
                .toList();
    }

    private static EnteredContract entered(Contract c, Programme programme, String providerName) {
        return new EnteredContract(c.id(), c.reference(), c.programmeId(), programme.code(), programme.name(),
                c.providerOrganisationId(), providerName, c.commissionerOrganisationId(), c.startsOn(), c.endsOn());
    }
}

package org.workhealth.programme;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface ContractRepository extends ListCrudRepository<Contract, Long> {

    List<Contract> findByProgrammeIdOrderByReference(long programmeId);

    Optional<Contract> findByReference(String reference);

    List<Contract> findByProviderOrganisationIdOrderByReference(long providerOrganisationId);

    List<Contract> findByProviderOrganisationIdInOrCommissionerOrganisationIdIn(
            java.util.Collection<Long> providerOrganisationIds, java.util.Collection<Long> commissionerOrganisationIds);
}

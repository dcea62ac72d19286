package org.workhealth.organisation;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface OrganisationRepository extends ListCrudRepository<Organisation, Long> {

    Optional<Organisation> findByOdsCode(String odsCode);

    Optional<Organisation> findByName(String name);
}

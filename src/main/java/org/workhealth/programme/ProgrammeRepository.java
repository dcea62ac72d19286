package org.workhealth.programme;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface ProgrammeRepository extends ListCrudRepository<Programme, Long> {

    Optional<Programme> findByCode(String code);
}

package org.workhealth.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PersonRepository extends ListCrudRepository<Person, Long> {

    Optional<Person> findByEmail(String email);

    List<Person> findByOrganisationIdInOrderByFullName(Collection<Long> organisationIds);

    /** Counted in the database so that two failed attempts at once both count. */
    @Modifying
    @Query("UPDATE person SET failed_sign_ins = failed_sign_ins + 1 WHERE id = :id")
    void countFailedSignIn(long id);

    @Modifying
    @Query("UPDATE person SET failed_sign_ins = 0, locked_until = :until WHERE id = :id")
    void lock(long id, java.time.Instant until);

    @Modifying
    @Query("UPDATE person SET failed_sign_ins = 0 WHERE id = :id AND failed_sign_ins <> 0")
    void clearFailedSignIns(long id);
}

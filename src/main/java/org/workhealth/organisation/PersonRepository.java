package org.workhealth.organisation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PersonRepository extends ListCrudRepository<Person, Long> {

    Optional<Person> findByEmail(String email);

    List<Person> findByOrganisationIdInOrderByFullName(Collection<Long> organisationIds);

    /**
     * Counted in the database so that failed attempts at the same moment all count; not while the account is
     * locked. The row stays locked until the transaction ends, so {@link #lockAfter} sees this count and no other.
     *
     * @return 1 when counted
     */
    @Modifying
    @Query("""
            UPDATE person SET failed_sign_ins = failed_sign_ins + 1
            WHERE id = :id AND (locked_until IS NULL OR locked_until <= :now)""")
    int countFailedSignIn(long id, Instant now);

    /** @return 1 for the one attempt that locks the account, 0 for every other */
    @Modifying
    @Query("""
            UPDATE person SET failed_sign_ins = 0, locked_until = :until
            WHERE id = :id AND failed_sign_ins >= :maxFailures AND (locked_until IS NULL OR locked_until <= :now)""")
    int lockAfter(long id, int maxFailures, Instant until, Instant now);

    /**
     * A right password signs in only if the account is not locked at this moment, as the database sees it: a lock
     * written by failures racing with the sign-in wins.
     *
     * @return 1 when the sign-in may go ahead
     */
    @Modifying
    @Query("""
            UPDATE person SET failed_sign_ins = 0
            WHERE id = :id AND active AND (locked_until IS NULL OR locked_until <= :now)""")
    int admitSignIn(long id, Instant now);
}

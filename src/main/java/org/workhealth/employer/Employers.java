package org.workhealth.employer;

import org.workhealth.employer.internal.EmployerAccess;
import org.workhealth.employer.internal.EmployerDetailsChanged;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Employers for the rest of the module, with no access check: callers check with {@link EmployerAccess} first.
 * The employer's contact details are not here; they are personal data, shown only on audited pages.
 */
@Service
public class Employers {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Employers(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<Employer> find(long id) {
        return jdbc.sql("SELECT " + EmployerRows.COLUMNS + " FROM employer e WHERE e.id = :id").param("id", id)
                .query(EmployerRows::map).optional();
    }

    /** The employers with these ids, by name; any id that is not an employer is left out. */
    public List<Employer> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + EmployerRows.COLUMNS + " FROM employer e WHERE e.id IN (:ids) ORDER BY e.name, e.id")
                .param("ids", List.copyOf(ids)).query(EmployerRows::map).list();
    }

    /** The confirmed employers of these hubs, by name: one query, for lists such as an SME trial's candidates. */
    public List<Employer> confirmedAt(Collection<Long> hubIds) {
        if (hubIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + EmployerRows.COLUMNS + " FROM employer e WHERE e.hub_organisation_id IN (:hubs) "
                + "AND e.status = 'CONFIRMED' ORDER BY e.name, e.id").param("hubs", List.copyOf(hubIds))
                .query(EmployerRows::map).list();
    }

    /** The framework version the employer works to (it keeps it until it moves). */
    @Transactional
    public void useFrameworkVersion(long employerId, long versionId) {
        int updated = jdbc.sql("""
                UPDATE employer SET framework_version_id = :version, version = version + 1 WHERE id = :id
                """).param("version", versionId).param("id", employerId).update();
        changed(employerId, updated);
    }

    /** Whether the employer appears on the public register of accredited employers (it agreed to be listed). */
    @Transactional
    public void listOnRegister(long employerId, boolean listed) {
        int updated = jdbc.sql("""
                UPDATE employer SET listed_on_register = :listed, version = version + 1 WHERE id = :id
                """).param("listed", listed).param("id", employerId).update();
        changed(employerId, updated);
    }

    private void changed(long employerId, int updated) {
        if (updated != 1) {
            throw new IllegalArgumentException("No employer " + employerId);
        }
        events.publishEvent(new EmployerDetailsChanged(employerId));
    }
}

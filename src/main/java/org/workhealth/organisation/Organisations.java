package org.workhealth.organisation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;

/** Organisations and their hierarchy: what other modules read, and what administrators change. */
@Service
public class Organisations {

    private final OrganisationRepository repository;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Organisations(OrganisationRepository repository, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Organisation> find(long id) {
        return repository.findById(id);
    }

    public Optional<Organisation> findByOdsCode(String odsCode) {
        return repository.findByOdsCode(odsCode.strip().toUpperCase());
    }

    public Optional<Organisation> findByName(String name) {
        return repository.findByName(name);
    }

    /** The organisation itself if it is a hub, else the nearest hub above it: where work it cannot place waits. */
    public Optional<Organisation> hubAbove(long organisationId) {
        Optional<Organisation> current = find(organisationId);
        // The hierarchy is a handful of levels deep; the bound only guards against a loop in bad data.
        for (int depth = 0; current.isPresent() && depth < 20; depth++) {
            if ("HUB".equals(current.get().typeCode())) {
                return current;
            }
            Long parent = current.get().parentId();
            current = parent == null ? Optional.empty() : find(parent);
        }
        return Optional.empty();
    }

    /** Every organisation's name by id, for labelling lists without a query per row. */
    public java.util.Map<Long, String> namesById() {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        jdbc.sql("SELECT id, name FROM organisation").query(rs -> {
            names.put(rs.getLong("id"), rs.getString("name"));
        });
        return names;
    }

    public List<OrganisationType> types() {
        return jdbc.sql("SELECT code, name, rank_order FROM organisation_type ORDER BY rank_order")
                .query(OrganisationType.class).list();
    }

    /** The organisations in a scope, as a tree flattened depth first. */
    public List<OrganisationSummary> within(Set<Long> scope) {
        List<OrganisationSummary> all = jdbc.sql("""
                SELECT o.id, o.name, o.type_code, t.name AS type_name, o.parent_id, p.name AS parent_name,
                       o.ods_code, 0 AS depth
                FROM organisation o
                JOIN organisation_type t ON t.code = o.type_code
                LEFT JOIN organisation p ON p.id = o.parent_id
                ORDER BY o.name
                """).query(OrganisationSummary.class).list();
        return OrganisationTree.flatten(all.stream().filter(o -> scope.contains(o.id())).toList());
    }

    @Transactional
    public Organisation create(String name, String typeCode, Long parentId, String odsCode) {
        Organisation saved = repository.save(Organisation.create(name.strip(), typeCode, parentId, odsCode,
                clock.instant()));
        audit.recordChange("CREATE", "organisation", saved.id(), saved.id(), "Created " + saved.name());
        return saved;
    }

    @Transactional
    public Organisation update(long id, String name, String typeCode, Long parentId, String odsCode) {
        Organisation current = repository.findById(id).orElseThrow(OutOfScopeException::new);
        Organisation saved = repository.save(current.withDetails(name.strip(), typeCode, parentId, odsCode));
        audit.recordChange("UPDATE", "organisation", id, id, "Changed details");
        return saved;
    }
}

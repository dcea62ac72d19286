package org.workhealth.funding;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.funding.internal.HubLocalities;
import org.workhealth.funding.internal.Money;
import org.workhealth.funding.internal.PopulationFigures;
import org.workhealth.funding.internal.Shares;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * Fair-share allocations: a commissioner shares a hub's pot among its localities by population. The
 * populations used are saved with the shares, so a saved allocation reads the same after they change.
 */
@Service
class Allocations {

    private static final String SELECT = """
            SELECT a.id, a.name, a.programme_id, a.hub_organisation_id, a.pot_pence, a.basic_percent, a.period,
                   a.created_at
            FROM funding_allocation a
            """;

    private final JdbcClient jdbc;
    private final HubLocalities hubs;
    private final PopulationFigures populations;
    private final Programmes programmes;
    private final Organisations organisations;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    Allocations(JdbcClient jdbc, HubLocalities hubs, PopulationFigures populations, Programmes programmes,
            Organisations organisations, AccessPolicy access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.hubs = hubs;
        this.populations = populations;
        this.programmes = programmes;
        this.organisations = organisations;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The allocations of the hubs the person looks after, newest first. */
    List<Allocation> visibleTo(CurrentUser user) {
        List<Long> hubIds = hubs.hubsFor(user).stream().map(HubLocalities.Place::id).toList();
        if (hubIds.isEmpty()) {
            return List.of();
        }
        return named(jdbc.sql(SELECT + "WHERE a.hub_organisation_id IN (:hubs) ORDER BY a.created_at DESC, a.id DESC")
                .param("hubs", hubIds).query(Allocations::allocation).list());
    }

    /** The allocation, when the person looks after its hub; "not found" otherwise. */
    Allocation visible(CurrentUser user, long id) {
        if (user == null || !user.has(Permission.MANAGE_PROGRAMMES)) {
            throw new OutOfScopeException();
        }
        Allocation allocation = named(jdbc.sql(SELECT + "WHERE a.id = ?").param(id).query(Allocations::allocation)
                .list()).stream().findFirst().orElseThrow(OutOfScopeException::new);
        access.require(user, Permission.MANAGE_PROGRAMMES, allocation.hubId());
        return allocation;
    }

    /** The allocation's shares in the order they were saved: by locality name. */
    List<AllocationShare> shares(Allocation allocation) {
        Map<Long, String> names = organisations.namesById();
        return jdbc.sql("""
                SELECT organisation_id, population, estimate_year, share_pence, basic_pence, performance_pence
                FROM funding_allocation_share WHERE allocation_id = ? ORDER BY position""")
                .param(allocation.id())
                .query((rs, n) -> new AllocationShare(rs.getLong("organisation_id"),
                        names.get(rs.getLong("organisation_id")), rs.getLong("population"),
                        rs.getInt("estimate_year"), rs.getLong("share_pence"), rs.getLong("basic_pence"),
                        rs.getLong("performance_pence")))
                .list();
    }

    /**
     * Shares the pot among the hub's localities by their populations now, and saves it.
     *
     * @throws IllegalStateException when the hub has no localities or one has no population: the question
     *                               page checks this first, so it only happens when they change meanwhile
     */
    @Transactional
    long create(CurrentUser user, NewAllocation request) {
        hubs.requireHub(user, request.hubId());
        Programme programme = programmes.find(request.programmeId()).orElseThrow(OutOfScopeException::new);
        List<PopulationFigures.LocalityFigure> localities = populations.forHub(request.hubId());
        if (localities.isEmpty() || localities.stream().anyMatch(l -> l.figure() == null)) {
            throw new IllegalStateException("Hub " + request.hubId() + " has localities without a population");
        }
        List<AllocationArithmetic.Part> parts = AllocationArithmetic.share(request.potPence() / 100,
                request.basicPercent(), localities.stream().map(l -> l.figure().population()).toList());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO funding_allocation (name, programme_id, hub_organisation_id, pot_pence, basic_percent,
                                                period, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(request.name(), programme.id(), request.hubId(), request.potPence(), request.basicPercent(),
                        request.period(), Timestamp.from(clock.instant()), user.id())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (int i = 0; i < parts.size(); i++) {
            AllocationArithmetic.Part part = parts.get(i);
            PopulationFigures.LocalityFigure locality = localities.get(i);
            jdbc.sql("""
                    INSERT INTO funding_allocation_share (allocation_id, position, organisation_id, population,
                                                          estimate_year, share_pence, basic_pence, performance_pence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, i + 1, locality.locality().id(), part.population(), locality.figure().estimateYear(),
                            part.share() * 100, part.basic() * 100, part.performance() * 100)
                    .update();
        }
        audit.recordChange("CREATE", "funding_allocation", id, request.hubId(), request.name() + ": "
                + programme.name() + " pot of " + Money.formatWholePounds(request.potPence()) + " shared among "
                + parts.size() + (parts.size() == 1 ? " locality" : " localities") + ", " + request.basicPercent()
                + "% basic");
        return id;
    }

    /** The allocations with their programme's and hub's names, asked of their modules once for them all. */
    private List<Allocation> named(List<Allocation> found) {
        if (found.isEmpty()) {
            return found;
        }
        Map<Long, String> programmeNames = programmes.all().stream()
                .collect(java.util.stream.Collectors.toMap(Programme::id, Programme::name));
        Map<Long, String> hubNames = organisations.namesById();
        return found.stream().map(a -> new Allocation(a.id(), a.name(), a.programmeId(),
                programmeNames.get(a.programmeId()), a.hubId(), hubNames.get(a.hubId()), a.potPence(),
                a.basicPercent(), a.period(), a.createdAt())).toList();
    }

    private static Allocation allocation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Allocation(rs.getLong("id"), rs.getString("name"), rs.getLong("programme_id"), null,
                rs.getLong("hub_organisation_id"), null, rs.getLong("pot_pence"), rs.getInt("basic_percent"),
                rs.getString("period"), rs.getTimestamp("created_at").toInstant());
    }
}

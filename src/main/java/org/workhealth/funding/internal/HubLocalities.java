package org.workhealth.funding.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.OrganisationSummary;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/**
 * Hubs and the localities below them, and who looks after them: a commissioner of the hub, who configures
 * its programmes ({@link Permission#MANAGE_PROGRAMMES}). Anything else is "not found", whether its id came
 * from a URL or a form field.
 */
@Component
public class HubLocalities {

    public static final String HUB = "HUB";
    public static final String LOCALITY = "LOCALITY";

    /** A hub or a locality, by id and name. */
    public record Place(long id, String name) {
    }

    /** A locality with the hub whose pot it shares in. */
    public record Locality(long id, String name, long hubId) {
    }

    private final Organisations organisations;
    private final AccessPolicy access;

    public HubLocalities(Organisations organisations, AccessPolicy access) {
        this.organisations = organisations;
        this.access = access;
    }

    /** The hubs whose populations and allocations the person looks after, by name; none for anyone else. */
    public List<Place> hubsFor(CurrentUser user) {
        requireCommissioner(user);
        return organisations.within(access.scope(user)).stream().filter(o -> HUB.equals(o.typeCode()))
                .sorted(Comparator.comparing(OrganisationSummary::name))
                .map(o -> new Place(o.id(), o.name())).toList();
    }

    /** The hub, when the person looks after it. */
    public Place requireHub(CurrentUser user, long hubId) {
        access.require(user, Permission.MANAGE_PROGRAMMES, hubId);
        Organisation hub = organisations.find(hubId).filter(o -> HUB.equals(o.typeCode()))
                .orElseThrow(OutOfScopeException::new);
        return new Place(hub.id(), hub.name());
    }

    /** The locality, when the person looks after the hub above it. */
    public Locality requireLocality(CurrentUser user, long localityId) {
        requireCommissioner(user);
        Organisation locality = organisations.find(localityId).filter(o -> LOCALITY.equals(o.typeCode()))
                .orElseThrow(OutOfScopeException::new);
        Long hubId = hubAbove(locality);
        if (hubId == null) {
            throw new OutOfScopeException();
        }
        access.require(user, Permission.MANAGE_PROGRAMMES, hubId);
        return new Locality(locality.id(), locality.name(), hubId);
    }

    /**
     * The localities whose nearest hub above is this one, by name. A locality under a hub nested in this
     * one belongs to that hub's pot, not to this one's as well.
     */
    public List<Locality> localitiesOf(long hubId) {
        List<OrganisationSummary> below = organisations.within(access.scopeOf(hubId));
        Map<Long, OrganisationSummary> byId = below.stream()
                .collect(Collectors.toMap(OrganisationSummary::id, Function.identity()));
        List<Locality> localities = new ArrayList<>();
        for (OrganisationSummary organisation : below) {
            if (LOCALITY.equals(organisation.typeCode()) && nearestHub(organisation, byId) == hubId) {
                localities.add(new Locality(organisation.id(), organisation.name(), hubId));
            }
        }
        localities.sort(Comparator.comparing(Locality::name).thenComparing(Locality::id));
        return localities;
    }

    /** Whether the organisation is a locality, for seeding populations without a signed-in person. */
    public boolean isLocality(long organisationId) {
        return organisations.find(organisationId).filter(o -> LOCALITY.equals(o.typeCode())).isPresent();
    }

    private static long nearestHub(OrganisationSummary start, Map<Long, OrganisationSummary> byId) {
        OrganisationSummary current = start;
        for (int depth = 0; depth < 20 && current.parentId() != null && byId.containsKey(current.parentId()); depth++) {
            current = byId.get(current.parentId());
            if (HUB.equals(current.typeCode())) {
                return current.id();
            }
        }
        return -1;
    }

    private Long hubAbove(Organisation locality) {
        Long parentId = locality.parentId();
        // The hierarchy is a handful of levels deep; the bound only guards against a loop in bad data.
        for (int depth = 0; parentId != null && depth < 20; depth++) {
            Organisation parent = organisations.find(parentId).orElse(null);
            if (parent == null) {
                return null;
            }
            if (HUB.equals(parent.typeCode())) {
                return parent.id();
            }
            parentId = parent.parentId();
        }
        return null;
    }

    private static void requireCommissioner(CurrentUser user) {
        if (user == null || !user.has(Permission.MANAGE_PROGRAMMES)) {
            throw new OutOfScopeException();
        }
    }
}

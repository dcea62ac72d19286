package org.workhealth.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.OrganisationSummary;
import org.workhealth.organisation.Organisations;

/** Where a triager may pass a referral on. */
@Service
class RouteTargets {

    private static final Set<String> ROUTE_TYPES = Set.of("HUB", "LOCALITY", "PROVIDER");

    private final AccessPolicy access;
    private final Organisations organisations;

    RouteTargets(AccessPolicy access, Organisations organisations) {
        this.access = access;
        this.organisations = organisations;
    }

    /** Where the person may pass a referral: hubs, localities and providers they see, and the hub above them. */
    List<OrganisationSummary> of(CurrentUser user, ReferralDetails referral) {
        List<OrganisationSummary> targets = new ArrayList<>(organisations.within(access.scope(user)).stream()
                .filter(o -> ROUTE_TYPES.contains(o.typeCode())).toList());
        hubAbove(organisations, user.organisationId()).ifPresent(hub -> {
            if (targets.stream().noneMatch(o -> o.id() == hub.id())) {
                targets.add(0, new OrganisationSummary(hub.id(), hub.name(), hub.typeCode(), "Hub", hub.parentId(),
                        null, hub.odsCode(), 0));
            }
        });
        targets.removeIf(o -> o.id() == referral.routedOrganisationId());
        return targets;
    }

    /** The organisation itself if it is a hub, else the nearest hub above it. */
    static Optional<Organisation> hubAbove(Organisations organisations, long organisationId) {
        Optional<Organisation> current = organisations.find(organisationId);
        while (current.isPresent()) {
            if ("HUB".equals(current.get().typeCode())) {
                return current;
            }
            Long parent = current.get().parentId();
            current = parent == null ? Optional.empty() : organisations.find(parent);
        }
        return Optional.empty();
    }
}

package org.workhealth.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
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
        organisations.hubAbove(user.organisationId()).ifPresent(hub -> {
            if (targets.stream().noneMatch(o -> o.id() == hub.id())) {
                targets.add(0, new OrganisationSummary(hub.id(), hub.name(), hub.typeCode(), "Hub", hub.parentId(),
                        null, hub.odsCode(), 0));
            }
        });
        targets.removeIf(o -> o.id() == referral.routedOrganisationId());
        return targets;
    }
}

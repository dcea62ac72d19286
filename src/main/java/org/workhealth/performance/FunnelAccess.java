package org.workhealth.performance;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.govuk.Choices;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OrganisationSummary;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * Whose figures the funnel and equality pages show, by the dashboard's rule: people who may see
 * figures see the milestones of their organisation and every organisation below it, or of one of
 * those organisations when they ask for it. Anything else, including an unknown programme or year,
 * is "not found".
 */
@Component
class FunnelAccess {

    /**
     * @param organisationIds the delivering organisations whose milestones count
     * @param organisationId  the organisation asked for; null for the person's whole scope
     */
    record Scope(Programme programme, FinancialYear year, Set<Long> organisationIds, Long organisationId,
            String scopeName, List<Map<String, Object>> organisationItems) {
    }

    private final AccessPolicy access;
    private final Programmes programmes;
    private final Organisations organisations;

    FunnelAccess(AccessPolicy access, Programmes programmes, Organisations organisations) {
        this.access = access;
        this.programmes = programmes;
        this.organisations = organisations;
    }

    Scope resolve(CurrentUser user, String programmeCode, String yearStart, String organisation) {
        if (!user.has(Permission.VIEW_FIGURES)) {
            throw new OutOfScopeException();
        }
        Programme programme = programmes.findByCode(programmeCode).orElseThrow(OutOfScopeException::new);
        FinancialYear year = year(yearStart);
        Set<Long> scope = access.scope(user);
        List<OrganisationSummary> within = organisations.within(scope);
        Long organisationId = null;
        Set<Long> organisationIds = scope;
        String scopeName = user.organisationName();
        if (organisation != null && !organisation.isBlank()) {
            long id = parse(organisation);
            if (!scope.contains(id)) {
                throw new OutOfScopeException();
            }
            organisationId = id;
            organisationIds = access.scopeOf(id);
            scopeName = organisations.find(id).orElseThrow(OutOfScopeException::new).name();
        }
        List<Map<String, Object>> items = Choices.select(null, within, OrganisationSummary::id,
                OrganisationSummary::name, organisationId == null ? user.organisationId() : organisationId);
        return new Scope(programme, year, organisationIds, organisationId, scopeName, items);
    }

    private static FinancialYear year(String yearStart) {
        try {
            return FinancialYear.of(Integer.parseInt(yearStart));
        } catch (IllegalArgumentException e) {
            throw new OutOfScopeException();
        }
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw new OutOfScopeException();
        }
    }
}

package org.workhealth.employer.internal;

import org.workhealth.employer.Employer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which employers a person may see, as a condition for list queries, so that a list is one query however many
 * employers it shows. Made by {@link EmployerAccess#scope}. Use {@link #where(String)} on any column holding an
 * employer id (or {@link #whereEmployer(String)} on the employer table itself) and bind {@link #parameters()}:
 *
 * <pre>
 * jdbc.sql("SELECT ... FROM award a WHERE " + scope.where("a.employer_id")).params(scope.parameters())
 * </pre>
 *
 * @param hubs        every employer of these hubs
 * @param advisors    every employer assigned to one of these advisors
 * @param ownEmployer the employer of an employer's own person, or null
 */
public record EmployerScope(Set<Long> hubs, Set<Long> advisors, Long ownEmployer) {

    public EmployerScope {
        hubs = Set.copyOf(hubs);
        advisors = Set.copyOf(advisors);
    }

    /** Sees no employer at all. */
    public static EmployerScope none() {
        return new EmployerScope(Set.of(), Set.of(), null);
    }

    public boolean isEmpty() {
        return hubs.isEmpty() && advisors.isEmpty() && ownEmployer == null;
    }

    public boolean includes(Employer employer) {
        return hubs.contains(employer.hubOrganisationId())
                || (employer.advisorId() != null && advisors.contains(employer.advisorId()))
                || (ownEmployer != null && ownEmployer == employer.id());
    }

    /** A condition on the employer table (under {@code alias}, such as "e"), in brackets. */
    public String whereEmployer(String alias) {
        String prefix = alias == null || alias.isBlank() ? "" : alias + ".";
        return condition(prefix + "hub_organisation_id", prefix + "advisor_id", prefix + "id");
    }

    /** A condition on a column holding an employer id, such as "a.employer_id", in brackets. */
    public String where(String employerIdColumn) {
        if (hubs.isEmpty() && advisors.isEmpty()) {
            return ownEmployer == null ? "(1 = 0)" : "(" + employerIdColumn + " = :employerScopeOwn)";
        }
        return "(" + employerIdColumn + " IN (SELECT scoped.id FROM employer scoped WHERE "
                + condition("scoped.hub_organisation_id", "scoped.advisor_id", "scoped.id") + "))";
    }

    /** The values the conditions name; bind them with {@code JdbcClient.StatementSpec.params(Map)}. */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        if (!hubs.isEmpty()) {
            parameters.put("employerScopeHubs", List.copyOf(hubs));
        }
        if (!advisors.isEmpty()) {
            parameters.put("employerScopeAdvisors", List.copyOf(advisors));
        }
        if (ownEmployer != null) {
            parameters.put("employerScopeOwn", ownEmployer);
        }
        return parameters;
    }

    private String condition(String hubColumn, String advisorColumn, String idColumn) {
        StringBuilder sql = new StringBuilder("(1 = 0");
        if (!hubs.isEmpty()) {
            sql.append(" OR ").append(hubColumn).append(" IN (:employerScopeHubs)");
        }
        if (!advisors.isEmpty()) {
            sql.append(" OR ").append(advisorColumn).append(" IN (:employerScopeAdvisors)");
        }
        if (ownEmployer != null) {
            sql.append(" OR ").append(idColumn).append(" = :employerScopeOwn");
        }
        return sql.append(')').toString();
    }
}

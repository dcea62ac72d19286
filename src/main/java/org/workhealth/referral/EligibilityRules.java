package org.workhealth.referral;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.internal.ReferralRules;

/**
 * A programme's eligibility rules and cohort suggestion rules, kept as data. These methods do not
 * check who is asking: pages check {@code Programmes.mayManage} first, and seed data has no
 * signed-in person. Every change is audited against the programme's owning organisation.
 */
@Service
public class EligibilityRules {

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final AuditLog audit;

    EligibilityRules(JdbcClient jdbc, Programmes programmes, AuditLog audit) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.audit = audit;
    }

    /**
     * Adds a rule at the end of the programme's list.
     *
     * @param parameters plain text for the kind: "16,67" (AGE_RANGE), "EMPLOYED,OFF_SICK" (EMPLOYMENT_STATUS_IN),
     *                   "8" (WEEKS_SINCE_LAST_WORKED_AT_MOST); null or blank for the other kinds
     * @return the new rule's id
     * @throws IllegalArgumentException when the parameters do not suit the kind
     */
    @Transactional
    public long addRule(long programmeId, EligibilityRuleKind kind, String parameters) {
        Programme programme = programme(programmeId);
        String problem = EligibilityRule.problemWith(kind, parameters);
        if (problem != null) {
            throw new IllegalArgumentException(problem + ": " + kind + " " + parameters);
        }
        String stored = parameters == null || parameters.isBlank() ? null : parameters.strip().toUpperCase();
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM eligibility_rule WHERE programme_id = ?")
                .param(programmeId).query(Integer.class).single();
        long id = insert("INSERT INTO eligibility_rule (programme_id, kind, parameters, position) VALUES (?, ?, ?, ?)",
                programmeId, kind.name(), stored, position);
        audit.recordChange("ADD_ELIGIBILITY_RULE", "programme", programmeId, programme.ownerOrganisationId(),
                new EligibilityRule(id, kind, stored, position).describe());
        return id;
    }

    /** Removes one of the programme's rules; false when the programme has no such rule. */
    @Transactional
    public boolean removeRule(long programmeId, long ruleId) {
        Programme programme = programme(programmeId);
        Optional<EligibilityRule> rule = rules(programmeId).stream().filter(r -> r.id() == ruleId).findFirst();
        if (rule.isEmpty()) {
            return false;
        }
        jdbc.sql("DELETE FROM eligibility_rule WHERE id = ? AND programme_id = ?").params(ruleId, programmeId).update();
        audit.recordChange("REMOVE_ELIGIBILITY_RULE", "programme", programmeId, programme.ownerOrganisationId(),
                rule.get().describe());
        return true;
    }

    /**
     * Adds a cohort suggestion rule after the programme's others (the first rule that holds wins).
     *
     * @param conditions comma-separated terms, all of which must hold, such as
     *                   "IN_WORK,HEALTH=MENTAL_HEALTH|MUSCULOSKELETAL" or "ANY"; see {@link CohortRule}
     * @throws IllegalArgumentException when the cohort is not the programme's or the conditions are not understood
     */
    @Transactional
    public long addCohortRule(long programmeId, long cohortId, String conditions) {
        Programme programme = programme(programmeId);
        Programme.Cohort cohort = programme.cohorts().stream().filter(c -> c.id() == cohortId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cohort " + cohortId + " is not in " + programme.code()));
        String problem = CohortRule.problemWith(conditions);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String stored = conditions.strip().toUpperCase();
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM cohort_rule WHERE programme_id = ?")
                .param(programmeId).query(Integer.class).single();
        long id = insert("INSERT INTO cohort_rule (programme_id, cohort_id, position, conditions) VALUES (?, ?, ?, ?)",
                programmeId, cohortId, position, stored);
        audit.recordChange("ADD_COHORT_RULE", "programme", programmeId, programme.ownerOrganisationId(),
                cohort.name() + ": " + new CohortRule(id, cohortId, cohort.name(), position, stored).describe());
        return id;
    }

    /**
     * Sensible default rules for the demo programmes, for seed data; does nothing for other codes or when the
     * programme already has rules. Call it after the programme's cohorts are added.
     * <ul>
     * <li>"WW" (WorkWell, for people in work or recently out of work through poor health): aged 16 to 67;
     * employed, self-employed, off sick or unemployed; if unemployed, for no more than 8 weeks; a health
     * condition; in the area; not already on the programme. Cohorts follow Greater Manchester's four, tried in
     * order: C1 in work with a mental health or musculoskeletal condition; C2 in work and waiting for NHS
     * treatment; C3 out of work within 8 weeks with a health condition; C4 anyone else (the locally defined
     * cohort).</li>
     * <li>"TIW" (Thrive into Work, IPS): aged 16 to 67; a health condition; in the area; not already on the
     * programme. Cohorts: IN for people in work (including off sick), OUT for everyone else.</li>
     * </ul>
     */
    @Transactional
    public void seedDefaults(long programmeId, String programmeCode) {
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM eligibility_rule WHERE programme_id = ?").param(programmeId)
                .query(Integer.class).single();
        if (existing > 0 || programmeCode == null) {
            return;
        }
        switch (programmeCode.strip().toUpperCase()) {
            case "WW" -> {
                addRule(programmeId, EligibilityRuleKind.AGE_RANGE, ReferralRules.MIN_AGE + "," + ReferralRules.MAX_AGE);
                addRule(programmeId, EligibilityRuleKind.EMPLOYMENT_STATUS_IN, "EMPLOYED,SELF_EMPLOYED,OFF_SICK,UNEMPLOYED");
                addRule(programmeId, EligibilityRuleKind.WEEKS_SINCE_LAST_WORKED_AT_MOST, "8");
                addRule(programmeId, EligibilityRuleKind.HEALTH_CONDITION_PRESENT, null);
                addRule(programmeId, EligibilityRuleKind.IN_AREA, null);
                addRule(programmeId, EligibilityRuleKind.NOT_ALREADY_ACTIVE, null);
                cohortRule(programmeId, "C1", "IN_WORK,HEALTH=MENTAL_HEALTH|MUSCULOSKELETAL");
                cohortRule(programmeId, "C2", "IN_WORK,WAITING_FOR_TREATMENT");
                cohortRule(programmeId, "C3", "OUT_OF_WORK,HEALTH=ANY,WEEKS_OUT_AT_MOST=8");
                cohortRule(programmeId, "C4", "ANY");
            }
            case "TIW" -> {
                addRule(programmeId, EligibilityRuleKind.AGE_RANGE, ReferralRules.MIN_AGE + "," + ReferralRules.MAX_AGE);
                addRule(programmeId, EligibilityRuleKind.HEALTH_CONDITION_PRESENT, null);
                addRule(programmeId, EligibilityRuleKind.IN_AREA, null);
                addRule(programmeId, EligibilityRuleKind.NOT_ALREADY_ACTIVE, null);
                cohortRule(programmeId, "IN", "IN_WORK");
                cohortRule(programmeId, "OUT", "ANY");
            }
            default -> {
                // No defaults: commissioners add the rules on the programme's eligibility page.
            }
        }
    }

    /** The programme's eligibility rules in order. */
    List<EligibilityRule> rules(long programmeId) {
        return jdbc.sql("SELECT id, kind, parameters, position FROM eligibility_rule WHERE programme_id = ? "
                        + "ORDER BY position, id")
                .param(programmeId)
                .query((rs, n) -> new EligibilityRule(rs.getLong("id"), EligibilityRuleKind.valueOf(rs.getString("kind")),
                        rs.getString("parameters"), rs.getInt("position")))
                .list();
    }

    /** The programme's cohort suggestion rules in the order they are tried. */
    List<CohortRule> cohortRules(long programmeId) {
        Optional<Programme> programme = programmes.find(programmeId);
        // A rule names one of its programme's cohorts (addCohortRule checks), so the programme names them all.
        return jdbc.sql("SELECT id, cohort_id, position, conditions FROM cohort_rule WHERE programme_id = ? "
                        + "ORDER BY position, id")
                .param(programmeId)
                .query((rs, n) -> new CohortRule(rs.getLong("id"), rs.getLong("cohort_id"),
                        ReferralNames.cohort(programme, rs.getLong("cohort_id")), rs.getInt("position"),
                        rs.getString("conditions")))
                .list();
    }

    private void cohortRule(long programmeId, String cohortCode, String conditions) {
        programme(programmeId).cohorts().stream().filter(c -> c.code().equalsIgnoreCase(cohortCode)).findFirst()
                .ifPresent(cohort -> addCohortRule(programmeId, cohort.id(), conditions));
    }

    private Programme programme(long programmeId) {
        return programmes.find(programmeId).orElseThrow(OutOfScopeException::new);
    }

    private long insert(String sql, Object... values) {
        org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(sql).params(values).update(key, "id");
        return key.getKeyAs(Long.class);
    }
}

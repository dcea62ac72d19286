package org.workhealth.programme;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A programme such as Thrive into Work or WorkWell, with the cohorts it serves.
 *
 * @param caseloadCap the most open cases one key worker should hold on the programme; null for no cap
 */
@Table("programme")
public record Programme(@Id Long id, String code, String name, SupportType supportType, String description,
        Long ownerOrganisationId, Integer caseloadCap, @MappedCollection(idColumn = "programme_id") Set<Cohort> cohorts,
        @Version Integer version) {

    @Table("cohort")
    public record Cohort(@Id Long id, String code, String name, String description) {
    }

    static Programme create(String code, String name, SupportType type, String description, long owner) {
        return new Programme(null, code.strip().toUpperCase(), name.strip(), type, description, owner,
                type.defaultCaseloadCap(), Set.of(), null);
    }



    public boolean hasCohortCode(String cohortCode) {
        return cohorts.stream().anyMatch(c -> c.code().equalsIgnoreCase(cohortCode.strip()));
    }

    public List<Cohort> cohortsInOrder() {
        return cohorts.stream().sorted(Comparator.comparing(Cohort::name)).toList();
    }
}

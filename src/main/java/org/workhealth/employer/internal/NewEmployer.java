package org.workhealth.employer.internal;

import org.workhealth.classification.SicSection;
import org.workhealth.employer.SizeBand;

import java.util.List;

/** A sign-up's answers, already checked (see SignUpForm). */
public record NewEmployer(String name, String companiesHouseNumber, SicSection sicSection, int employees,
        List<NewSite> sites, EmployerContact contact) {

    public NewEmployer {
        sites = List.copyOf(sites);
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("An employer has at least one site");
        }
    }

    public SizeBand sizeBand() {
        return SizeBand.of(employees);
    }
}

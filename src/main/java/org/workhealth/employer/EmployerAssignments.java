package org.workhealth.employer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;

/** Who advises an employer. Callers check that the person manages the employer and may pick the advisor. */
@Service
class EmployerAssignments {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    EmployerAssignments(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public void assign(CurrentUser manager, Employer employer, long advisorId) {
        jdbc.sql("UPDATE employer SET advisor_id = :advisor, version = version + 1 WHERE id = :id")
                .param("advisor", advisorId).param("id", employer.id()).update();
        audit.recordChange("ASSIGN", "employer", employer.id(), employer.hubOrganisationId(),
                "Advisor " + employer.advisorId() + " → " + advisorId + " by " + manager.id());
    }
}

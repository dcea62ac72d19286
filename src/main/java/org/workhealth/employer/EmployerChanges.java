package org.workhealth.employer;

import org.workhealth.employer.internal.EmployerAccess;
import org.workhealth.employer.internal.EmployerContact;
import org.workhealth.employer.internal.EmployerDetailsChanged;
import org.workhealth.employer.internal.NewSite;
import org.workhealth.employer.internal.Site;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;

/**
 * An employer's own people keep its main contact and sites up to date. The contact's details are that person's
 * personal data, so each change is audited (without the values themselves).
 */
@Service
class EmployerChanges {

    private final EmployerAccess access;
    private final SignUps signUps;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    EmployerChanges(EmployerAccess access, SignUps signUps, JdbcClient jdbc, AuditLog audit,
            ApplicationEventPublisher events) {
        this.access = access;
        this.signUps = signUps;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public void changeContact(CurrentUser user, long employerId, EmployerContact contact) {
        Employer employer = access.changeableByEmployer(user, employerId);
        jdbc.sql("""
                UPDATE employer SET contact_name = :name, contact_email = :email, contact_phone = :phone,
                    version = version + 1
                WHERE id = :id
                """).param("name", contact.name()).param("email", contact.email()).param("phone", contact.phone())
                .param("id", employerId).update();
        audit.recordChange("UPDATE", "employer", employerId, employer.hubOrganisationId(), "Main contact changed");
        events.publishEvent(new EmployerDetailsChanged(employerId));
    }

    @Transactional
    public void addSite(CurrentUser user, long employerId, NewSite site) {
        Employer employer = access.changeableByEmployer(user, employerId);
        signUps.addSite(employerId, site);
        audit.recordChange("ADD_SITE", "employer", employerId, employer.hubOrganisationId(), site.name());
        events.publishEvent(new EmployerDetailsChanged(employerId));
    }

    /** Removes a site, keeping at least one. @return false when it is the employer's only site */
    @Transactional
    public boolean removeSite(CurrentUser user, long employerId, long siteId) {
        Employer employer = access.changeableByEmployer(user, employerId);
        int sites = jdbc.sql("SELECT COUNT(*) FROM employer_site WHERE employer_id = :employer")
                .param("employer", employerId).query(Integer.class).single();
        if (sites <= 1) {
            return false;
        }
        int removed = jdbc.sql("DELETE FROM employer_site WHERE id = :site AND employer_id = :employer")
                .param("site", siteId).param("employer", employerId).update();
        if (removed == 1) {
            audit.recordChange("REMOVE_SITE", "employer", employerId, employer.hubOrganisationId(), "Site " + siteId);
            events.publishEvent(new EmployerDetailsChanged(employerId));
        }
        return removed == 1;
    }
}

package org.workhealth.employer.assessment;

import org.springframework.stereotype.Component;
import org.workhealth.employer.Employer;
import org.workhealth.employer.internal.EmployerAccess;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * Who may do what with an employer's accreditation, on top of {@link EmployerAccess}: everyone who may see the
 * employer sees its task list; only its own people change it; evidence files open only for its own people, its
 * advisor and assessors; an assessor assesses, and (by the setting) never an employer they advise. Anything else is
 * "not found".
 */
@Component
class AccreditationAccess {

    private final EmployerAccess employers;
    private final AccreditationSettings settings;

    AccreditationAccess(EmployerAccess employers, AccreditationSettings settings) {
        this.employers = employers;
        this.settings = settings;
    }

    Employer readable(CurrentUser user, long employerId) {
        return employers.readable(user, employerId);
    }

    Employer own(CurrentUser user, long employerId) {
        return employers.changeableByEmployer(user, employerId);
    }

    boolean isOwn(CurrentUser user, Employer employer) {
        return employers.ownEmployer(user).map(own -> own == employer.id()).orElse(false);
    }

    /** Evidence files: the employer's own people, its advisor and assessors in scope. */
    Employer evidenceReadable(CurrentUser user, long employerId) {
        Employer employer = readable(user, employerId);
        if (!isOwn(user, employer) && !employers.advises(user, employerId) && !employers.assesses(user, employerId)) {
            throw new OutOfScopeException();
        }
        return employer;
    }

    boolean mayAssess(CurrentUser user, Employer employer) {
        if (!employers.assesses(user, employer.id())) {
            return false;
        }
        return !settings.assessorMustDifferFromAdvisor() || employer.advisorId() == null
                || employer.advisorId() != user.id();
    }

    Employer assessable(CurrentUser user, long employerId) {
        Employer employer = readable(user, employerId);
        if (!mayAssess(user, employer)) {
            throw new OutOfScopeException();
        }
        return employer;
    }

    /** Withdrawing an award: an assessor, or whoever runs the programme for the employer's hub. */
    boolean mayWithdraw(CurrentUser user, Employer employer) {
        return mayAssess(user, employer) || employers.manages(user, employer.id());
    }

    /** Moving to a newer version: the employer's own people, or its advisor. */
    boolean mayMove(CurrentUser user, Employer employer) {
        return isOwn(user, employer) || employers.advises(user, employer.id());
    }

    boolean advises(CurrentUser user, Employer employer) {
        return employers.advises(user, employer.id());
    }
}

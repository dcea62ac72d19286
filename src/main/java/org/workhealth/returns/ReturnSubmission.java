package org.workhealth.returns;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;

/**
 * A locality submits its compiled return to its hub. Only a draft without validation errors, for a quarter that has
 * ended, can be submitted; what the hub reviews is the return as compiled, never changed afterwards.
 */
@Service
class ReturnSubmission {

    private final Returns returns;
    private final ReturnStates states;
    private final AuditLog audit;
    private final Clock clock;
    private final ReturnMessages messages;

    ReturnSubmission(Returns returns, ReturnStates states, AuditLog audit, Clock clock, ReturnMessages messages) {
        this.messages = messages;
        this.returns = returns;
        this.states = states;
        this.audit = audit;
        this.clock = clock;
    }

    /** Why the return cannot be submitted now, or null when it can. */
    String problem(Returns.Period period, DataReturn r) {
        LocalDate today = LocalDate.now(clock);
        if (r == null) {
            return "Compile the return before you submit it";
        }
        if (!r.draft()) {
            return "This version of the return has already been submitted";
        }
        if (!period.quarter().end().isBefore(today)) {
            return "You can submit the return once the quarter has ended, after "
                    + period.quarter().end().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy"));
        }
        if (returns.issues(r).stream().anyMatch(ReturnIssue::isError)) {
            return "Put right the validation errors and compile the return again before you submit it";
        }
        return null;
    }

    @Transactional
    DataReturn submit(CurrentUser user, Returns.Period period, long returnId) {
        DataReturn r = returns.find(user, period).filter(found -> found.id() == returnId)
                .orElseThrow(() -> new ReturnStateException("The return changed while you were checking it: check "
                        + "it again, then submit it"));
        String problem = problem(period, r);
        if (problem != null) {
            throw new ReturnStateException(problem);
        }
        if (!states.move(r.id(), ReturnStatus.DRAFT, ReturnStatus.SUBMITTED)) {
            throw new ReturnStateException("This version of the return has already been submitted");
        }
        states.submitted(r.id(), clock.instant());
        states.event(r.id(), "SUBMITTED", clock.instant(), user.id(), null);
        audit.recordChange("SUBMIT", "data_return", r.id(), r.organisationId(), period.programme().code() + " "
                + period.quarter().label() + " version " + r.version());
        messages.submitted(r);
        return states.byId(r.id()).orElseThrow();
    }
}

package org.workhealth.employer.assessment;

import java.time.LocalDate;

/**
 * An employer's award as it stands: the highest level not withdrawn, its dates, and whether it has lapsed (its
 * expiry has passed). Worked out from the dates each time, so nothing has to run for an award to lapse.
 */
public record CurrentAward(long awardId, String level, String levelName, LocalDate awardedOn, LocalDate expiresOn,
        LocalDate reaccreditationDueOn, boolean lapsed) {

    /** Due for reaccreditation: on or after the due date and not yet lapsed. */
    public boolean reaccreditationDue(LocalDate today) {
        return !lapsed && !today.isBefore(reaccreditationDueOn);
    }
}

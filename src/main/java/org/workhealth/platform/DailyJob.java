package org.workhealth.platform;

import java.time.LocalDate;

/**
 * Work done once a day across all nodes, such as reminders and digests. Each bean is run once for each day by the
 * database-backed scheduler, so it must be safe to run again for the same day (a message's event key names the day).
 */
public interface DailyJob {

    /** A stable name, used as the scheduler's task name: letters, digits and hyphens. */
    String name();

    /** Does the day's work for {@code today}, the date in England. */
    void run(LocalDate today);
}

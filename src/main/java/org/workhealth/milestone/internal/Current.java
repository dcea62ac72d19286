package org.workhealth.milestone.internal;

/**
 * What "current" means, in SQL over a milestone aliased {@code m}: neither superseded nor a withdrawal (which
 * supersedes a milestone recorded in error). Every query of the milestone module that counts or lists current
 * milestones uses this one condition, and no other module decides it.
 */
public final class Current {

    public static final String NOT_SUPERSEDED = notSuperseded("m");

    private Current() {
    }

    /** The condition over a milestone with another alias. */
    public static String notSuperseded(String alias) {
        return alias + ".withdrawn = FALSE AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = "
                + alias + ".id)";
    }
}

package org.workhealth.employer.pilot;

import java.time.LocalDate;

/** A session a pilot delivered: when, what kind and how many came. */
record PilotSession(long id, long pilotId, LocalDate heldOn, SessionKind kind, int attendees) {

    static final int MAX_ATTENDEES = 100_000;
}

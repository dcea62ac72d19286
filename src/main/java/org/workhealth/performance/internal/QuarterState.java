package org.workhealth.performance.internal;

/** Where a quarter stands on the day the table is drawn: only finished quarters are RAG rated. */
public enum QuarterState {
    FINISHED, IN_PROGRESS, NOT_STARTED
}

package org.workhealth.performance.internal;

/** Whether a KPI's quarters show what happened in each quarter or the running total to its end. */
public enum KpiDisplay {
    INCREMENTS, RUNNING_TOTALS
}

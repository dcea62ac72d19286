package org.workhealth.performance;

/** A KPI whose figures are entered by hand: its definition's id, code and name. */
record EnteredKpi(long id, long programmeId, String code, String name) {
}

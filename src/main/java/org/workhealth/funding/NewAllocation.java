package org.workhealth.funding;

/** What a commissioner asks for: a hub's pot for a programme, shared among its localities by population. */
record NewAllocation(String name, long programmeId, long hubId, long potPence, int basicPercent, String period) {
}

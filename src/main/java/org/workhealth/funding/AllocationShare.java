package org.workhealth.funding;

/** One locality's share of an allocation, with the population it was worked out from. */
record AllocationShare(long localityId, String localityName, long population, int estimateYear, long sharePence,
        long basicPence, long performancePence) {
}

package org.workhealth.referral;

/** The cohort the answers point to, and why ("In work (Employed) with a mental health condition"). */
record SuggestedCohort(long cohortId, String cohortName, String why) {
}

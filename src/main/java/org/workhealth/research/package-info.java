/**
 * Research consent: a person's consent to take part in a study (a trial or a programme evaluation), recorded apart
 * from consent to the service, against a version of the study's information sheet, and its withdrawal with what the
 * withdrawal covers. Trials record it at randomisation; evaluation extracts and follow-up lists honour withdrawals.
 */
package org.workhealth.research;

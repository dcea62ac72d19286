/**
 * Trials: randomised controlled trials run on a programme — the design (arms, ratio, strata, method, unit,
 * recruitment), concealed randomisation that is made once and never changed, and the control arm's follow-up
 * schedule. docs/trials.md describes the method, concealment and the custody of each trial's seed.
 */
package org.workhealth.trial;

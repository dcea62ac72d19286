/**
 * SME trials (issue 16): employers randomised into a trial of the employer programme, the treatment arm's grant
 * paid by instalment through the funding module, and drop-outs. Exposed for the demo data, which makes the Wellbeing
 * Premium trial ({@link org.workhealth.trial.employer.SmeTrialExamples}).
 */
@org.springframework.modulith.NamedInterface("employer")
package org.workhealth.trial.employer;

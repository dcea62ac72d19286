package org.workhealth.referral;

/**
 * One eligibility rule applied to one referral: the rule in words ("Aged 16 to 67"), whether the
 * person meets it, and why ("Aged 34").
 */
record RuleOutcome(String rule, boolean passed, String reason) {
}

package org.workhealth.performance;

/** Counts are whole numbers; ratios (such as the conversion rate) are percentages to one decimal place. */
public enum KpiUnit {
    COUNT, PERCENT
}

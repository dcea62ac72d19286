package org.workhealth.employer.framework;

/** A criterion to add to a draft; {@code moduleCode} only in a modular version. */
public record NewCriterion(String levelCode, String areaCode, String moduleCode, String code, String text,
        String evidenceGuidance) {
}

package org.workhealth.employer.framework;

/**
 * What an employer must show at a level in an area, and what evidence shows it. Its {@code code} stays the same
 * from version to version, so that an employer's progress follows it when the employer moves version.
 */
public record Criterion(long id, long versionId, String levelCode, String areaCode, Long moduleId, String code,
        String text, String evidenceGuidance, int position) {

    public static final int CODE_MAX = 20;
    public static final int TEXT_MAX = 500;
    public static final int GUIDANCE_MAX = 1000;
}

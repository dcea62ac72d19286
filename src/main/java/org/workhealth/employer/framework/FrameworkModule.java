package org.workhealth.employer.framework;

/** A module of a modular version: a group of criteria an employer can complete on its own. */
public record FrameworkModule(long id, long versionId, String code, String name, String description, int position) {
}

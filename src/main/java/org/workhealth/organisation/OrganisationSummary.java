package org.workhealth.organisation;

/** An organisation as other modules and pages list it, with its place in the hierarchy. */
public record OrganisationSummary(long id, String name, String typeCode, String typeName, Long parentId,
        String parentName, String odsCode, int depth) {
}

package org.workhealth.organisation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An organisation in the programme hierarchy: national, hub, locality, provider, team. */
@Table("organisation")
public record Organisation(@Id Long id, String name, String typeCode, Long parentId, String odsCode, boolean active,
        Instant createdAt, @Version Integer version) {

    static Organisation create(String name, String typeCode, Long parentId, String odsCode, Instant now) {
        return new Organisation(null, name, typeCode, parentId, blankToNull(odsCode), true, now, null);
    }

    Organisation withDetails(String newName, String newTypeCode, Long newParentId, String newOdsCode) {
        return new Organisation(id, newName, newTypeCode, newParentId, blankToNull(newOdsCode), active, createdAt,
                version);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase();
    }
}

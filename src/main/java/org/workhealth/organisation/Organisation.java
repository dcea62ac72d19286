package org.workhealth.organisation;

import java.time.Instant;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.workhealth.govuk.TextAnswer;

/** An organisation in the programme hierarchy: national, hub, locality, provider, team. */
@Table("organisation")
public record Organisation(@Id Long id, String name, String typeCode, Long parentId, String odsCode, boolean active,
        Instant createdAt, @Version Integer version) {

    static Organisation create(String name, String typeCode, Long parentId, String odsCode, Instant now) {
        return new Organisation(null, name, typeCode, parentId, odsCode(odsCode), true, now, null);
    }

    Organisation withDetails(String newName, String newTypeCode, Long newParentId, String newOdsCode) {
        return new Organisation(id, newName, newTypeCode, newParentId, odsCode(newOdsCode), active, createdAt,
                version);
    }

    /** An ODS code as NHS systems write it: upper case, or none. */
    private static String odsCode(String value) {
        String code = TextAnswer.orNull(value);
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }
}

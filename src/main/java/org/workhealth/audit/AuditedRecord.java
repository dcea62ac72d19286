package org.workhealth.audit;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** One record a page showed or an action changed, named in the audit log: its kind ("referral", "case") and id. */
public record AuditedRecord(String type, String id) {

    public AuditedRecord {
        Objects.requireNonNull(type);
        Objects.requireNonNull(id);
    }

    public static AuditedRecord of(String type, Object id) {
        return new AuditedRecord(type, String.valueOf(id));
    }

    /** Records of one kind, in the order shown, each once. */
    public static List<AuditedRecord> all(String type, Collection<?> ids) {
        return ids.stream().filter(Objects::nonNull).map(id -> of(type, id)).distinct().toList();
    }
}

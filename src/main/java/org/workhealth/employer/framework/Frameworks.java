package org.workhealth.employer.framework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.OutOfScopeException;

/**
 * The framework's versions, modules and criteria. A published version is never changed: an edit of it makes a new
 * draft copying it (modules and criteria alike, criterion codes kept) and changes the copy, so employers working on
 * the published version see no change until they move. The current version of a hub is its latest published one.
 */
@Service
public class Frameworks {

    private static final String VERSION_COLUMNS = """
            id, hub_organisation_id, name, modular, status, based_on_id, demonstration, created_by, published_on
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Frameworks(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<FrameworkVersion> version(long id) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM framework_version WHERE id = ?").param(id)
                .query(FrameworkVersion.class).optional();
    }

    /** Every version of the hubs given, newest first. */
    public List<FrameworkVersion> versions(Collection<Long> hubIds) {
        if (hubIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM framework_version WHERE hub_organisation_id IN (:hubs)"
                + " ORDER BY id DESC").param("hubs", hubIds).query(FrameworkVersion.class).list();
    }

    /** The version new employers of the hub start on: the one published last. */
    public Optional<FrameworkVersion> current(long hubOrganisationId) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM framework_version WHERE hub_organisation_id = ?"
                + " AND status = 'PUBLISHED' ORDER BY published_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")
                .param(hubOrganisationId).query(FrameworkVersion.class).optional();
    }

    public List<FrameworkLevel> levels() {
        return jdbc.sql("SELECT code, name, position FROM framework_level ORDER BY position")
                .query(FrameworkLevel.class).list();
    }

    public List<FrameworkArea> areas() {
        return jdbc.sql("SELECT code, name, kind, position FROM framework_area ORDER BY position")
                .query(FrameworkArea.class).list();
    }

    /** A whole version; "not found" when there is none. */
    public Framework framework(long versionId) {
        FrameworkVersion version = version(versionId).orElseThrow(OutOfScopeException::new);
        List<FrameworkModule> modules = jdbc.sql("""
                SELECT id, version_id, code, name, description, position FROM framework_module
                WHERE version_id = ? ORDER BY position, id
                """).param(versionId).query(FrameworkModule.class).list();
        List<Criterion> criteria = jdbc.sql("""
                SELECT c.id, c.version_id, c.level_code, c.area_code, c.module_id, c.code, c.text,
                       c.evidence_guidance, c.position
                FROM framework_criterion c
                JOIN framework_level l ON l.code = c.level_code
                JOIN framework_area a ON a.code = c.area_code
                WHERE c.version_id = ? ORDER BY l.position, a.position, c.position, c.id
                """).param(versionId).query(Criterion.class).list();
        return new Framework(version, levels(), areas(), modules, criteria);
    }

    /** A new, empty draft. */
    @Transactional
    public long createDraft(long hubOrganisationId, String name, boolean modular, boolean demonstration,
            Long createdBy) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO framework_version (hub_organisation_id, name, modular, status, demonstration, created_by,
                                               created_at)
                VALUES (?, ?, ?, 'DRAFT', ?, ?, ?)
                """).params(hubOrganisationId, name, modular, demonstration, createdBy, now()).update(key, "id");
        long id = key.getKeyAs(Long.class);
        audit.recordChange("CREATE", "framework-version", id, hubOrganisationId, "Draft " + name);
        return id;
    }

    @Transactional
    public long addModule(long versionId, String code, String name, String description) {
        FrameworkVersion version = draft(versionId);
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO framework_module (version_id, code, name, description, position)
                VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM framework_module WHERE version_id = ?))
                """).params(version.id(), code, name, description, version.id()).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public boolean codeInUse(long versionId, String code) {
        return jdbc.sql("SELECT COUNT(*) FROM framework_criterion WHERE version_id = ? AND code = ?")
                .params(versionId, code).query(Integer.class).single() > 0;
    }

    /**
     * Adds a criterion. To a published version it goes into a new draft copying the version.
     *
     * @return the version the criterion went into
     */
    @Transactional
    public long addCriterion(long versionId, NewCriterion criterion, Long by) {
        FrameworkVersion target = editable(versionId, by);
        Long moduleId = criterion.moduleCode() == null ? null
                : jdbc.sql("SELECT id FROM framework_module WHERE version_id = ? AND code = ?")
                        .params(target.id(), criterion.moduleCode()).query(Long.class).optional()
                        .orElseThrow(OutOfScopeException::new);
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO framework_criterion (version_id, level_code, area_code, module_id, code, text,
                                                 evidence_guidance, position)
                VALUES (?, ?, ?, ?, ?, ?, ?,
                        (SELECT COALESCE(MAX(position), 0) + 1 FROM framework_criterion WHERE version_id = ?))
                """).params(target.id(), criterion.levelCode(), criterion.areaCode(), moduleId, criterion.code(),
                criterion.text(), criterion.evidenceGuidance(), target.id()).update(key, "id");
        audit.recordChange("CREATE", "framework-criterion", key.getKeyAs(Long.class), target.hubOrganisationId(),
                "Criterion " + criterion.code() + " added to " + target.name());
        return target.id();
    }

    /**
     * Changes a criterion's wording and evidence guidance. In a published version the change goes into a new
     * draft copying it (the criterion found there by its code).
     *
     * @return the version changed
     */
    @Transactional
    public long editCriterion(long versionId, long criterionId, String text, String evidenceGuidance, Long by) {
        String code = jdbc.sql("SELECT code FROM framework_criterion WHERE id = ? AND version_id = ?")
                .params(criterionId, versionId).query(String.class).optional().orElseThrow(OutOfScopeException::new);
        FrameworkVersion target = editable(versionId, by);
        jdbc.sql("UPDATE framework_criterion SET text = ?, evidence_guidance = ? WHERE version_id = ? AND code = ?")
                .params(text, evidenceGuidance, target.id(), code).update();
        audit.recordChange("UPDATE", "framework-criterion", code, target.hubOrganisationId(),
                "Criterion " + code + " changed in " + target.name());
        return target.id();
    }

    /** Publishes a draft: from now on new employers of the hub start on it. */
    @Transactional
    public void publish(long versionId, Long by) {
        FrameworkVersion version = draft(versionId);
        int updated = jdbc.sql("""
                UPDATE framework_version SET status = 'PUBLISHED', published_on = ?, published_at = ?, published_by = ?,
                                             name = ?
                WHERE id = ? AND status = 'DRAFT'
                """).params(LocalDate.now(clock), now(), by, publishedName(version.name()), versionId).update();
        if (updated == 1) {
            audit.recordChange("PUBLISH", "framework-version", versionId, version.hubOrganisationId(),
                    "Published " + version.name());
        }
    }

    /** The version itself when a draft; for a published version, a new draft copying it. */
    private FrameworkVersion editable(long versionId, Long by) {
        FrameworkVersion version = version(versionId).orElseThrow(OutOfScopeException::new);
        if (!version.published()) {
            return version;
        }
        long draft = createDraft(version.hubOrganisationId(), draftName(version.name()), version.modular(),
                version.demonstration(), by);
        jdbc.sql("UPDATE framework_version SET based_on_id = ? WHERE id = ?").params(version.id(), draft).update();
        jdbc.sql("""
                INSERT INTO framework_module (version_id, code, name, description, position)
                SELECT ?, code, name, description, position FROM framework_module WHERE version_id = ?
                """).params(draft, version.id()).update();
        jdbc.sql("""
                INSERT INTO framework_criterion (version_id, level_code, area_code, module_id, code, text,
                                                 evidence_guidance, position)
                SELECT ?, c.level_code, c.area_code, nm.id, c.code, c.text, c.evidence_guidance, c.position
                FROM framework_criterion c
                LEFT JOIN framework_module om ON om.id = c.module_id
                LEFT JOIN framework_module nm ON nm.version_id = ? AND nm.code = om.code
                WHERE c.version_id = ?
                """).params(draft, draft, version.id()).update();
        return version(draft).orElseThrow();
    }

    private FrameworkVersion draft(long versionId) {
        FrameworkVersion version = version(versionId).orElseThrow(OutOfScopeException::new);
        if (version.published()) {
            throw new IllegalStateException("Version " + versionId + " is published and cannot change");
        }
        return version;
    }

    private static String draftName(String name) {
        String named = name.endsWith(" (draft)") ? name : name + " (draft)";
        return named.length() > 120 ? named.substring(0, 120) : named;
    }

    private static String publishedName(String name) {
        return name.endsWith(" (draft)") ? name.substring(0, name.length() - " (draft)".length()) : name;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}

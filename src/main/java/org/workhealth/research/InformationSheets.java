package org.workhealth.research;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;

/**
 * The versions of each study's information sheet. The study's owner (the trial module for a trial) checks who may
 * add one before calling; this module keeps the table and the audit entry.
 */
@Service
public class InformationSheets {

    /** The version is already recorded for the study. */
    public static class VersionInUseException extends RuntimeException {
        VersionInUseException() {
            super("That version is already recorded");
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    InformationSheets(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Newest first. */
    public List<InformationSheet> forStudy(String studyCode) {
        return jdbc.sql("SELECT id, study_code, version, dated FROM research_information_sheet WHERE study_code = ? "
                        + "ORDER BY dated DESC, id DESC").param(studyCode)
                .query((rs, n) -> new InformationSheet(rs.getLong("id"), rs.getString("study_code"),
                        rs.getString("version"), rs.getDate("dated").toLocalDate()))
                .list();
    }

    public Optional<InformationSheet> find(String studyCode, String version) {
        return forStudy(studyCode).stream().filter(s -> s.version().equals(version)).findFirst();
    }

    /**
     * @param organisationId the study owner's organisation, for the audit log
     * @throws VersionInUseException when the study already has that version
     */
    @Transactional
    public InformationSheet add(String studyCode, String version, java.time.LocalDate dated, long addedBy,
            long organisationId) {
        if (find(studyCode, version).isPresent()) {
            throw new VersionInUseException();
        }
        try {
            jdbc.sql("INSERT INTO research_information_sheet (study_code, version, dated, added_by, added_at) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(studyCode, version, dated, addedBy, Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw new VersionInUseException();
        }
        InformationSheet sheet = find(studyCode, version).orElseThrow();
        audit.recordChange("CREATE", "research_information_sheet", sheet.id(), organisationId,
                studyCode + " version " + version + " dated " + dated);
        return sheet;
    }
}

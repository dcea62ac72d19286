package org.workhealth.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.organisation.Role;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralSource;

/**
 * Bulk referral files: checked on upload and kept (table {@code referral_upload}) until the person
 * imports the valid rows. The file itself is kept rather than its rows, and read again for the
 * report, the import and the file of rows with errors: reading is quick, and the rules are then
 * applied as they stand on the day of the import.
 */
@Service
class ReferralUploads {

    /** Who may upload: anyone who makes referrals as a provider manager or as a referrer. */
    static boolean mayUpload(CurrentUser user) {
        return user.has(Permission.MAKE_REFERRALS) && (user.has(Role.PROVIDER_MANAGER) || user.has(Role.REFERRER));
    }

    enum Status { CHECKED, IMPORTED }

    record Upload(long id, String fileName, String sha256, long uploadedBy, long organisationId, Status status,
            Integer importedCount, Integer alreadyCount) {
    }

    /** What the file holds as of now. {@code alreadyImported} valid rows were imported before (by their key). */
    record Report(Upload upload, List<ReferralFile.Row> rows, int valid, int withErrors, int alreadyImported) {

        public int total() {
            return rows.size();
        }

        /** Valid rows not imported yet: what "Import" would save. */
        public int toImport() {
            return valid - alreadyImported;
        }
    }

    private final JdbcClient jdbc;
    private final BulkReferralIntake intake;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    ReferralUploads(JdbcClient jdbc, BulkReferralIntake intake, AccessPolicy access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks a file and keeps it for import.
     *
     * @return the upload's id
     * @throws ReferralFile.UnusableFile when the file as a whole cannot be used; nothing is kept
     */
    long upload(CurrentUser user, String fileName, byte[] content) throws ReferralFile.UnusableFile {
        requireUploader(user);
        if (content.length > ReferralFile.MAX_BYTES) {
            throw new ReferralFile.UnusableFile(ReferralFile.UnusableFile.TOO_LARGE);
        }
        List<ReferralFile.Row> rows = ReferralFile.read(content, user.fullName(), LocalDate.now(clock));
        int valid = (int) rows.stream().filter(ReferralFile.Row::valid).count();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO referral_upload (file_name, file_sha256, uploaded_by, organisation_id, created_at, status,
                    row_count, valid_count, error_count, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(shorten(fileName), ReferralFileKeys.sha256(content), user.id(), user.organisationId(),
                        Timestamp.from(clock.instant()), Status.CHECKED.name(), rows.size(), valid,
                        rows.size() - valid, content)
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        audit.recordChange("UPLOAD", "referral_upload", id, user.organisationId(), "Referrals file checked: "
                + rows.size() + " rows, " + valid + " valid, " + (rows.size() - valid) + " with errors");
        return id;
    }

    /** The upload and every row's problems, as of today; recorded as a view of personal data. */
    Report report(CurrentUser user, long id) {
        Upload upload = find(user, id);
        Report report = read(user, upload);
        audit.recordView("referral_upload", id, upload.organisationId());
        return report;
    }

    /** The rows with errors as a CSV file to correct; recorded as a view of personal data. */
    byte[] errorsFile(CurrentUser user, long id) {
        Upload upload = find(user, id);
        List<ReferralFile.Row> rows = rows(user, upload);
        audit.recordView("referral_upload", id, upload.organisationId());
        return ReferralFileWriter.errorsFile(rows);
    }

    /**
     * Imports the valid rows, skipping any imported before (from this or any other file of the
     * organisation). Safe to repeat. Rows with errors are left for the person to correct.
     */
    BulkReferralIntake.BatchResult importValid(CurrentUser user, long id) {
        Upload upload = find(user, id);
        List<ReferralFile.Row> rows = rows(user, upload);
        List<ReferralFile.Row> valid = rows.stream().filter(ReferralFile.Row::valid).toList();
        List<ReferralAnswers> answers = new ArrayList<>(valid.size());
        List<String> keys = new ArrayList<>(valid.size());
        for (ReferralFile.Row row : valid) {
            answers.add(row.answers());
            keys.add(ReferralFileKeys.submissionKey(upload.organisationId(), row.answers()));
        }
        // ReferralFile checked every row against the rules as it read them, just now.
        BulkReferralIntake.BatchResult result = intake.submitChecked(answers, ReferralSource.BULK,
                new Referrer(user.id(), upload.organisationId()), keys,
                new BulkReferralIntake.Source(id, upload.organisationId(), upload.fileName()));
        int imported = result.imported() + (upload.importedCount() == null ? 0 : upload.importedCount());
        jdbc.sql("""
                UPDATE referral_upload SET status = ?, imported_count = ?, already_count = ?, imported_at = ?
                WHERE id = ?
                """)
                .params(Status.IMPORTED.name(), imported, result.alreadyImported(), Timestamp.from(clock.instant()), id)
                .update();
        // Each saved part wrote its own IMPORT entry naming its referrals; this one sums the whole file up.
        audit.recordChange("IMPORT_FINISHED", "referral_upload", id, upload.organisationId(), "Referrals imported from "
                + upload.fileName() + ": " + result.imported() + " imported, " + result.alreadyImported()
                + " already imported, " + (rows.size() - valid.size()) + " rows with errors not imported");
        return result;
    }

    /** Someone else's upload, or one outside the person's scope, answers "not found". */
    Upload find(CurrentUser user, long id) {
        requireUploader(user);
        Optional<Upload> upload = jdbc.sql("""
                SELECT id, file_name, file_sha256, uploaded_by, organisation_id, status, imported_count, already_count
                FROM referral_upload WHERE id = ?
                """).param(id)
                .query((rs, n) -> new Upload(rs.getLong("id"), rs.getString("file_name"), rs.getString("file_sha256"),
                        rs.getLong("uploaded_by"), rs.getLong("organisation_id"), Status.valueOf(rs.getString("status")),
                        rs.getObject("imported_count", Integer.class), rs.getObject("already_count", Integer.class)))
                .optional();
        // The report lists people's details, so only the person who uploaded the file sees it.
        if (upload.isEmpty() || upload.get().uploadedBy() != user.id()) {
            throw new OutOfScopeException();
        }
        access.require(user, Permission.MAKE_REFERRALS, upload.get().organisationId());
        return upload.get();
    }

    private Report read(CurrentUser user, Upload upload) {
        List<ReferralFile.Row> rows = rows(user, upload);
        List<String> keys = new ArrayList<>();
        for (ReferralFile.Row row : rows) {
            if (row.valid()) {
                keys.add(ReferralFileKeys.submissionKey(upload.organisationId(), row.answers()));
            }
        }
        int valid = keys.size();
        // Rows repeated within the file count as already imported too: they are saved once.
        Set<String> distinct = new HashSet<>(keys);
        int present = 0;
        List<String> all = new ArrayList<>(distinct);
        for (int from = 0; from < all.size(); from += BulkReferralIntake.CHUNK) {
            List<String> some = all.subList(from, Math.min(all.size(), from + BulkReferralIntake.CHUNK));
            present += jdbc.sql("SELECT COUNT(*) FROM referral WHERE submission_key IN (:keys)").param("keys", some)
                    .query(Integer.class).single();
        }
        int already = present + (valid - distinct.size());
        return new Report(upload, rows, valid, rows.size() - valid, already);
    }

    private List<ReferralFile.Row> rows(CurrentUser user, Upload upload) {
        byte[] content = jdbc.sql("SELECT content FROM referral_upload WHERE id = ?").param(upload.id())
                .query((rs, n) -> rs.getBytes("content")).single();
        if (!ReferralFileKeys.sha256(content).equals(upload.sha256())) {
            throw new IllegalStateException("Referral upload " + upload.id() + " does not match its checksum");
        }
        try {
            return ReferralFile.read(content, user.fullName(), LocalDate.now(clock));
        } catch (ReferralFile.UnusableFile e) {
            // It was usable when it was uploaded and the bytes have not changed.
            throw new IllegalStateException("Referral upload " + upload.id() + " can no longer be read", e);
        }
    }

    private static void requireUploader(CurrentUser user) {
        if (!mayUpload(user)) {
            throw new OutOfScopeException();
        }
    }

    private static String shorten(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "referrals.csv" : fileName.strip();
        // Browsers on some systems send the whole path.
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }
}

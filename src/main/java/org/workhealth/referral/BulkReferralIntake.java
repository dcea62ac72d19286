package org.workhealth.referral;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.workhealth.audit.AuditLog;
import org.workhealth.audit.AuditedRecord;
import org.workhealth.calendar.WorkingDays;
import org.workhealth.referral.internal.InvalidReferralException;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralMilestones;
import org.workhealth.referral.internal.ReferralRules;
import org.workhealth.referral.internal.ReferralSource;
import org.workhealth.referral.internal.ReferenceNumbers;
import org.workhealth.referral.internal.ReferralColumns;

/**
 * The batch path into the single access point, for bulk files: the same rules, routing, due time
 * and reference as {@link ReferralIntake#submit}, but for thousands of rows at once. Calling
 * {@code submit} per row costs several queries a row; here routing is one query for all distinct
 * GP practice codes and one for all postcode districts, the due time is worked out once (every
 * row is received at the same instant), already-present submission keys are found with one query
 * per chunk, and rows are written with JDBC batches.
 *
 * <p>Rows are saved in chunks of {@value #CHUNK} and each chunk is one transaction: a referral is
 * never saved without its RECEIVED event, and a chunk is saved whole or not at all. A failure part
 * way through leaves earlier chunks saved; because every row carries its submission key, running
 * the import again saves only the rows still missing.
 */
@Service
class BulkReferralIntake {

    /** Rows per transaction and per JDBC batch. */
    static final int CHUNK = 1000;

    private static final int ATTEMPTS = 5;

    /** The upload a batch comes from, named by the IMPORT entry each saved chunk writes. */
    record Source(long uploadId, long organisationId, String fileName) {
    }

    /** How many rows were saved, and how many were skipped because their submission key was already used. */
    record BatchResult(int imported, int alreadyImported) {

        BatchResult plus(BatchResult other) {
            return new BatchResult(imported + other.imported, alreadyImported + other.alreadyImported);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ReferralAreas areas;
    private final ReferralIntake intake;
    private final WorkingDays workingDays;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReferralMilestones referralMilestones;
    private final AuditLog audit;

    BulkReferralIntake(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ReferralAreas areas, ReferralIntake intake,
            WorkingDays workingDays, PlatformTransactionManager transactionManager, Clock clock,
            ReferralMilestones referralMilestones, AuditLog audit) {
        this.audit = audit;
        this.referralMilestones = referralMilestones;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.areas = areas;
        this.intake = intake;
        this.workingDays = workingDays;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Records many referrals. {@code keys.get(i)} is the submission key of {@code answers.get(i)};
     * a key already used (by an earlier file, or earlier in this list) is skipped and counted as
     * already imported.
     *
     * @throws InvalidReferralException when any row breaks a rule; then nothing is saved
     */
    BatchResult submitAll(List<ReferralAnswers> answers, ReferralSource source, Referrer referrer,
            List<String> keys, Source upload) {
        LocalDate today = LocalDate.now(clock);
        for (ReferralAnswers a : answers) {
            List<ReferralRules.Problem> problems = ReferralRules.check(a, today);
            if (!problems.isEmpty()) {
                throw new InvalidReferralException(problems);
            }
        }
        return submitChecked(answers, source, referrer, keys, upload);
    }

    /**
     * As {@link #submitAll}, for rows the caller has just checked against {@link ReferralRules}
     * (a file's valid rows), so that a large import does not check every row twice.
     */
    BatchResult submitChecked(List<ReferralAnswers> answers, ReferralSource source, Referrer referrer,
            List<String> keys, Source upload) {
        if (answers.size() != keys.size()) {
            throw new IllegalArgumentException("One submission key is needed for each referral");
        }
        // One row per key: a row repeated within the list is saved once.
        Map<String, ReferralAnswers> byKey = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            byKey.putIfAbsent(keys.get(i), answers.get(i));
        }
        int repeatedInList = answers.size() - byKey.size();

        Instant receivedAt = clock.instant();
        Instant dueAt = workingDays.responseDue(receivedAt, ReferralIntake.RESPONSE_WORKING_DAYS);
        Routes routes = routes(byKey.values(), referrer);

        List<Map.Entry<String, ReferralAnswers>> rows = new ArrayList<>(byKey.entrySet());
        BatchResult total = new BatchResult(0, repeatedInList);
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Map.Entry<String, ReferralAnswers>> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            total = total.plus(saveChunk(chunk, source, referrer, receivedAt, dueAt, routes, upload));
        }
        return total;
    }

    /**
     * One chunk in one transaction. A clash on a unique key (a reference drawn twice, or another
     * upload saving the same row a moment earlier) rolls the chunk back; it is tried again with
     * new references, and rows saved meanwhile are then skipped by their submission key.
     */
    private BatchResult saveChunk(List<Map.Entry<String, ReferralAnswers>> chunk, ReferralSource source,
            Referrer referrer, Instant receivedAt, Instant dueAt, Routes routes, Source upload) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> insertChunk(chunk, source, referrer, receivedAt, dueAt, routes,
                        upload));
            } catch (DuplicateKeyException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private BatchResult insertChunk(List<Map.Entry<String, ReferralAnswers>> chunk, ReferralSource source,
            Referrer referrer, Instant receivedAt, Instant dueAt, Routes routes, Source upload) {
        List<String> chunkKeys = chunk.stream().map(Map.Entry::getKey).toList();
        Set<String> present = new HashSet<>(jdbc.sql("SELECT submission_key FROM referral WHERE submission_key IN (:keys)")
                .param("keys", chunkKeys).query(String.class).list());
        List<Object[]> values = new ArrayList<>(chunk.size());
        List<String> newKeys = new ArrayList<>(chunk.size());
        for (Map.Entry<String, ReferralAnswers> row : chunk) {
            if (present.contains(row.getKey())) {
                continue;
            }
            ReferralAnswers a = row.getValue();
            values.add(ReferralColumns.values(a, source, referrer, row.getKey(), ReferenceNumbers.next(), receivedAt,
                    dueAt, routes.of(a)).toArray());
            newKeys.add(row.getKey());
        }
        if (!values.isEmpty()) {
            jdbcTemplate.batchUpdate(ReferralColumns.INSERT, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    Object[] row = values.get(i);
                    for (int column = 0; column < row.length; column++) {
                        if (row[column] == null) {
                            // Untyped null: the database takes the column's type, and no driver round trip is spent
                            // asking for parameter metadata.
                            ps.setNull(column + 1, Types.NULL);
                        } else {
                            ps.setObject(column + 1, row[column]);
                        }
                    }
                }

                @Override
                public int getBatchSize() {
                    return values.size();
                }
            });
            // Every new referral's RECEIVED event in one statement, found by the keys just saved.
            jdbc.sql("""
                    INSERT INTO referral_event (referral_id, occurred_at, actor_id, kind, detail)
                    SELECT id, :at, :actor, 'RECEIVED', :detail FROM referral WHERE submission_key IN (:keys)
                    """)
                    .param("at", Timestamp.from(receivedAt))
                    .param("actor", referrer == null ? null : referrer.personId())
                    .param("detail", "Received by " + source.label().toLowerCase(Locale.UK))
                    .param("keys", newKeys)
                    .update();
            // Each is received at the single access point and counts now, as a single referral does.
            Long recordedBy = referrer == null ? null : referrer.personId();
            List<Long> saved = jdbc.sql("SELECT id FROM referral WHERE submission_key IN (:keys) ORDER BY id")
                    .param("keys", newKeys).query(Long.class).list();
            referralMilestones.recordReceivedAll(saved, recordedBy);
            // In the chunk's transaction: rows saved by an import that is stopped later are still accounted for.
            audit.recordChange("IMPORT", "referral_upload", upload.uploadId(), upload.organisationId(),
                    "Referrals imported from " + upload.fileName() + ": " + saved.size() + " saved in this part",
                    AuditedRecord.all("referral", saved));
        }
        return new BatchResult(values.size(), chunk.size() - values.size());
    }

    /** Routing for a whole batch, from two queries and one walk up the referrer's hierarchy. */
    private Routes routes(Iterable<ReferralAnswers> answers, Referrer referrer) {
        Set<String> practices = new HashSet<>();
        Set<String> districts = new HashSet<>();
        for (ReferralAnswers a : answers) {
            String practice = practiceCode(a);
            if (practice != null) {
                practices.add(practice);
            }
            String district = ReferralRules.postcodeDistrict(a.postcode());
            if (district != null) {
                districts.add(district);
            }
        }
        return new Routes(areas.covering(AreaKind.GP_PRACTICE, practices),
                areas.covering(AreaKind.POSTCODE_DISTRICT, districts), referrer);
    }

    private static String practiceCode(ReferralAnswers a) {
        return a.gpPracticeCode() == null || a.gpPracticeCode().isBlank() ? null
                : a.gpPracticeCode().strip().toUpperCase(Locale.UK);
    }

    /** The same order as {@link ReferralIntake#route}: GP practice, then postcode district, then the hub. */
    private final class Routes {

        private final Map<String, Long> byPractice;
        private final Map<String, Long> byDistrict;
        private final Referrer referrer;
        private Long unmatched;

        Routes(Map<String, Long> byPractice, Map<String, Long> byDistrict, Referrer referrer) {
            this.byPractice = byPractice;
            this.byDistrict = byDistrict;
            this.referrer = referrer;
        }

        long of(ReferralAnswers a) {
            String practice = practiceCode(a);
            if (practice != null && byPractice.containsKey(practice)) {
                return byPractice.get(practice);
            }
            String district = ReferralRules.postcodeDistrict(a.postcode());
            if (district != null && byDistrict.containsKey(district)) {
                return byDistrict.get(district);
            }
            if (unmatched == null) {
                unmatched = intake.unmatchedRoute(referrer);
            }
            return unmatched;
        }
    }
}

package org.workhealth.audit;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way entries leave the audit log: when the retention schedule's period for them has passed. Nothing
 * else changes or removes an entry ({@link AuditLog} only appends).
 */
@Service
public class AuditRetention {

    static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    AuditRetention(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Deletes entries written before {@code cutoff}, a batch per transaction so locks stay short. */
    public int deleteBefore(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = transactions.execute(status -> {
                // The records an entry named go with it, first, as they point at it.
                jdbc.sql("""
                        DELETE FROM audit_event_record WHERE audit_event_id IN (
                            SELECT id FROM audit_event WHERE occurred_at < ? ORDER BY id LIMIT ?)
                        """).params(Timestamp.from(cutoff), BATCH).update();
                return jdbc.sql("""
                        DELETE FROM audit_event WHERE id IN (
                            SELECT id FROM audit_event WHERE occurred_at < ? ORDER BY id LIMIT ?)
                        """).params(Timestamp.from(cutoff), BATCH).update();
            });
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}

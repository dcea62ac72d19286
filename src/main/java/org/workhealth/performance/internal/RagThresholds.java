package org.workhealth.performance.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * RAG thresholds are data: a programme's own, or else the default row that has no programme. A
 * programme's own are changed by a commissioner who may manage the programme; the default, which
 * every other programme follows, only by a commissioner of the national organisation at the top.
 */
@Service
public class RagThresholds {

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;

    RagThresholds(JdbcClient jdbc, Programmes programmes, Organisations organisations, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    public RagThreshold forProgramme(long programmeId) {
        return programmeOwn(programmeId).or(this::defaultRow).orElse(RagThreshold.DEFAULT);
    }

    /** The default every programme without its own follows. */
    public RagThreshold defaultThreshold() {
        return defaultRow().orElse(RagThreshold.DEFAULT);
    }

    public Optional<RagThreshold> programmeOwn(long programmeId) {
        return jdbc.sql("SELECT green_from_percent, amber_from_percent FROM rag_threshold WHERE programme_id = ?")
                .param(programmeId)
                .query((rs, row) -> new RagThreshold(rs.getBigDecimal(1), rs.getBigDecimal(2))).optional();
    }

    Optional<RagThreshold> defaultRow() {
        return jdbc.sql("SELECT green_from_percent, amber_from_percent FROM rag_threshold WHERE programme_id IS NULL")
                .query((rs, row) -> new RagThreshold(rs.getBigDecimal(1), rs.getBigDecimal(2))).optional();
    }

    /** Every programme's own thresholds, by programme id, in one query. */
    public Map<Long, RagThreshold> programmesOwn() {
        Map<Long, RagThreshold> own = new HashMap<>();
        jdbc.sql("SELECT programme_id, green_from_percent, amber_from_percent FROM rag_threshold "
                        + "WHERE programme_id IS NOT NULL")
                .query(rs -> {
                    own.put(rs.getLong(1), new RagThreshold(rs.getBigDecimal(2), rs.getBigDecimal(3)));
                });
        return own;
    }

    /** A commissioner of the organisation at the top of the hierarchy: the national one. */
    public boolean mayChangeDefault(CurrentUser user) {
        return user.has(Permission.MANAGE_PROGRAMMES) && organisations.find(user.organisationId())
                .map(o -> o.parentId() == null).orElse(false);
    }

    public boolean mayChange(CurrentUser user, Programme programme) {
        return programmes.mayManage(user, programme);
    }

    @Transactional
    public void changeDefault(CurrentUser user, RagThreshold threshold) {
        if (!mayChangeDefault(user)) {
            throw new OutOfScopeException();
        }
        RagThreshold before = defaultThreshold();
        int updated = jdbc.sql("UPDATE rag_threshold SET green_from_percent = ?, amber_from_percent = ?, "
                        + "updated_at = ?, updated_by = ? WHERE programme_id IS NULL")
                .params(threshold.greenFromPercent(), threshold.amberFromPercent(), now(), user.id()).update();
        if (updated == 0) {
            insert(null, threshold, user.id());
        }
        audit.recordChange("UPDATE", "rag-threshold", "default", user.organisationId(),
                "Default: " + describe(before) + " to " + describe(threshold));
    }

    @Transactional
    public void changeForProgramme(CurrentUser user, long programmeId, RagThreshold threshold) {
        Programme programme = manageable(user, programmeId);
        Optional<RagThreshold> before = programmeOwn(programmeId);
        int updated = jdbc.sql("UPDATE rag_threshold SET green_from_percent = ?, amber_from_percent = ?, "
                        + "updated_at = ?, updated_by = ? WHERE programme_id = ?")
                .params(threshold.greenFromPercent(), threshold.amberFromPercent(), now(), user.id(), programmeId)
                .update();
        if (updated == 0) {
            insert(programmeId, threshold, user.id());
        }
        audit.recordChange("UPDATE", "rag-threshold", programmeId, programme.ownerOrganisationId(),
                programme.code() + ": " + before.map(RagThresholds::describe).orElse("the default") + " to "
                        + describe(threshold));
    }

    /** The programme drops its own thresholds and follows the default again. */
    @Transactional
    public void useDefault(CurrentUser user, long programmeId) {
        Programme programme = manageable(user, programmeId);
        Optional<RagThreshold> before = programmeOwn(programmeId);
        if (before.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM rag_threshold WHERE programme_id = ?").param(programmeId).update();
        audit.recordChange("DELETE", "rag-threshold", programmeId, programme.ownerOrganisationId(),
                programme.code() + ": " + describe(before.get()) + " to the default");
    }

    private Programme manageable(CurrentUser user, long programmeId) {
        Programme programme = programmes.find(programmeId).orElseThrow(OutOfScopeException::new);
        if (!mayChange(user, programme)) {
            throw new OutOfScopeException();
        }
        return programme;
    }

    private void insert(Long programmeId, RagThreshold threshold, long by) {
        jdbc.sql("INSERT INTO rag_threshold (programme_id, green_from_percent, amber_from_percent, updated_at, "
                        + "updated_by) VALUES (:programme, :green, :amber, :at, :by)")
                .param("programme", programmeId, java.sql.Types.BIGINT)
                .param("green", threshold.greenFromPercent()).param("amber", threshold.amberFromPercent())
                .param("at", now()).param("by", by).update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    public static String describe(RagThreshold t) {
        return "green from " + percent(t.greenFromPercent()) + ", amber from " + percent(t.amberFromPercent());
    }

    /** "100%", "97.5%": no trailing ".0". */
    public static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString() + "%";
    }
}

package org.workhealth.milestone;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;

/**
 * The append-only milestone record from which performance, funding and returns all count. A
 * milestone is never changed or removed: a correction is a new milestone that supersedes it, and
 * queries see only the current ones. This class is the only code that writes {@code milestone}, and
 * it only inserts, save one exception: when a case's personal data is erased, the free text staff typed on its
 * milestones is erased with it ({@link #eraseFreeText}); it also keeps {@code milestone_first}, each case's first current milestone of a type,
 * from which "first per case" counts are read. Nothing is recorded or corrected in a period a {@link PeriodLocks}
 * lock covers.
 */
@Service
public class Milestones {

    /** Thrown when asked to correct a milestone that does not exist or has already been corrected. */
    public static class NotCurrentException extends RuntimeException {
        NotCurrentException(String message) {
            super(message);
        }
    }

    private static final String COLUMNS = """
            m.id, m.type, m.case_id, m.referral_id, m.programme_id, m.contract_id, m.organisation_id, m.occurred_on,
            m.attributes, m.recorded_at, m.recorded_by, m.supersedes_id, m.withdrawn, m.correction_reason""";

    /** Current: neither superseded nor a withdrawal (which supersedes a milestone recorded in error). */
    private static final String NOT_SUPERSEDED =
            "m.withdrawn = FALSE AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)";

    /** The longest reason a correction or withdrawal may give: the column's length. */
    public static final int REASON_MAX = 500;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final PeriodLocks locks;
    private final JdbcTemplate jdbcTemplate;

    Milestones(JdbcClient jdbc, AuditLog audit, Clock clock, PeriodLocks locks, JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.locks = locks;
    }

    /**
     * Records a milestone and returns its id.
     *
     * @throws PeriodLockedException when a live lock covers its contract and date
     */
    @Transactional
    public long record(NewMilestone milestone) {
        checkQuantity(milestone);
        locks.firstCovering(List.of(new PeriodLocks.Probe(milestone.contractId(), milestone.occurredOn())))
                .ifPresent(covered -> {
                    throw new PeriodLockedException(covered.lock(), milestone.occurredOn(), false);
                });
        long id = insert(milestone, null, false, null);
        refreshFirst(milestone.caseId(), milestone.type());
        audit.recordChange("CREATE", "milestone", id, milestone.organisationId(), milestone.type().name());
        return id;
    }

    /**
     * Records milestones that belong to no case (a bulk file's "referral received" ones) in one batch: one query
     * for the locks of all of them, one batched insert and one audit entry per organisation, rather than a round
     * trip per milestone.
     *
     * @throws PeriodLockedException when a live lock covers any of them (then none is recorded)
     * @throws IllegalArgumentException when one belongs to a case (a case's first milestones need keeping)
     */
    @Transactional
    public void recordAll(List<NewMilestone> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.stream().anyMatch(m -> m.caseId() != null)) {
            throw new IllegalArgumentException("recordAll takes milestones without a case");
        }
        batch.forEach(Milestones::checkQuantity);
        List<PeriodLocks.Probe> probes = batch.stream().map(m -> new PeriodLocks.Probe(m.contractId(), m.occurredOn()))
                .distinct().toList();
        locks.firstCovering(probes).ifPresent(covered -> {
            throw new PeriodLockedException(covered.lock(), probes.get(covered.probe()).on(), false);
        });
        Timestamp now = Timestamp.from(clock.instant());
        jdbcTemplate.batchUpdate("""
                INSERT INTO milestone (type, case_id, referral_id, programme_id, contract_id, organisation_id,
                                       occurred_on, attributes, recorded_at, recorded_by, supersedes_id)
                VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
                """, batch, 1000, (ps, m) -> {
                    ps.setString(1, m.type().name());
                    ps.setObject(2, m.referralId(), java.sql.Types.BIGINT);
                    ps.setLong(3, m.programmeId());
                    ps.setObject(4, m.contractId(), java.sql.Types.BIGINT);
                    ps.setLong(5, m.organisationId());
                    ps.setDate(6, Date.valueOf(m.occurredOn()));
                    ps.setString(7, MilestoneAttributes.encode(m.attributes()));
                    ps.setTimestamp(8, now);
                    ps.setObject(9, m.recordedBy(), java.sql.Types.BIGINT);
                });
        batch.stream().collect(java.util.stream.Collectors.groupingBy(NewMilestone::organisationId,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()))
                .forEach((organisation, count) -> audit.recordChange("CREATE", "milestone", null, organisation,
                        count + " " + batch.get(0).type().name()));
    }

    /**
     * Records {@code correction} in place of milestone {@code id}, which stays in the record but is
     * no longer current. Only a current milestone can be corrected.
     *
     * @return the id of the correction
     * @throws NotCurrentException when {@code id} does not exist or has already been superseded
     * @throws PeriodLockedException when a live lock covers the milestone corrected or the correction: a locked
     *     period's figures may neither lose a milestone nor gain one
     */
    @Transactional
    public long supersede(long id, NewMilestone correction) {
        return supersede(id, correction, null);
    }

    /**
     * As {@link #supersede(long, NewMilestone)}, keeping why the milestone was corrected.
     *
     * @param reason why, up to {@link #REASON_MAX} characters, or null
     */
    @Transactional
    public long supersede(long id, NewMilestone correction, String reason) {
        checkQuantity(correction);
        Milestone original = find(id).orElseThrow(() -> new NotCurrentException("No milestone " + id));
        if (!isCurrent(id)) {
            throw new NotCurrentException("Milestone " + id + " has already been superseded");
        }
        locks.firstCovering(List.of(new PeriodLocks.Probe(original.contractId(), original.occurredOn()),
                new PeriodLocks.Probe(correction.contractId(), correction.occurredOn())))
                .ifPresent(covered -> {
                    boolean ofOriginal = covered.probe() == 0;
                    throw new PeriodLockedException(covered.lock(),
                            ofOriginal ? original.occurredOn() : correction.occurredOn(), ofOriginal);
                });
        long correctionId;
        try {
            correctionId = insert(correction, id, false, reason);
        } catch (DuplicateKeyException e) {
            // Someone else corrected it at the same moment: the unique supersedes_id keeps one chain.
            throw new NotCurrentException("Milestone " + id + " has already been superseded");
        }
        refreshFirst(original.caseId(), original.type());
        if (correction.caseId() != null
                && (!correction.caseId().equals(original.caseId()) || correction.type() != original.type())) {
            refreshFirst(correction.caseId(), correction.type());
        }
        audit.recordChange("SUPERSEDE", "milestone", correctionId, correction.organisationId(),
                original.type().name() + " " + id + " superseded by " + correctionId
                        + (reason == null ? "" : ": " + reason));
        return correctionId;
    }

    /**
     * Withdraws milestone {@code id}, recorded in error: a row that supersedes it and is never current, so no
     * figure counts it any more and the record keeps it, with who withdrew it, when and why.
     *
     * @return the id of the withdrawal
     * @throws NotCurrentException when {@code id} does not exist or is no longer current
     * @throws PeriodLockedException when a live lock covers the milestone's period
     */
    @Transactional
    public long withdraw(long id, String reason, Long withdrawnBy) {
        Milestone original = find(id).orElseThrow(() -> new NotCurrentException("No milestone " + id));
        if (!isCurrent(id)) {
            throw new NotCurrentException("Milestone " + id + " has already been superseded");
        }
        locks.firstCovering(List.of(new PeriodLocks.Probe(original.contractId(), original.occurredOn())))
                .ifPresent(covered -> {
                    throw new PeriodLockedException(covered.lock(), original.occurredOn(), true);
                });
        long withdrawalId;
        try {
            withdrawalId = insert(new NewMilestone(original.type(), original.caseId(), original.referralId(),
                    original.programmeId(), original.contractId(), original.organisationId(), original.occurredOn(),
                    original.attributes(), withdrawnBy), id, true, reason);
        } catch (DuplicateKeyException e) {
            throw new NotCurrentException("Milestone " + id + " has already been superseded");
        }
        refreshFirst(original.caseId(), original.type());
        audit.recordChange("WITHDRAW", "milestone", id, original.organisationId(),
                original.type().name() + " " + id + " withdrawn: " + reason);
        return withdrawalId;
    }

    /**
     * Erases the free text staff typed on the milestones of these cases, as their case files are erased: the named
     * attributes of each type go (a reason typed for an exit or a reopening), and so do correction and withdrawal
     * reasons. The rows, their types, dates and coded attributes stay, so figures, returns and claims still count
     * them. Not refused by a period lock: erasure changes nothing a figure reads.
     *
     * @param freeText the attributes of each type that hold typed text, as the module that records them knows
     * @return how many updates were made
     */
    @Transactional
    public int eraseFreeText(java.util.Collection<Long> caseIds, Map<MilestoneType, java.util.Set<String>> freeText) {
        if (caseIds.isEmpty()) {
            return 0;
        }
        int changed = jdbc.sql("UPDATE milestone SET correction_reason = NULL WHERE case_id IN (:ids) "
                + "AND correction_reason IS NOT NULL").param("ids", caseIds).update();
        if (freeText.isEmpty()) {
            return changed;
        }
        List<String> types = freeText.keySet().stream().map(Enum::name).toList();
        for (String table : List.of("milestone", "milestone_first")) {
            String key = table.equals("milestone") ? "id" : "milestone_id";
            List<Object[]> updates = new ArrayList<>();
            jdbc.sql("SELECT " + key + ", type, attributes FROM " + table
                    + " WHERE case_id IN (:ids) AND type IN (:types) AND attributes IS NOT NULL")
                    .param("ids", caseIds).param("types", types)
                    .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                        Map<String, String> before = MilestoneAttributes.decode(rs.getString("attributes"));
                        Map<String, String> after = new LinkedHashMap<>(before);
                        after.keySet().removeAll(freeText.get(MilestoneType.valueOf(rs.getString("type"))));
                        if (after.size() != before.size()) {
                            updates.add(new Object[] {MilestoneAttributes.encode(after), rs.getLong(1)});
                        }
                    });
            if (!updates.isEmpty()) {
                jdbcTemplate.batchUpdate("UPDATE " + table + " SET attributes = ? WHERE " + key + " = ?", updates);
            }
            if (table.equals("milestone")) {
                changed += updates.size();
            }
        }
        return changed;
    }

    /** Every milestone of a case, current or not, corrections and withdrawals included, in the order recorded. */
    public List<Milestone> history(long caseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM milestone m WHERE m.case_id = ? ORDER BY m.recorded_at, m.id")
                .param(caseId).query(Milestones::map).list();
    }

    public Optional<Milestone> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM milestone m WHERE m.id = ?").param(id)
                .query(Milestones::map).optional();
    }

    public boolean isCurrent(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM milestone m WHERE m.id = ? AND " + NOT_SUPERSEDED).param(id)
                .query(Integer.class).single() > 0;
    }

    /** Which of these referrals have a current milestone of the type, in one query per 500 referrals. */
    public java.util.Set<Long> referralsWith(MilestoneType type, java.util.Collection<Long> referralIds) {
        java.util.Set<Long> found = new java.util.HashSet<>();
        List<Long> all = new ArrayList<>(referralIds);
        for (int from = 0; from < all.size(); from += 500) {
            found.addAll(jdbc.sql("SELECT DISTINCT m.referral_id FROM milestone m WHERE m.type = :type"
                            + " AND m.referral_id IN (:ids) AND " + NOT_SUPERSEDED)
                    .param("type", type.name()).param("ids", all.subList(from, Math.min(all.size(), from + 500)))
                    .query(Long.class).list());
        }
        return found;
    }

    /** The current milestones (none superseded) that match, in the order they occurred. */
    public List<Milestone> current(MilestoneFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM milestone m WHERE " + NOT_SUPERSEDED);
        Map<String, Object> params = new LinkedHashMap<>();
        condition(sql, params, "m.case_id", "caseId", filter.caseId());
        condition(sql, params, "m.referral_id", "referralId", filter.referralId());
        condition(sql, params, "m.programme_id", "programmeId", filter.programmeId());
        condition(sql, params, "m.contract_id", "contractId", filter.contractId());
        condition(sql, params, "m.type", "type", filter.type() == null ? null : filter.type().name());
        if (filter.organisationIds() != null) {
            if (filter.organisationIds().isEmpty()) {
                return List.of();
            }
            sql.append(" AND m.organisation_id IN (:organisationIds)");
            params.put("organisationIds", new ArrayList<>(filter.organisationIds()));
        }
        if (filter.from() != null) {
            sql.append(" AND m.occurred_on >= :from");
            params.put("from", Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND m.occurred_on <= :to");
            params.put("to", Date.valueOf(filter.to()));
        }
        sql.append(" ORDER BY m.occurred_on, m.id");
        return jdbc.sql(sql.toString()).params(params).query(Milestones::map).list();
    }

    /**
     * Counts current milestones grouped by type and contract (and month, when asked), in one
     * set-based query. Superseded milestones never count, so a corrected milestone counts once.
     */
    public List<MilestoneCount> count(MilestoneCountQuery query) {
        StringBuilder sql = new StringBuilder("SELECT m.type, m.contract_id");
        if (query.byMonth()) {
            sql.append(", EXTRACT(YEAR FROM m.occurred_on) AS y, EXTRACT(MONTH FROM m.occurred_on) AS mo");
        }
        // First per case reads the kept projection of each case's first current milestone of a type, plus the
        // milestones with no case, which always count; every other count reads the current milestones.
        sql.append(query.sumQuantity() ? ", SUM(" + quantity(query.types()) + ") AS n FROM " : ", COUNT(*) AS n FROM ")
                .append(query.firstPerCase() ? """
                (SELECT f.type, f.contract_id, f.organisation_id, f.occurred_on, f.attributes FROM milestone_first f
                 UNION ALL
                 SELECT c.type, c.contract_id, c.organisation_id, c.occurred_on, c.attributes FROM milestone c
                 WHERE c.case_id IS NULL AND c.withdrawn = FALSE AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = c.id)) m
                 WHERE 1 = 1""" : "milestone m WHERE " + NOT_SUPERSEDED);
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.types() != null) {
            if (query.types().isEmpty()) {
                return List.of();
            }
            sql.append(" AND m.type IN (:types)");
            params.put("types", query.types().stream().map(Enum::name).toList());
        }
        if (query.contractIds() != null) {
            if (query.contractIds().isEmpty()) {
                return List.of();
            }
            sql.append(" AND m.contract_id IN (:contractIds)");
            params.put("contractIds", new ArrayList<>(query.contractIds()));
        }
        if (query.organisationIds() != null) {
            if (query.organisationIds().isEmpty()) {
                return List.of();
            }
            sql.append(" AND m.organisation_id IN (:organisationIds)");
            params.put("organisationIds", new ArrayList<>(query.organisationIds()));
        }
        if (query.from() != null) {
            sql.append(" AND m.occurred_on >= :from");
            params.put("from", Date.valueOf(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND m.occurred_on <= :to");
            params.put("to", Date.valueOf(query.to()));
        }
        int n = 0;
        for (Map.Entry<String, String> attribute : query.attributeEquals().entrySet()) {
            // Delimited on both sides so that in_work=true never matches was_in_work=true or in_work=trueish.
            String name = "attribute" + n++;
            sql.append(" AND ';' || m.attributes || ';' LIKE :").append(name).append(" ESCAPE '\\'");
            params.put(name, "%;" + likeEscape(attribute.getKey()) + "=" + likeEscape(attribute.getValue()) + ";%");
        }
        String groups = query.byMonth() ? "m.type, m.contract_id, EXTRACT(YEAR FROM m.occurred_on), "
                + "EXTRACT(MONTH FROM m.occurred_on)" : "m.type, m.contract_id";
        sql.append(" GROUP BY ").append(groups).append(" ORDER BY ").append(groups);
        return jdbc.sql(sql.toString()).params(params).query((rs, row) -> new MilestoneCount(
                MilestoneType.valueOf(rs.getString("type")), nullableLong(rs, "contract_id"),
                query.byMonth() ? LocalDate.of(rs.getInt("y"), rs.getInt("mo"), 1) : null, rs.getLong("n"))).list();
    }

    /**
     * Each case's first current milestone of the given types counted under the given contracts, in one query
     * on the kept projection: what funding pays per participant (one engagement, one job start a case).
     */
    public List<FirstMilestone> firstPerCase(java.util.Collection<Long> contractIds, java.util.Collection<MilestoneType> types) {
        if (contractIds.isEmpty() || types.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT f.case_id, f.type, f.milestone_id, f.contract_id, f.occurred_on FROM milestone_first f
                WHERE f.contract_id IN (:contractIds) AND f.type IN (:types)
                ORDER BY f.occurred_on, f.case_id, f.type
                """).param("contractIds", new ArrayList<>(contractIds))
                .param("types", types.stream().map(Enum::name).toList())
                .query((rs, row) -> new FirstMilestone(rs.getLong("case_id"), MilestoneType.valueOf(rs.getString("type")),
                        rs.getLong("milestone_id"), nullableLong(rs, "contract_id"),
                        rs.getDate("occurred_on").toLocalDate())).list();
    }

    /**
     * Keeps {@code milestone_first} true for one case and type after a milestone of theirs is recorded or
     * corrected: the earliest current one, or none. Two people recording the first milestone of a case at the
     * same moment both insert its row; the primary key lets one through and the other's transaction fails
     * whole, so the projection never disagrees with the record.
     */
    private void refreshFirst(Long caseId, MilestoneType type) {
        if (caseId == null) {
            return;
        }
        jdbc.sql("DELETE FROM milestone_first WHERE case_id = ? AND type = ?").params(caseId, type.name()).update();
        jdbc.sql("""
                INSERT INTO milestone_first (case_id, type, milestone_id, contract_id, organisation_id, occurred_on,
                                             attributes)
                SELECT m.case_id, m.type, m.id, m.contract_id, m.organisation_id, m.occurred_on, m.attributes
                FROM milestone m
                WHERE m.case_id = ? AND m.type = ? AND m.withdrawn = FALSE
                  AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)
                ORDER BY m.occurred_on, m.id
                FETCH FIRST 1 ROWS ONLY
                """).params(caseId, type.name()).update();
    }

    /**
     * The quantity of a milestone in SQL, read from its attributes text ({@code ...;attendees=40;...}) with functions
     * H2 and PostgreSQL share. {@link #record} has checked that every milestone of a type with a quantity carries it
     * as a whole number, so the cast cannot fail; a milestone without it (none should exist) adds 0. The attribute
     * names come from {@link MilestoneType}, never from input.
     */
    private static String quantity(java.util.Collection<MilestoneType> types) {
        StringBuilder sql = new StringBuilder("CASE m.type");
        for (MilestoneType type : types) {
            String key = ";" + type.quantityAttribute() + "=";
            String text = "(';' || m.attributes || ';')";
            String at = "POSITION('" + key + "' IN " + text + ")";
            String rest = "SUBSTRING(" + text + " FROM " + at + " + " + key.length() + ")";
            sql.append(" WHEN '").append(type.name()).append("' THEN CASE WHEN ").append(at).append(" > 0 THEN CAST(")
                    .append("SUBSTRING(").append(rest).append(" FROM 1 FOR POSITION(';' IN ").append(rest)
                    .append(") - 1) AS BIGINT) ELSE 0 END");
        }
        return sql.append(" ELSE 0 END").toString();
    }

    /** A type with a quantity must carry it, as a whole number from 0 to {@link MilestoneType#MAX_QUANTITY}. */
    private static void checkQuantity(NewMilestone milestone) {
        MilestoneType type = milestone.type();
        if (!type.hasQuantity()) {
            return;
        }
        String value = milestone.attributes().get(type.quantityAttribute());
        if (value == null || !value.matches("[0-9]{1,7}") || Integer.parseInt(value) > MilestoneType.MAX_QUANTITY) {
            throw new IllegalArgumentException(type.name() + " needs " + type.quantityAttribute()
                    + " as a whole number from 0 to " + MilestoneType.MAX_QUANTITY + ", not " + value);
        }
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String column, String name,
            Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    private long insert(NewMilestone m, Long supersedesId, boolean withdrawn, String reason) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO milestone (type, case_id, referral_id, programme_id, contract_id, organisation_id,
                                       occurred_on, attributes, recorded_at, recorded_by, supersedes_id, withdrawn,
                                       correction_reason)
                VALUES (:type, :caseId, :referralId, :programmeId, :contractId, :organisationId,
                        :occurredOn, :attributes, :recordedAt, :recordedBy, :supersedesId, :withdrawn, :reason)
                """)
                .param("type", m.type().name())
                .param("caseId", m.caseId())
                .param("referralId", m.referralId())
                .param("programmeId", m.programmeId())
                .param("contractId", m.contractId())
                .param("organisationId", m.organisationId())
                .param("occurredOn", Date.valueOf(m.occurredOn()))
                .param("attributes", MilestoneAttributes.encode(m.attributes()))
                .param("recordedAt", Timestamp.from(clock.instant()))
                .param("recordedBy", m.recordedBy())
                .param("supersedesId", supersedesId)
                .param("withdrawn", withdrawn)
                .param("reason", reason)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    private static Milestone map(ResultSet rs, int row) throws SQLException {
        return new Milestone(rs.getLong("id"), MilestoneType.valueOf(rs.getString("type")),
                nullableLong(rs, "case_id"), nullableLong(rs, "referral_id"), rs.getLong("programme_id"),
                nullableLong(rs, "contract_id"), rs.getLong("organisation_id"),
                rs.getDate("occurred_on").toLocalDate(), MilestoneAttributes.decode(rs.getString("attributes")),
                rs.getTimestamp("recorded_at").toInstant(), nullableLong(rs, "recorded_by"),
                nullableLong(rs, "supersedes_id"), rs.getBoolean("withdrawn"), rs.getString("correction_reason"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}

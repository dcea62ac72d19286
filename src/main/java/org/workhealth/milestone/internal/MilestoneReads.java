package org.workhealth.milestone.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.milestone.FirstMilestone;
import org.workhealth.milestone.Milestone;
import org.workhealth.milestone.MilestoneFilter;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.ReferralStage;

/** Reads of the milestone record, each milestone with its attributes from their rows. */
@Component
public class MilestoneReads {

    private static final String COLUMNS = """
            m.id, m.type, m.case_id, m.referral_id, m.programme_id, m.contract_id, m.organisation_id, m.occurred_on,
            m.recorded_at, m.recorded_by, m.supersedes_id, m.withdrawn, m.correction_reason""";

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final AttributeRows attributes;

    MilestoneReads(JdbcClient jdbc, AttributeRows attributes) {
        this.jdbc = jdbc;
        this.attributes = attributes;
    }

    public List<Milestone> history(long caseId) {
        return withAttributes(jdbc.sql("SELECT " + COLUMNS + " FROM milestone m WHERE m.case_id = ? "
                + "ORDER BY m.recorded_at, m.id").param(caseId).query(MilestoneReads::map).list());
    }

    public Optional<Milestone> find(long id) {
        return withAttributes(jdbc.sql("SELECT " + COLUMNS + " FROM milestone m WHERE m.id = ?").param(id)
                .query(MilestoneReads::map).optional().stream().toList()).stream().findFirst();
    }

    public boolean isCurrent(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM milestone m WHERE m.id = ? AND " + Current.NOT_SUPERSEDED).param(id)
                .query(Integer.class).single() > 0;
    }

    public Set<Long> referralsWith(MilestoneType type, Collection<Long> referralIds) {
        Set<Long> found = new java.util.HashSet<>();
        List<Long> all = new ArrayList<>(referralIds);
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(jdbc.sql("SELECT DISTINCT m.referral_id FROM milestone m WHERE m.type = :type"
                            + " AND m.referral_id IN (:ids) AND " + Current.NOT_SUPERSEDED)
                    .param("type", type.name()).param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query(Long.class).list());
        }
        return found;
    }

    public List<Milestone> currentOfReferrals(MilestoneType type, Collection<Long> referralIds) {
        List<Milestone> found = new ArrayList<>();
        List<Long> all = new ArrayList<>(new LinkedHashSet<>(referralIds));
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM milestone m WHERE m.type = :type"
                            + " AND m.referral_id IN (:ids) AND " + Current.NOT_SUPERSEDED)
                    .param("type", type.name()).param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query(MilestoneReads::map).list());
        }
        found.sort(java.util.Comparator.comparing(Milestone::occurredOn).thenComparing(Milestone::id));
        return withAttributes(found);
    }

    public List<Milestone> current(MilestoneFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM milestone m WHERE " + Current.NOT_SUPERSEDED);
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
        dates(sql, params, filter.from(), filter.to());
        sql.append(" ORDER BY m.occurred_on, m.id");
        return withAttributes(jdbc.sql(sql.toString()).params(params).query(MilestoneReads::map).list());
    }

    /** The distinct referrals at each stage: current milestones of the programme, organisations and dates. */
    public List<ReferralStage> referralStages(long programmeId, Set<Long> organisationIds, LocalDate from,
            LocalDate to, List<Set<MilestoneType>> stages) {
        if (organisationIds.isEmpty() || stages.isEmpty() || stages.stream().anyMatch(Set::isEmpty)) {
            return List.of();
        }
        StringBuilder stage = new StringBuilder("CASE");
        Map<String, Object> params = new LinkedHashMap<>();
        Set<String> allTypes = new LinkedHashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            List<String> types = stages.get(i).stream().map(Enum::name).sorted().toList();
            stage.append(" WHEN m.type IN (:stage").append(i).append(") THEN ").append(i);
            params.put("stage" + i, types);
            allTypes.addAll(types);
        }
        params.put("programmeId", programmeId);
        params.put("organisations", new ArrayList<>(organisationIds));
        params.put("types", new ArrayList<>(allTypes));
        StringBuilder sql = new StringBuilder("SELECT DISTINCT " + stage + " END AS stage, m.referral_id "
                + "FROM milestone m WHERE m.programme_id = :programmeId AND m.organisation_id IN (:organisations) "
                + "AND m.referral_id IS NOT NULL AND m.type IN (:types) AND " + Current.NOT_SUPERSEDED);
        dates(sql, params, from, to);
        return jdbc.sql(sql.append(" ORDER BY stage, m.referral_id").toString()).params(params)
                .query((rs, n) -> new ReferralStage(rs.getInt("stage"), rs.getLong("referral_id"))).list();
    }

    public List<FirstMilestone> firstPerCase(Collection<Long> contractIds, Collection<MilestoneType> types) {
        if (contractIds.isEmpty() || types.isEmpty()) {
            return List.of();
        }
        return firstsWithAttributes(jdbc.sql("""
                SELECT f.case_id, f.type, f.milestone_id, f.contract_id, f.occurred_on FROM milestone_first f
                WHERE f.contract_id IN (:contractIds) AND f.type IN (:types)
                ORDER BY f.occurred_on, f.case_id, f.type
                """).param("contractIds", new ArrayList<>(contractIds))
                .param("types", types.stream().map(Enum::name).toList()).query(MilestoneReads::first).list());
    }

    public List<FirstMilestone> firstsOfParticipants(Collection<Long> contractIds, LocalDate upTo) {
        if (contractIds.isEmpty()) {
            return List.of();
        }
        return firstsWithAttributes(jdbc.sql("""
                SELECT f.case_id, f.type, f.milestone_id, f.contract_id, f.occurred_on FROM milestone_first f
                WHERE f.occurred_on <= :upTo AND f.case_id IN (
                    SELECT g.case_id FROM milestone_first g WHERE g.contract_id IN (:contractIds) AND g.occurred_on <= :upTo)
                ORDER BY f.case_id, f.occurred_on, f.type
                """).param("contractIds", new ArrayList<>(contractIds)).param("upTo", Date.valueOf(upTo))
                .query(MilestoneReads::first).list());
    }

    private List<FirstMilestone> firstsWithAttributes(List<FirstMilestone> firsts) {
        Map<Long, Map<String, String>> found = attributes.read(firsts.stream().map(FirstMilestone::milestoneId).toList());
        return firsts.stream().map(f -> new FirstMilestone(f.caseId(), f.type(), f.milestoneId(), f.contractId(),
                f.occurredOn(), found.getOrDefault(f.milestoneId(), Map.of()))).toList();
    }

    private List<Milestone> withAttributes(List<Milestone> milestones) {
        Map<Long, Map<String, String>> found = attributes.read(milestones.stream().map(Milestone::id).toList());
        return milestones.stream().map(m -> new Milestone(m.id(), m.type(), m.caseId(), m.referralId(),
                m.programmeId(), m.contractId(), m.organisationId(), m.occurredOn(),
                java.util.Collections.unmodifiableMap(found.getOrDefault(m.id(), Map.of())), m.recordedAt(),
                m.recordedBy(), m.supersedesId(), m.withdrawn(), m.correctionReason())).toList();
    }

    private static void dates(StringBuilder sql, Map<String, Object> params, LocalDate from, LocalDate to) {
        if (from != null) {
            sql.append(" AND m.occurred_on >= :from");
            params.put("from", Date.valueOf(from));
        }
        if (to != null) {
            sql.append(" AND m.occurred_on <= :to");
            params.put("to", Date.valueOf(to));
        }
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String column, String name,
            Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    private static FirstMilestone first(ResultSet rs, int row) throws SQLException {
        return new FirstMilestone(rs.getLong("case_id"), MilestoneType.valueOf(rs.getString("type")),
                rs.getLong("milestone_id"), MilestoneCounts.nullableLong(rs, "contract_id"),
                rs.getDate("occurred_on").toLocalDate());
    }

    private static Milestone map(ResultSet rs, int row) throws SQLException {
        return new Milestone(rs.getLong("id"), MilestoneType.valueOf(rs.getString("type")),
                MilestoneCounts.nullableLong(rs, "case_id"), MilestoneCounts.nullableLong(rs, "referral_id"),
                rs.getLong("programme_id"), MilestoneCounts.nullableLong(rs, "contract_id"),
                rs.getLong("organisation_id"), rs.getDate("occurred_on").toLocalDate(), Map.of(),
                rs.getTimestamp("recorded_at").toInstant(), MilestoneCounts.nullableLong(rs, "recorded_by"),
                MilestoneCounts.nullableLong(rs, "supersedes_id"), rs.getBoolean("withdrawn"),
                rs.getString("correction_reason"));
    }
}

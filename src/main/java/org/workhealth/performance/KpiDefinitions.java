package org.workhealth.performance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.performance.internal.KpiDisplay;

/**
 * A programme's KPI definitions. They are data, so a commissioner adds a KPI without a release;
 * the defaults of the demo programmes are those of the board reports in docs/sources.md.
 */
@Service
public class KpiDefinitions {

    private static final String COLUMNS = "id, programme_id, code, name, position, source, milestone_type, "
            + "attribute_filter, counting_rule, display, numerator_code, denominator_code, target_percent, counted_from";

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final AuditLog audit;

    KpiDefinitions(JdbcClient jdbc, Programmes programmes, AuditLog audit) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.audit = audit;
    }

    /** The programme's KPIs in the order the board table lists them. */
    public List<KpiDefinition> forProgramme(long programmeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kpi_definition WHERE programme_id = ? ORDER BY position, id")
                .param(programmeId).query(KpiDefinitions::map).list();
    }

    public Optional<KpiDefinition> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kpi_definition WHERE id = ?").param(id)
                .query(KpiDefinitions::map).optional();
    }

    /**
     * Adds the board-report KPIs of a known programme (TIW, WW, TAW or MHFA) when the programme has
     * none yet; any other code adds nothing.
     *
     * @param programmeCode whose defaults to use, which need not be the programme's own code (tests use it
     *                      to give a programme of their own the Thrive into Work KPIs)
     */
    @Transactional
    public void seedDefaults(long programmeId, String programmeCode) {
        if (!forProgramme(programmeId).isEmpty()) {
            return;
        }
        for (KpiDefinition definition : defaults(programmeId, programmeCode)) {
            insert(definition);
        }
    }

    /** Adds or (when {@code definition.id()} is not 0) changes a KPI, for a commissioner who manages the programme. */
    @Transactional
    public long save(CurrentUser user, KpiDefinition definition) {
        Programme programme = manageable(user, definition.programmeId());
        long id;
        if (definition.id() == 0) {
            id = insert(definition);
            audit.recordChange("CREATE", "kpi_definition", id, programme.ownerOrganisationId(), definition.code());
        } else {
            KpiDefinition existing = find(definition.id()).filter(d -> d.programmeId() == programme.id())
                    .orElseThrow(OutOfScopeException::new);
            id = existing.id();
            if (definition.countedFrom() == null && existing.countedFrom() != null) {
                // The form does not carry the day counting began: an edit keeps it (a counted KPI stays counted).
                definition = withCountedFrom(definition, existing.countedFrom());
            }
            jdbc.sql("""
                    UPDATE kpi_definition SET code = :code, name = :name, position = :position, source = :source,
                           milestone_type = :milestoneType, attribute_filter = :attributeFilter,
                           counting_rule = :countingRule, display = :display, numerator_code = :numeratorCode,
                           denominator_code = :denominatorCode, target_percent = :targetPercent,
                           counted_from = :countedFrom
                    WHERE id = :id""").params(params(definition)).param("id", id).update();
            audit.recordChange("UPDATE", "kpi_definition", id, programme.ownerOrganisationId(),
                    existing.code() + " -> " + definition.code());
        }
        return id;
    }

    /** The programme, when the person may change its KPIs. */
    Programme manageable(CurrentUser user, long programmeId) {
        Programme programme = programmes.visible(user, programmeId);
        if (!programmes.mayManage(user, programme)) {
            throw new OutOfScopeException();
        }
        return programme;
    }

    private long insert(KpiDefinition definition) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO kpi_definition (programme_id, code, name, position, source, milestone_type,
                       attribute_filter, counting_rule, display, numerator_code, denominator_code, target_percent,
                       counted_from)
                VALUES (:programmeId, :code, :name, :position, :source, :milestoneType, :attributeFilter,
                        :countingRule, :display, :numeratorCode, :denominatorCode, :targetPercent, :countedFrom)""")
                .params(params(definition)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private static Map<String, Object> params(KpiDefinition d) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("programmeId", d.programmeId());
        params.put("code", d.code());
        params.put("name", d.name());
        params.put("position", d.position());
        params.put("source", d.source().name());
        params.put("milestoneType", d.milestoneType() == null ? null : d.milestoneType().name());
        params.put("attributeFilter", d.attributeFilterText());
        params.put("countingRule", d.countingRule().name());
        params.put("display", d.display().name());
        params.put("numeratorCode", d.numeratorCode());
        params.put("denominatorCode", d.denominatorCode());
        params.put("targetPercent", d.targetPercent());
        params.put("countedFrom", d.countedFrom() == null ? null : java.sql.Date.valueOf(d.countedFrom()));
        return params;
    }

    private static KpiDefinition map(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("milestone_type");
        return new KpiDefinition(rs.getLong("id"), rs.getLong("programme_id"), rs.getString("code"),
                rs.getString("name"), rs.getInt("position"), KpiSource.valueOf(rs.getString("source")),
                type == null ? null : MilestoneType.valueOf(type),
                KpiDefinition.decode(rs.getString("attribute_filter")),
                CountingRule.valueOf(rs.getString("counting_rule")), KpiDisplay.valueOf(rs.getString("display")),
                rs.getString("numerator_code"), rs.getString("denominator_code"), rs.getBigDecimal("target_percent"),
                rs.getDate("counted_from") == null ? null : rs.getDate("counted_from").toLocalDate());
    }

    static KpiDefinition withCountedFrom(KpiDefinition d, java.time.LocalDate countedFrom) {
        return new KpiDefinition(d.id(), d.programmeId(), d.code(), d.name(), d.position(), d.source(),
                d.milestoneType(), d.attributeFilter(), d.countingRule(), d.display(), d.numeratorCode(),
                d.denominatorCode(), d.targetPercent(), countedFrom);
    }

    /**
     * The KPIs of the board reports. Thrive into Work converts engagements (out of work and in work) into job
     * outcomes (new starts and retentions) at a target of 40%, so its conversion rate sums two KPIs over two.
     */
    static List<KpiDefinition> defaults(long programmeId, String programmeCode) {
        BigDecimal forty = new BigDecimal("40.0");
        return switch (programmeCode.strip().toUpperCase()) {
            case "TIW" -> List.of(
                    counted(programmeId, "ENGAGEMENTS_OOW", "Engagements (Out of Work)", 1, MilestoneType.ENGAGEMENT,
                            Map.of("in_work", "false"), CountingRule.FIRST_PER_CASE),
                    counted(programmeId, "ENGAGEMENTS_IW", "Engagements (In Work)", 2, MilestoneType.ENGAGEMENT,
                            Map.of("in_work", "true"), CountingRule.FIRST_PER_CASE),
                    counted(programmeId, "NEW_STARTS", "New Employment Starts", 3, MilestoneType.JOB_START,
                            Map.of("paid", "true"), CountingRule.FIRST_PER_CASE),
                    counted(programmeId, "RETENTIONS", "Existing Employment Retentions", 4,
                            MilestoneType.JOB_RETENTION, Map.of(), CountingRule.FIRST_PER_CASE),
                    ratio(programmeId, "CONVERSION", "Conversion rate (job outcomes per engagement)", 5,
                            "NEW_STARTS,RETENTIONS", "ENGAGEMENTS_OOW,ENGAGEMENTS_IW", forty));
            case "WW" -> List.of(
                    counted(programmeId, "REFERRALS", "Referrals", 1, MilestoneType.REFERRAL_RECEIVED, Map.of(),
                            CountingRule.EVERY),
                    counted(programmeId, "ENGAGED", "Engaged", 2, MilestoneType.ENGAGEMENT, Map.of(),
                            CountingRule.FIRST_PER_CASE),
                    counted(programmeId, "ACTION_PLANS", "Engaged with an agreed action plan", 3,
                            MilestoneType.ACTION_PLAN_AGREED, Map.of(), CountingRule.FIRST_PER_CASE),
                    counted(programmeId, "JOB_OUTCOMES", "Job outcomes (job starts)", 4, MilestoneType.JOB_START,
                            Map.of(), CountingRule.FIRST_PER_CASE),
                    ratio(programmeId, "CONVERSION", "Conversion rate (job outcomes per person engaged)", 5,
                            "JOB_OUTCOMES", "ENGAGED", forty),
                    counted(programmeId, "RESPONDED_ON_TIME", "Referrals responded to within 2 working days", 6,
                            MilestoneType.REFERRAL_RESPONDED, Map.of("on_time", "true"), CountingRule.EVERY),
                    new KpiDefinition(0, programmeId, "RESPONSE_RATE",
                            "Share of referrals responded to within 2 working days", 7, KpiSource.RATIO, null,
                            Map.of(), CountingRule.EVERY, KpiDisplay.INCREMENTS, "RESPONDED_ON_TIME", "REFERRALS",
                            new BigDecimal("100.0")));
            // Counted from the employer module's milestones since the service began (THRIVE_AT_WORK_COUNTED_FROM);
            // the quarters before it keep the figures entered by hand, as the board report printed them.
            case "TAW" -> Stream.of(
                    counted(programmeId, "SIGN_UPS", "Sign-ups", 1, MilestoneType.EMPLOYER_SIGNED_UP, Map.of(),
                            CountingRule.EVERY),
                    counted(programmeId, "ACCREDITATIONS", "Accreditations", 2, MilestoneType.EMPLOYER_ACCREDITED,
                            Map.of(), CountingRule.EVERY),
                    counted(programmeId, "ENGAGEMENTS", "Engagements", 3, MilestoneType.EMPLOYER_ENGAGEMENT,
                            Map.of(), CountingRule.SUM_QUANTITY),
                    counted(programmeId, "CASE_STUDIES", "Case studies", 4, MilestoneType.CASE_STUDY_PUBLISHED,
                            Map.of(), CountingRule.EVERY))
                    .map(k -> withCountedFrom(k, THRIVE_AT_WORK_COUNTED_FROM)).toList();
            case "MHFA" -> List.of(entered(programmeId, "PEOPLE_TRAINED", "People trained", 1));
            default -> List.of();
        };
    }

    private static KpiDefinition counted(long programmeId, String code, String name, int position, MilestoneType type,
            Map<String, String> filter, CountingRule rule) {
        return new KpiDefinition(0, programmeId, code, name, position, KpiSource.MILESTONES, type, filter, rule,
                KpiDisplay.INCREMENTS, null, null, null);
    }

    /**
     * When the Thrive at Work KPIs began to be counted from the record: the start of 2024/25, the year the programme
     * moved into Business Growth West Midlands. The board report's July 2022 to March 2024 figures stay as entered.
     */
    public static final java.time.LocalDate THRIVE_AT_WORK_COUNTED_FROM = java.time.LocalDate.of(2024, 4, 1);

    private static KpiDefinition entered(long programmeId, String code, String name, int position) {
        return new KpiDefinition(0, programmeId, code, name, position, KpiSource.ENTERED, null, Map.of(),
                CountingRule.EVERY, KpiDisplay.INCREMENTS, null, null, null);
    }

    /** Ratios show running totals: job outcomes follow engagements by months, so a quarter's own ratio misleads. */
    private static KpiDefinition ratio(long programmeId, String code, String name, int position, String numerator,
            String denominator, BigDecimal target) {
        return new KpiDefinition(0, programmeId, code, name, position, KpiSource.RATIO, null, Map.of(),
                CountingRule.EVERY, KpiDisplay.RUNNING_TOTALS, numerator, denominator, target);
    }
}

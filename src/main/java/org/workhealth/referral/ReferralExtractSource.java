package org.workhealth.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.workhealth.referral.internal.ReferralCodes;

/**
 * The referral module's part of an evaluation extract: one row per referral of a programme, in referral id order,
 * STREAMED (the caller holds one row at a time, inside a transaction so that PostgreSQL fetches by cursor). Never a
 * name, contact, address, postcode, NHS number or date of birth: age comes out banded, worked out in the database.
 */
@Service
public class ReferralExtractSource {

    /** Rows fetched per round trip: enough to be fast, few enough to keep memory flat. */
    static final int FETCH_SIZE = 2_000;

    /** Age in whole years on the day received, banded as {@code ReferralEquality} bands it. */
    private static final String AGE = """
            (EXTRACT(YEAR FROM r.received_at) - EXTRACT(YEAR FROM r.date_of_birth)
             - CASE WHEN EXTRACT(MONTH FROM r.received_at) * 100 + EXTRACT(DAY FROM r.received_at)
                         < EXTRACT(MONTH FROM r.date_of_birth) * 100 + EXTRACT(DAY FROM r.date_of_birth)
                    THEN 1 ELSE 0 END)""";
    private static final String AGE_BAND = """
            CASE WHEN r.date_of_birth IS NULL THEN NULL WHEN %1$s < 16 THEN 'Under 16' WHEN %1$s < 25 THEN '16 to 24'
                 WHEN %1$s < 35 THEN '25 to 34' WHEN %1$s < 50 THEN '35 to 49' WHEN %1$s < 65 THEN '50 to 64'
                 ELSE '65 and over' END""".formatted(AGE);

    /**
     * One referral as an extract may use it.
     *
     * @param ethnicGroup the census group only ("Asian or Asian British"), never the finer answer
     */
    public record Row(long referralId, LocalDate referredOn, String ageBand, String sex, String ethnicGroup,
            String disability, String source, Long cohortId, String employmentStatus, long organisationId) {
    }

    private final JdbcClient jdbc;

    ReferralExtractSource(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
    }

    /**
     * The programme's referrals routed to the organisations, received from {@code from} to {@code to} inclusive,
     * by referral id. Close the stream (try-with-resources); call it inside a read-only transaction.
     */
    public Stream<Row> stream(long programmeId, Set<Long> organisationIds, LocalDate from, LocalDate to) {
        if (organisationIds.isEmpty()) {
            return Stream.empty();
        }
        return jdbc.sql("SELECT r.id, r.received_at, " + AGE_BAND + " AS age_band, r.sex, r.ethnicity, r.disability, "
                        + "r.source, r.cohort_id, r.employment_status, r.routed_organisation_id FROM referral r "
                        + "WHERE r.programme_id = :programme AND r.routed_organisation_id IN (:organisations) "
                        + "AND r.received_at >= :from AND r.received_at < :after ORDER BY r.id")
                .param("programme", programmeId).param("organisations", new ArrayList<>(organisationIds))
                .param("from", Timestamp.valueOf(from.atStartOfDay()))
                .param("after", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
                .query(ReferralExtractSource::row).stream();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long cohort = rs.getLong("cohort_id");
        Long cohortId = rs.wasNull() ? null : cohort;
        String ethnicity = rs.getString("ethnicity");
        return new Row(rs.getLong("id"), rs.getTimestamp("received_at").toLocalDateTime().toLocalDate(),
                rs.getString("age_band"), rs.getString("sex"), group(ethnicity), rs.getString("disability"),
                rs.getString("source"), cohortId, rs.getString("employment_status"),
                rs.getLong("routed_organisation_id"));
    }

    /** "Asian or Asian British: Indian" is stored; the group before the colon is what leaves. */
    static String group(String ethnicity) {
        if (ethnicity == null || ethnicity.isBlank()) {
            return null;
        }
        int colon = ethnicity.indexOf(':');
        return colon < 0 ? ethnicity.strip() : ethnicity.substring(0, colon).strip();
    }

    /** The census groups in the order the referral form asks them, for a data dictionary's codes. */
    public static java.util.List<String> ethnicGroups() {
        return java.util.List.copyOf(ReferralCodes.ETHNIC_GROUPS.keySet());
    }
}

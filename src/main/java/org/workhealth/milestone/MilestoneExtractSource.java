package org.workhealth.milestone;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.workhealth.milestone.internal.Current;

/**
 * The milestone module's part of an evaluation extract: for each referral of a programme with any, the date of its
 * first current engagement, job start, job retention and exit (and the exit's coded reason), in referral id order,
 * STREAMED so that a million referrals never sit in memory together. Withdrawn and superseded milestones never count,
 * as in every figure.
 */
@Service
public class MilestoneExtractSource {

    static final int FETCH_SIZE = 2_000;

    public record Row(long referralId, LocalDate engagedOn, LocalDate jobStartOn, LocalDate jobRetentionOn,
            LocalDate exitedOn, String exitReason) {
    }

    private final JdbcClient jdbc;

    MilestoneExtractSource(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
    }

    /** Close the stream (try-with-resources); call it inside a read-only transaction. */
    public Stream<Row> stream(long programmeId) {
        return jdbc.sql("""
                SELECT m.referral_id,
                       MIN(CASE WHEN m.type = 'ENGAGEMENT' THEN m.occurred_on END) AS engaged_on,
                       MIN(CASE WHEN m.type = 'JOB_START' THEN m.occurred_on END) AS job_start_on,
                       MIN(CASE WHEN m.type = 'JOB_RETENTION' THEN m.occurred_on END) AS job_retention_on,
                       MIN(CASE WHEN m.type = 'EXIT' THEN m.occurred_on END) AS exited_on,
                       MIN(CASE WHEN m.type = 'EXIT' THEN a.content END) AS exit_reason
                FROM milestone m
                LEFT JOIN milestone_attribute a ON a.milestone_id = m.id AND m.type = 'EXIT' AND a.name = 'reason'
                WHERE m.programme_id = :programme AND m.referral_id IS NOT NULL
                  AND m.type IN ('ENGAGEMENT', 'JOB_START', 'JOB_RETENTION', 'EXIT')
                  AND """ + " " + Current.NOT_SUPERSEDED + """

                GROUP BY m.referral_id
                ORDER BY m.referral_id""").param("programme", programmeId)
                .query(MilestoneExtractSource::row).stream();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("referral_id"), date(rs, "engaged_on"), date(rs, "job_start_on"),
                date(rs, "job_retention_on"), date(rs, "exited_on"), rs.getString("exit_reason"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}

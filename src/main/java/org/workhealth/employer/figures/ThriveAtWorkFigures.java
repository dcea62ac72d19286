package org.workhealth.employer.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.workhealth.classification.SicSection;
import org.workhealth.employer.internal.EmployerScope;
/**
 * The employer figures of the Thrive at Work dashboard, each one set-based query over the employer module's tables
 * within the person's employer scope, whatever the number of employers.
 */
@Service
class ThriveAtWorkFigures {

    /** Employers of a sector, by where they are. */
    record SectorRow(String code, String sector, long pending, long confirmed, long declined) {
        long total() {
            return pending + confirmed + declined;
        }
    }

    /** Employees in signed-up employers: the entered baseline from before the service, plus the record's. */
    record Employees(long baselineEmployers, long baselineEmployees, LocalDate baselineAsOf, String baselineSource,
            long recordedEmployers, long recordedEmployees) {
        long employers() {
            return baselineEmployers + recordedEmployers;
        }

        long employees() {
            return baselineEmployees + recordedEmployees;
        }
    }

    /**
     * Signed-up employers by their current award (the assessment part's {@code Awards}): by level, how many awards
     * have lapsed, and the median days from sign-up to the current award.
     */
    record AwardFigures(java.util.Map<String, Long> byLevel, long lapsed, long withoutAward, Long medianDaysToAward) {
    }

    private final JdbcClient jdbc;
    private final org.workhealth.employer.assessment.Awards awards;

    ThriveAtWorkFigures(JdbcClient jdbc, org.workhealth.employer.assessment.Awards awards) {
        this.jdbc = jdbc;
        this.awards = awards;
    }

    /** Two queries: the signed-up employers in scope, then their current awards. */
    AwardFigures awards(EmployerScope scope) {
        java.util.Map<Long, LocalDate> signedUp = new java.util.HashMap<>();
        if (!scope.isEmpty()) {
            jdbc.sql("SELECT e.id, e.signed_up_on FROM employer e WHERE e.status = 'CONFIRMED' AND "
                            + scope.whereEmployer("e"))
                    .params(scope.parameters())
                    .query(rs -> {
                        signedUp.put(rs.getLong("id"), rs.getDate("signed_up_on").toLocalDate());
                    });
        }
        java.util.Map<Long, org.workhealth.employer.assessment.CurrentAward> current = awards.current(signedUp.keySet());
        java.util.Map<String, Long> byLevel = new java.util.LinkedHashMap<>();
        List<Long> days = new ArrayList<>();
        long lapsed = 0;
        for (var entry : current.entrySet()) {
            var award = entry.getValue();
            if (award.lapsed()) {
                lapsed++;
            } else {
                byLevel.merge(award.levelName(), 1L, Long::sum);
            }
            days.add(java.time.temporal.ChronoUnit.DAYS.between(signedUp.get(entry.getKey()), award.awardedOn()));
        }
        days.sort(null);
        Long median = days.isEmpty() ? null : days.size() % 2 == 1 ? days.get(days.size() / 2)
                : (days.get(days.size() / 2 - 1) + days.get(days.size() / 2)) / 2;
        return new AwardFigures(byLevel, lapsed, signedUp.size() - current.size(), median);
    }

    List<SectorRow> bySector(EmployerScope scope) {
        List<SectorRow> rows = new ArrayList<>();
        if (scope.isEmpty()) {
            return rows;
        }
        jdbc.sql("""
                SELECT e.sic_section,
                       SUM(CASE WHEN e.status = 'PENDING' THEN 1 ELSE 0 END) AS pending,
                       SUM(CASE WHEN e.status = 'CONFIRMED' THEN 1 ELSE 0 END) AS confirmed,
                       SUM(CASE WHEN e.status = 'DECLINED' THEN 1 ELSE 0 END) AS declined
                FROM employer e WHERE """ + " " + scope.whereEmployer("e") + """
                 GROUP BY e.sic_section ORDER BY e.sic_section""")
                .params(scope.parameters())
                .query(rs -> {
                    String code = rs.getString("sic_section").strip();
                    rows.add(new SectorRow(code, sectorName(code), rs.getLong("pending"), rs.getLong("confirmed"),
                            rs.getLong("declined")));
                });
        return rows;
    }

    /** The entered baselines of the hubs in scope and the confirmed employers the record holds, in two queries. */
    Employees employees(EmployerScope scope) {
        if (scope.isEmpty()) {
            return new Employees(0, 0, null, null, 0, 0);
        }
        long[] recorded = jdbc.sql("SELECT COUNT(*) AS n, COALESCE(SUM(e.employees), 0) AS employees FROM employer e "
                        + "WHERE e.status = 'CONFIRMED' AND " + scope.whereEmployer("e"))
                .params(scope.parameters())
                .query((rs, n) -> new long[] {rs.getLong("n"), rs.getLong("employees")}).single();
        if (scope.hubs().isEmpty()) {
            return new Employees(0, 0, null, null, recorded[0], recorded[1]);
        }
        record Baseline(long employers, long employees, LocalDate asOf, String source) {
        }
        List<Baseline> baselines = jdbc.sql("""
                SELECT employers, employees, as_of, source FROM employer_figures_baseline
                WHERE hub_organisation_id IN (:hubs) ORDER BY as_of""")
                .param("hubs", new ArrayList<>(scope.hubs()))
                .query((rs, n) -> new Baseline(rs.getLong("employers"), rs.getLong("employees"),
                        rs.getDate("as_of").toLocalDate(), rs.getString("source"))).list();
        Optional<Baseline> last = baselines.isEmpty() ? Optional.empty() : Optional.of(baselines.get(baselines.size() - 1));
        return new Employees(baselines.stream().mapToLong(Baseline::employers).sum(),
                baselines.stream().mapToLong(Baseline::employees).sum(), last.map(Baseline::asOf).orElse(null),
                last.map(Baseline::source).orElse(null), recorded[0], recorded[1]);
    }

    /** For the demo data and the hub's own figures: the baseline of a hub, replacing any. */
    void enterBaseline(long hub, LocalDate asOf, int employers, int employees, String source, Long enteredBy) {
        jdbc.sql("DELETE FROM employer_figures_baseline WHERE hub_organisation_id = ?").param(hub).update();
        jdbc.sql("""
                INSERT INTO employer_figures_baseline (hub_organisation_id, as_of, employers, employees, source,
                                                       entered_by, entered_at)
                VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)""")
                .params(hub, java.sql.Date.valueOf(asOf), employers, employees, source, enteredBy).update();
    }

    private static String sectorName(String code) {
        return SicSection.fromCode(code).map(SicSection::label).orElse(code);
    }
}

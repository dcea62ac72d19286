package org.workhealth.employer.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.workhealth.employer.EmployerScope;
import org.workhealth.employer.SicSection;

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

    private final JdbcClient jdbc;

    ThriveAtWorkFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

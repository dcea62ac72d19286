package org.workhealth.employer.pilot;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.calendar.Quarter;
import org.workhealth.organisation.Organisations;
import org.workhealth.performance.PilotSummaries;
import org.workhealth.performance.PilotSummary;

/** Pilots as the performance module's board report reads them, summed per quarter. */
@Component
class BoardPilots implements PilotSummaries {

    private final JdbcClient jdbc;
    private final Organisations organisations;

    BoardPilots(JdbcClient jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    /**
     * The board report's pilots: one query for the pilots with their sessions and attendees to the quarter's end,
     * one for the quarter's measures, however many pilots there are.
     */
    @Override
    public List<PilotSummary> forProgramme(long programmeId, Collection<Long> organisationIds, Quarter quarter) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        record Row(long id, PilotSummary summary) {
        }
        Map<Long, String> names = organisations.namesById();
        List<Row> rows = jdbc.sql("""
                SELECT p.id, p.name, p.provider_organisation_id, p.starts_on, p.ends_on, p.budget_pence,
                       COUNT(s.id) AS sessions, COALESCE(SUM(s.attendees), 0) AS attendees
                FROM employer_pilot p
                LEFT JOIN employer_pilot_session s ON s.pilot_id = p.id AND s.held_on <= :end
                WHERE p.programme_id = :programme AND p.starts_on <= :end
                  AND (p.hub_organisation_id IN (:scope) OR p.provider_organisation_id IN (:scope))
                GROUP BY p.id, p.name, p.provider_organisation_id, p.starts_on, p.ends_on, p.budget_pence
                ORDER BY p.starts_on, p.id""")
                .param("end", Date.valueOf(quarter.end())).param("programme", programmeId)
                .param("scope", new ArrayList<>(organisationIds))
                .query((rs, n) -> new Row(rs.getLong("id"), new PilotSummary(rs.getString("name"),
                        names.get(rs.getLong("provider_organisation_id")), rs.getDate("starts_on").toLocalDate(),
                        rs.getDate("ends_on").toLocalDate(), rs.getLong("budget_pence"), rs.getLong("sessions"),
                        rs.getLong("attendees"), List.of()))).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PilotSummary.Measure>> measures = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT id, pilot_id, measure, financial_year, quarter, measure_value, unit FROM employer_pilot_measure
                WHERE pilot_id IN (:pilots) AND financial_year = :year AND quarter = :quarter ORDER BY measure""")
                .param("pilots", rows.stream().map(Row::id).toList())
                .param("year", quarter.financialYear().startYear()).param("quarter", quarter.number())
                .query(Pilots::measure).list()
                .forEach(m -> measures.computeIfAbsent(m.pilotId(), id -> new ArrayList<>())
                        .add(new PilotSummary.Measure(m.measure(), m.valueText())));
        return rows.stream().map(row -> {
            PilotSummary s = row.summary();
            return new PilotSummary(s.name(), s.providerName(), s.startsOn(), s.endsOn(), s.budgetPence(),
                    s.sessions(), s.attendees(), measures.getOrDefault(row.id(), List.of()));
        }).toList();
    }
}

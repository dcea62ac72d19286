package org.workhealth.funding.internal;

import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.govuk.Answers;

/**
 * Each locality's population, which fair-share allocations divide a hub's pot by. Kept as data by a
 * commissioner of the hub above the locality, with the year the estimate is for and where it came from.
 */
@Service
public class PopulationFigures {

    public static final long MAX_POPULATION = 100_000_000L;
    public static final int EARLIEST_YEAR = 1900;
    public static final int LATEST_YEAR = 2200;
    public static final int MAX_SOURCE = 200;

    /** A locality's population as it stands. */
    public record Figure(long population, int estimateYear, String source, Instant updatedAt) {

        public boolean sameAs(long otherPopulation, int otherYear, String otherSource) {
            return population == otherPopulation && estimateYear == otherYear && Objects.equals(source, otherSource);
        }
    }

    /** A locality and its population, null when none is set yet. */
    public record LocalityFigure(HubLocalities.Locality locality, Figure figure) {

        public String populationText() {
            return figure == null ? "Not set" : NumberFormat.getIntegerInstance(Locale.UK).format(figure.population());
        }

        public String estimateYearText() {
            return figure == null ? "" : String.valueOf(figure.estimateYear());
        }

        public String sourceText() {
            return figure == null || figure.source() == null ? "" : figure.source();
        }
    }

    private final JdbcClient jdbc;
    private final HubLocalities hubs;
    private final AuditLog audit;
    private final Clock clock;

    public PopulationFigures(JdbcClient jdbc, HubLocalities hubs, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.hubs = hubs;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Figure> find(long localityId) {
        return jdbc.sql("""
                SELECT population, estimate_year, source, updated_at
                FROM funding_locality_population WHERE organisation_id = ?""")
                .param(localityId)
                .query((rs, n) -> new Figure(rs.getLong("population"), rs.getInt("estimate_year"),
                        rs.getString("source"), rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    /** The hub's localities by name, each with its population if it has one, in one query. */
    public List<LocalityFigure> forHub(long hubId) {
        List<HubLocalities.Locality> localities = hubs.localitiesOf(hubId);
        if (localities.isEmpty()) {
            return List.of();
        }
        Map<Long, Figure> figures = new HashMap<>();
        jdbc.sql("""
                SELECT organisation_id, population, estimate_year, source, updated_at
                FROM funding_locality_population WHERE organisation_id IN (:ids)""")
                .param("ids", localities.stream().map(HubLocalities.Locality::id).toList())
                .query(rs -> {
                    figures.put(rs.getLong("organisation_id"), new Figure(rs.getLong("population"),
                            rs.getInt("estimate_year"), rs.getString("source"),
                            rs.getTimestamp("updated_at").toInstant()));
                });
        List<LocalityFigure> result = new ArrayList<>(localities.size());
        localities.forEach(l -> result.add(new LocalityFigure(l, figures.get(l.id()))));
        return result;
    }

    /**
     * Sets a locality's population, when the person is a commissioner of the hub above it.
     *
     * @return false when the figure was already exactly this, so nothing was written
     */
    @Transactional
    public boolean set(CurrentUser user, long localityId, long population, int estimateYear, String source) {
        hubs.requireLocality(user, localityId);
        return write(localityId, population, estimateYear, source, user.id());
    }

    /**
     * Sets a locality's population where there is no signed-in person: demo data and tests.
     *
     * @param localityId   an organisation of type LOCALITY
     * @param population   1 to 100,000,000
     * @param estimateYear the year the estimate is for, such as 2024 for a mid-2024 estimate
     * @param source       where the figure comes from, or null
     */
    @Transactional
    public void setUnchecked(long localityId, long population, int estimateYear, String source) {
        if (!hubs.isLocality(localityId)) {
            throw new IllegalArgumentException("Organisation " + localityId + " is not a locality");
        }
        write(localityId, population, estimateYear, source, null);
    }

    private boolean write(long localityId, long population, int estimateYear, String source, Long personId) {
        if (population < 1 || population > MAX_POPULATION || estimateYear < EARLIEST_YEAR
                || estimateYear > LATEST_YEAR || (source != null && source.length() > MAX_SOURCE)) {
            throw new IllegalArgumentException("Not a population figure: " + population + " in " + estimateYear);
        }
        String cleanSource = Answers.blank(source) ? null : source.strip();
        Optional<Figure> before = find(localityId);
        if (before.isPresent() && before.get().sameAs(population, estimateYear, cleanSource)) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                UPDATE funding_locality_population
                SET population = ?, estimate_year = ?, source = ?, updated_at = ?, updated_by = ?
                WHERE organisation_id = ?""")
                .params(population, estimateYear, cleanSource, now, personId, localityId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO funding_locality_population (organisation_id, population, estimate_year, source,
                                                             updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(localityId, population, estimateYear, cleanSource, now, personId).update();
        }
        String was = before.map(b -> "; was " + describe(b.population(), b.estimateYear(), b.source())).orElse("");
        audit.recordChange(before.isPresent() ? "UPDATE" : "CREATE", "locality_population", localityId, localityId,
                describe(population, estimateYear, cleanSource) + was);
        return true;
    }

    public static String describe(long population, int estimateYear, String source) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(population) + " (" + estimateYear
                + (source == null ? "" : ", " + source) + ")";
    }
}

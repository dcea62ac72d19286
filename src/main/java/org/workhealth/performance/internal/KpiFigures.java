package org.workhealth.performance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.audit.AuditLog;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programmes;

/**
 * Figures entered by hand: append-only, a correction supersedes the figure it corrects. Who may
 * enter a contract's figures is the pages' concern ({@code FigureAccess}); this class keeps the
 * record straight: one first entry per quarter, and each figure corrected at most once.
 */
@Service
public class KpiFigures {

    static final String COLUMNS = "f.id, f.kpi_definition_id, f.contract_id, f.financial_year, f.quarter, f.figure, "
            + "f.note, f.entered_at, f.entered_by, f.supersedes_id";

    /** The largest figure accepted: the column is a 32-bit integer, and no programme counts near this. */
    public static final int MAX_FIGURE = 10_000_000;
    public static final int MAX_NOTE = 200;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Programmes programmes;

    KpiFigures(JdbcClient jdbc, AuditLog audit, Clock clock, Programmes programmes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.programmes = programmes;
    }

    /** The current (not superseded) figures of these contracts in a financial year, in one query. */
    public List<KpiFigure> current(Collection<Long> contractIds, FinancialYear year) {
        if (contractIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM kpi_figure f WHERE f.contract_id IN (:contracts) "
                + "AND f.financial_year = :year "
                + "AND NOT EXISTS (SELECT 1 FROM kpi_figure s WHERE s.supersedes_id = f.id) "
                + "ORDER BY f.kpi_definition_id, f.contract_id, f.quarter")
                .param("contracts", new ArrayList<>(contractIds)).param("year", year.startYear())
                .query(KpiFigures::figure).list();
    }

    /** The figure that stands for one KPI, contract and quarter, if any has been entered. */
    public Optional<KpiFigure> current(long kpiDefinitionId, long contractId, Quarter quarter) {
        return inQuarter(kpiDefinitionId, contractId, quarter,
                "AND NOT EXISTS (SELECT 1 FROM kpi_figure s WHERE s.supersedes_id = f.id)").optional();
    }

    /** Every figure entered for one KPI, contract and quarter, newest first: the current one and those it corrected. */
    public List<KpiFigure> history(long kpiDefinitionId, long contractId, Quarter quarter) {
        return inQuarter(kpiDefinitionId, contractId, quarter, "ORDER BY f.entered_at DESC, f.id DESC").list();
    }

    /** The figures entered for one KPI, contract and quarter; the rest of the query narrows or orders them. */
    private JdbcClient.MappedQuerySpec<KpiFigure> inQuarter(long kpiDefinitionId, long contractId, Quarter quarter,
            String rest) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kpi_figure f WHERE f.kpi_definition_id = :kpi "
                + "AND f.contract_id = :contract AND f.financial_year = :year AND f.quarter = :quarter " + rest)
                .param("kpi", kpiDefinitionId).param("contract", contractId)
                .param("year", quarter.financialYear().startYear()).param("quarter", quarter.number())
                .query(KpiFigures::figure);
    }

    public Optional<KpiFigure> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kpi_figure f WHERE f.id = ?").param(id)
                .query(KpiFigures::figure).optional();
    }

    /**
     * The first figure for a quarter.
     *
     * @throws FigureChangedException when a figure for the quarter already exists (someone entered one first)
     */
    @Transactional
    public KpiFigure enter(long kpiDefinitionId, long contractId, Quarter quarter, int figure, String note,
            long enteredBy) {
        check(figure, note);
        if (current(kpiDefinitionId, contractId, quarter).isPresent()) {
            throw new FigureChangedException("A figure for " + quarter.label() + " has already been entered");
        }
        KpiFigure saved = insert(kpiDefinitionId, contractId, quarter, figure, note, enteredBy, null);
        audit.recordChange("ENTER", "kpi-figure", saved.id(), providerOf(contractId), describe(saved));
        return saved;
    }

    /**
     * A correction: a new figure that supersedes the current one, which is kept.
     *
     * @param correctsId the figure the person saw as current when they started the correction
     * @throws FigureChangedException when that figure has been corrected already (someone else got there first)
     */
    @Transactional
    public KpiFigure correct(long correctsId, int figure, String note, long enteredBy) {
        check(figure, note);
        KpiFigure corrected = find(correctsId).orElseThrow(() -> new FigureChangedException("No such figure"));
        Quarter quarter = Quarter.of(corrected.financialYear(), corrected.quarter());
        boolean stillCurrent = current(corrected.kpiDefinitionId(), corrected.contractId(), quarter)
                .map(c -> c.id() == correctsId).orElse(false);
        if (!stillCurrent) {
            throw new FigureChangedException("The figure for " + quarter.label() + " has already been corrected");
        }
        KpiFigure saved = insert(corrected.kpiDefinitionId(), corrected.contractId(), quarter, figure, note,
                enteredBy, correctsId);
        audit.recordChange("CORRECT", "kpi-figure", saved.id(), providerOf(corrected.contractId()),
                describe(saved) + "; corrects figure " + correctsId + " (" + corrected.figure() + ")");
        return saved;
    }

    private KpiFigure insert(long kpiDefinitionId, long contractId, Quarter quarter, int figure, String note,
            long enteredBy, Long supersedesId) {
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO kpi_figure (kpi_definition_id, contract_id, financial_year, quarter, figure, note,
                                            entered_at, entered_by, supersedes_id, first_entry)
                    VALUES (:kpi, :contract, :year, :quarter, :figure, :note, :at, :by, :supersedes, :first)
                    """)
                    .param("kpi", kpiDefinitionId).param("contract", contractId)
                    .param("year", quarter.financialYear().startYear()).param("quarter", quarter.number())
                    .param("figure", figure).param("note", TextAnswer.orNull(note))
                    .param("at", Timestamp.from(clock.instant())).param("by", enteredBy)
                    .param("supersedes", supersedesId).param("first", supersedesId == null ? Boolean.TRUE : null)
                    .update(key, "id");
        } catch (DuplicateKeyException raced) {
            // The unique constraints settle a race the checks above cannot: both people read the same current figure.
            throw new FigureChangedException(supersedesId == null
                    ? "A figure for " + quarter.label() + " has already been entered"
                    : "The figure for " + quarter.label() + " has already been corrected");
        }
        return find(key.getKeyAs(Number.class).longValue()).orElseThrow();
    }

    private static void check(int figure, String note) {
        if (figure < 0 || figure > MAX_FIGURE) {
            throw new IllegalArgumentException("Figure must be 0 to " + MAX_FIGURE + ": " + figure);
        }
        if (note != null && note.strip().length() > MAX_NOTE) {
            throw new IllegalArgumentException("Note must be " + MAX_NOTE + " characters or fewer");
        }
    }

    private Long providerOf(long contractId) {
        return programmes.findContract(contractId).map(Contract::providerOrganisationId).orElse(null);
    }

    private static String describe(KpiFigure f) {
        return "KPI " + f.kpiDefinitionId() + ", contract " + f.contractId() + ", "
                + Quarter.of(f.financialYear(), f.quarter()).label() + ": " + f.figure()
                + (f.note() == null ? "" : " (" + f.note() + ")");
    }

    static KpiFigure figure(ResultSet rs, int row) throws SQLException {
        return new KpiFigure(rs.getLong("id"), rs.getLong("kpi_definition_id"), rs.getLong("contract_id"),
                rs.getInt("financial_year"), rs.getInt("quarter"), rs.getInt("figure"), rs.getString("note"),
                rs.getTimestamp("entered_at").toInstant(), rs.getLong("entered_by"),
                nullableLong(rs.getLong("supersedes_id"), rs.wasNull()));
    }

    private static Long nullableLong(long value, boolean wasNull) {
        return wasNull ? null : value;
    }
}

package org.workhealth.funding;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.workhealth.calendar.Quarter;
import org.workhealth.funding.internal.ClaimEvent;
import org.workhealth.funding.internal.ClaimLine;
import org.workhealth.funding.internal.ClaimStatus;
import org.workhealth.funding.internal.LineKind;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;

/** Claims, their lines and their history in the database: plain SQL, one query a list. */
@Repository
class ClaimStore {

    private static final String CLAIM_COLUMNS = """
            id, agreement_id, financial_year, quarter, status, total_pence, submitted_at, submitted_by, decided_at,
            decided_by, return_reason, version""";

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final People people;

    ClaimStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, People people) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.people = people;
    }

    /**
     * Holds the agreement's row until the transaction ends, so that its claims are worked out and its expenditure
     * changed one at a time: a claim is then worked out from every claim submitted before it, and the year's shares
     * are never paid twice by two quarters claimed at once.
     */
    void lockAgreement(long agreementId) {
        jdbc.sql("SELECT id FROM funding_agreement WHERE id = ? FOR UPDATE").param(agreementId).query(Long.class)
                .single();
    }

    Optional<Claim> find(long agreementId, Quarter quarter) {
        return jdbc.sql("SELECT " + CLAIM_COLUMNS + " FROM funding_claim WHERE agreement_id = ? AND financial_year = ? "
                + "AND quarter = ?").params(agreementId, quarter.financialYear().startYear(), quarter.number())
                .query(ClaimStore::claim).optional();
    }

    /** The claims of these agreements that stand at one of these statuses, oldest quarter first. */
    List<Claim> withStatus(java.util.Collection<Long> agreementIds, java.util.Collection<ClaimStatus> statuses) {
        if (agreementIds.isEmpty() || statuses.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + CLAIM_COLUMNS + " FROM funding_claim WHERE agreement_id IN (:agreements) "
                + "AND status IN (:statuses) ORDER BY financial_year, quarter, id")
                .param("agreements", new java.util.ArrayList<>(agreementIds))
                .param("statuses", statuses.stream().map(Enum::name).toList()).query(ClaimStore::claim).list();
    }

    List<Claim> claims(long agreementId) {
        return jdbc.sql("SELECT " + CLAIM_COLUMNS + " FROM funding_claim WHERE agreement_id = ? "
                + "ORDER BY financial_year, quarter").param(agreementId).query(ClaimStore::claim).list();
    }

    /** The lines of every submitted or approved claim of the agreement but one, with the quarter each claims for. */
    List<ClaimCalculator.PriorLine> claimedLines(long agreementId, Long exceptClaimId) {
        return jdbc.sql("""
                SELECT c.financial_year AS claim_year, c.quarter AS claim_quarter, l.kind, l.for_year, l.for_quarter,
                       l.case_id, l.payable, l.evidence_on, l.description, l.amount_pence
                FROM funding_claim_line l JOIN funding_claim c ON c.id = l.claim_id
                WHERE c.agreement_id = :agreement AND c.status IN (:claimed) AND c.id <> :except
                ORDER BY c.financial_year, c.quarter, l.position
                """).param("agreement", agreementId).param("claimed", ClaimStatus.names(ClaimStatus.CLAIMED)).param("except", exceptClaimId == null ? -1L : exceptClaimId)
                .query((rs, row) -> new ClaimCalculator.PriorLine(line(rs, null),
                        Quarter.of(rs.getInt("claim_year"), rs.getInt("claim_quarter")))).list();
    }

    /** What the agreement's claims add up to, by status, kind of line and the financial year paid for. */
    record Sum(ClaimStatus status, LineKind kind, int forYear, long pence) {
    }

    List<Sum> sums(long agreementId) {
        return jdbc.sql("""
                SELECT c.status, l.kind, l.for_year, SUM(l.amount_pence) AS pence
                FROM funding_claim_line l JOIN funding_claim c ON c.id = l.claim_id
                WHERE c.agreement_id = :agreement AND c.status IN (:claimed)
                GROUP BY c.status, l.kind, l.for_year
                """).param("agreement", agreementId).param("claimed", ClaimStatus.names(ClaimStatus.CLAIMED)).query((rs, row) -> new Sum(ClaimStatus.valueOf(rs.getString("status")),
                LineKind.valueOf(rs.getString("kind")), rs.getInt("for_year"), rs.getLong("pence"))).list();
    }

    List<ClaimLine> lines(long claimId, java.util.Map<Long, String> references) {
        return jdbc.sql("""
                SELECT kind, for_year, for_quarter, case_id, payable, evidence_on, description, amount_pence
                FROM funding_claim_line WHERE claim_id = ? ORDER BY position
                """).param(claimId).query((rs, row) -> line(rs, references)).list();
    }

    List<Long> lineCaseIds(long claimId) {
        return jdbc.sql("SELECT case_id FROM funding_claim_line WHERE claim_id = ? AND case_id IS NOT NULL")
                .param(claimId).query(Long.class).list();
    }

    /** The claim's history, oldest first, naming each person as the organisation module knows them. */
    List<ClaimEvent> history(long claimId) {
        record Row(ClaimEvent event, long personId) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT action, occurred_at, person_id, total_pence, reason FROM funding_claim_event
                WHERE claim_id = ? ORDER BY occurred_at, id
                """).param(claimId).query((rs, row) -> new Row(new ClaimEvent(rs.getString("action"),
                rs.getTimestamp("occurred_at").toInstant(), null, rs.getLong("total_pence"), rs.getString("reason")),
                rs.getLong("person_id"))).list();
        Map<Long, String> names = people.findAll(rows.stream().map(Row::personId).distinct().toList()).stream()
                .collect(Collectors.toMap(Person::id, Person::fullName));
        return rows.stream().map(r -> new ClaimEvent(r.event().action(), r.event().at(), names.get(r.personId()),
                r.event().totalPence(), r.event().reason())).toList();
    }

    long insertClaim(long agreementId, Quarter quarter, long total, Instant at, long by) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO funding_claim (agreement_id, financial_year, quarter, status, total_pence, submitted_at,
                                           submitted_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(agreementId, quarter.financialYear().startYear(), quarter.number(),
                ClaimStatus.SUBMITTED.name(), total,
                Timestamp.from(at), by).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    /** Resubmits a returned claim; false when it is no longer the returned version the person saw. */
    boolean resubmit(long claimId, int version, long total, Instant at, long by) {
        int changed = jdbc.sql("""
                UPDATE funding_claim SET status = :to, total_pence = :total, submitted_at = :at, submitted_by = :by,
                       decided_at = NULL, decided_by = NULL, return_reason = NULL, version = version + 1
                WHERE id = :id AND status IN (:from) AND version = :version
                """).param("to", ClaimStatus.SUBMITTED.name()).param("total", total).param("at", Timestamp.from(at))
                .param("by", by).param("id", claimId).param("from", ClaimStatus.from(ClaimStatus.SUBMITTED))
                .param("version", version).update();
        if (changed == 1) {
            jdbc.sql("DELETE FROM funding_claim_line WHERE claim_id = ?").param(claimId).update();
        }
        return changed == 1;
    }

    /** Approves or returns a submitted claim; false when it is no longer the submitted version the person saw. */
    boolean decide(long claimId, int version, ClaimStatus status, String reason, Instant at, long by) {
        return jdbc.sql("""
                UPDATE funding_claim SET status = :to, decided_at = :at, decided_by = :by, return_reason = :reason,
                       version = version + 1
                WHERE id = :id AND status IN (:from) AND version = :version
                """).param("to", status.name()).param("at", Timestamp.from(at)).param("by", by)
                .param("reason", reason).param("id", claimId).param("from", ClaimStatus.from(status))
                .param("version", version).update() == 1;
    }

    /** The statement's lines, in one batch: a claim can count hundreds of participants. */
    void insertLines(long claimId, List<ClaimLine> lines) {
        List<Object[]> rows = new java.util.ArrayList<>(lines.size());
        int position = 0;
        for (ClaimLine line : lines) {
            rows.add(new Object[] {claimId, position++, line.kind().name(),
                    line.forQuarter().financialYear().startYear(), line.forQuarter().number(), line.caseId(),
                    line.payable(), line.evidenceOn() == null ? null : Date.valueOf(line.evidenceOn()),
                    line.description(), line.amountPence()});
        }
        batch.batchUpdate("""
                INSERT INTO funding_claim_line (claim_id, position, kind, for_year, for_quarter, case_id, payable,
                                                evidence_on, description, amount_pence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows, new int[] {java.sql.Types.BIGINT, java.sql.Types.INTEGER, java.sql.Types.VARCHAR,
                        java.sql.Types.INTEGER, java.sql.Types.INTEGER, java.sql.Types.BIGINT, java.sql.Types.VARCHAR,
                        java.sql.Types.DATE, java.sql.Types.VARCHAR, java.sql.Types.BIGINT});
    }

    void insertEvent(long claimId, String action, Instant at, long by, long total, String reason) {
        jdbc.sql("""
                INSERT INTO funding_claim_event (claim_id, action, occurred_at, person_id, total_pence, reason)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(claimId, action, Timestamp.from(at), by, total, reason).update();
    }

    private static ClaimLine line(ResultSet rs, java.util.Map<Long, String> references) throws SQLException {
        long caseId = rs.getLong("case_id");
        Long caseOrNull = rs.wasNull() ? null : caseId;
        Date evidence = rs.getDate("evidence_on");
        return new ClaimLine(LineKind.valueOf(rs.getString("kind")), Quarter.of(rs.getInt("for_year"),
                rs.getInt("for_quarter")), caseOrNull, caseOrNull == null || references == null ? null
                        : references.get(caseOrNull), rs.getString("payable"),
                evidence == null ? null : evidence.toLocalDate(), rs.getString("description"),
                rs.getLong("amount_pence"));
    }

    private static Claim claim(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        long decidedBy = rs.getLong("decided_by");
        Long decider = rs.wasNull() ? null : decidedBy;
        return new Claim(rs.getLong("id"), rs.getLong("agreement_id"), Quarter.of(rs.getInt("financial_year"),
                rs.getInt("quarter")), ClaimStatus.valueOf(rs.getString("status")), rs.getLong("total_pence"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getLong("submitted_by"),
                decided == null ? null : decided.toInstant(), decider, rs.getString("return_reason"),
                rs.getInt("version"));
    }
}

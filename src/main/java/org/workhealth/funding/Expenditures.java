package org.workhealth.funding;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.calendar.Quarter;
import org.workhealth.funding.internal.Expenditure;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.Money;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * Eligible expenditure for the basic payment. A quarter's expenditure can be added to or taken out of until
 * its claim is submitted, and again if the claim is returned; once submitted it is part of the claim.
 */
@Service
class Expenditures {

    static final int MAX_DESCRIPTION = 200;

    /** Thrown when the quarter's claim has been submitted or approved, so its expenditure is locked. */
    static class LockedException extends RuntimeException {
        LockedException() {
            super("The quarter's claim has been submitted");
        }
    }

    private final JdbcClient jdbc;
    private final ClaimStore claims;
    private final AuditLog audit;
    private final Clock clock;

    Expenditures(JdbcClient jdbc, ClaimStore claims, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.audit = audit;
        this.clock = clock;
    }

    List<Expenditure> forQuarter(long agreementId, Quarter quarter) {
        return jdbc.sql("""
                SELECT id, agreement_id, financial_year, quarter, description, amount_pence, entered_at, entered_by
                FROM funding_expenditure WHERE agreement_id = ? AND financial_year = ? AND quarter = ? ORDER BY id
                """).params(agreementId, quarter.financialYear().startYear(), quarter.number())
                .query((rs, row) -> {
                    long by = rs.getLong("entered_by");
                    return new Expenditure(rs.getLong("id"), rs.getLong("agreement_id"),
                            Quarter.of(rs.getInt("financial_year"), rs.getInt("quarter")), rs.getString("description"),
                            rs.getLong("amount_pence"), rs.getTimestamp("entered_at").toInstant(),
                            rs.wasNull() ? null : by);
                }).list();
    }

    boolean locked(long agreementId, Quarter quarter) {
        return claims.find(agreementId, quarter).map(c -> c.status().claimed()).orElse(false);
    }

    @Transactional
    long add(CurrentUser user, FundingAgreement agreement, Quarter quarter, String description, long amountPence) {
        requireOpen(agreement, quarter);
        org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO funding_expenditure (agreement_id, financial_year, quarter, description, amount_pence,
                                                 entered_at, entered_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(agreement.id(), quarter.financialYear().startYear(), quarter.number(), description,
                amountPence, Timestamp.from(clock.instant()), user.id()).update(key, "id");
        long id = key.getKeyAs(Long.class);
        audit.recordChange("CREATE", "funding_expenditure", id, agreement.contract().providerOrganisationId(),
                quarter.label() + ": " + description + " " + Money.format(amountPence));
        return id;
    }

    @Transactional
    void remove(CurrentUser user, FundingAgreement agreement, Quarter quarter, long expenditureId) {
        requireOpen(agreement, quarter);
        Optional<Expenditure> item = forQuarter(agreement.id(), quarter).stream()
                .filter(e -> e.id() == expenditureId).findFirst();
        Expenditure found = item.orElseThrow(OutOfScopeException::new);
        jdbc.sql("DELETE FROM funding_expenditure WHERE id = ?").param(expenditureId).update();
        audit.recordChange("DELETE", "funding_expenditure", expenditureId,
                agreement.contract().providerOrganisationId(), quarter.label() + ": " + found.description() + " "
                        + found.amount());
    }

    private void requireOpen(FundingAgreement agreement, Quarter quarter) {
        // Waits for a claim being submitted, so that nothing is added to or taken from a quarter once claimed.
        claims.lockAgreement(agreement.id());
        if (locked(agreement.id(), quarter)) {
            throw new LockedException();
        }
    }
}

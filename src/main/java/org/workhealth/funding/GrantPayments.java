package org.workhealth.funding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.calendar.Quarter;
import org.workhealth.funding.internal.ClaimLine;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingAgreements;
import org.workhealth.funding.internal.LineKind;
import org.workhealth.funding.internal.Money;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * Grant instalments to employers (an SME trial's treatment arm), paid through a funding agreement: each approved
 * instalment is raised once as a grant line, and the agreement's next claim made on or after the day it was
 * approved carries it as a {@link LineKind#GRANT} line, so it is paid, approved and reported (statement, PDF, XLSX)
 * like every other line. The source key (one per instalment) is unique, so nothing is raised twice, and a line
 * already in a submitted or approved claim is not claimed again.
 */
@Service
public class GrantPayments {

    /** A funding agreement grants may be paid through, as a choice for a grant plan. */
    public record GrantAgreement(long id, String label) {
    }

    /** An instalment approved for payment. {@code sourceKey} names it uniquely, for example "TRIAL-3-A17-I2". */
    public record NewGrantLine(long agreementId, String sourceKey, long payeeEmployerId, String payeeName,
            String description, long amountPence, LocalDate approvedOn) {
    }

    /** A grant line raised on an agreement. */
    record GrantLine(long id, String payeeName, String description, long amountPence, LocalDate approvedOn) {

        String payable() {
            return "GRANT-" + id;
        }
    }

    /** The instalment has already been raised for payment. */
    public static class AlreadyRaisedException extends RuntimeException {
        AlreadyRaisedException() {
            super("This instalment has already been paid");
        }
    }

    private final JdbcClient jdbc;
    private final FundingAgreements agreements;
    private final AuditLog audit;
    private final Clock clock;

    GrantPayments(JdbcClient jdbc, FundingAgreements agreements, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.audit = audit;
        this.clock = clock;
    }

    /** The agreements on the programme's contracts commissioned by the organisation: where its grants can be paid from. */
    public List<GrantAgreement> forProgramme(long programmeId, long commissionerOrganisationId) {
        // Few agreements exist (one a contract), so they are read whole rather than joined to the programme's tables.
        return jdbc.sql("SELECT id FROM funding_agreement ORDER BY id").query(Long.class).list().stream()
                .map(id -> agreements.find(id).orElseThrow())
                .filter(a -> a.contract().programmeId() == programmeId
                        && a.contract().commissionerOrganisationId() == commissionerOrganisationId)
                .map(a -> new GrantAgreement(a.id(), a.contract().reference() + " (" + a.programmeName() + ", "
                        + Dates.format(a.contract().startsOn()) + " to " + Dates.format(a.contract().endsOn()) + ")"))
                .toList();
    }

    /**
     * Raises the line: the person must approve the agreement's claims (a commissioner of its commissioning
     * organisation). @return the line's id @throws AlreadyRaisedException when the source was raised before
     */
    @Transactional
    public long raise(CurrentUser user, NewGrantLine line) {
        FundingAgreement agreement = agreements.find(line.agreementId()).orElseThrow(OutOfScopeException::new);
        if (!agreements.mayApprove(user, agreement)) {
            throw new OutOfScopeException();
        }
        return insert(line, user.id(), agreement);
    }

    /** For demo data, where nobody is signed in. */
    @Transactional
    public long raiseUnchecked(NewGrantLine line) {
        return insert(line, null, agreements.find(line.agreementId()).orElseThrow());
    }

    private long insert(NewGrantLine line, Long by, FundingAgreement agreement) {
        if (line.amountPence() <= 0) {
            throw new IllegalArgumentException("A grant line pays a positive amount");
        }
        try {
            jdbc.sql("""
                    INSERT INTO funding_grant_line (agreement_id, source_key, payee_employer_id, payee_name, description,
                        amount_pence, approved_on, raised_by, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(line.agreementId(), line.sourceKey(), line.payeeEmployerId(), line.payeeName(),
                            line.description(), line.amountPence(), line.approvedOn(), by,
                            Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyRaisedException();
        }
        long id = jdbc.sql("SELECT id FROM funding_grant_line WHERE source_key = ?").param(line.sourceKey())
                .query(Long.class).single();
        audit.recordChange("RAISE_GRANT", "funding_grant_line", id, agreement.contract().commissionerOrganisationId(),
                line.sourceKey() + " " + Money.format(line.amountPence()) + " to " + line.payeeName());
        return id;
    }

    List<GrantLine> lines(long agreementId) {
        return jdbc.sql("""
                SELECT id, payee_name, description, amount_pence, approved_on FROM funding_grant_line
                WHERE agreement_id = ? ORDER BY approved_on, id""").param(agreementId)
                .query((rs, row) -> new GrantLine(rs.getLong("id"), rs.getString("payee_name"),
                        rs.getString("description"), rs.getLong("amount_pence"),
                        rs.getObject("approved_on", LocalDate.class)))
                .list();
    }

    /**
     * The grant lines a quarter's claim carries: those approved by the quarter's end that no other submitted or
     * approved claim carries already (a line approved after its quarter's claim was made goes into the next one).
     */
    static List<ClaimLine> unclaimed(List<GrantLine> lines, Quarter quarter, List<ClaimCalculator.PriorLine> prior) {
        Set<String> claimed = prior.stream().filter(p -> p.line().kind() == LineKind.GRANT)
                .map(p -> p.line().payable()).collect(Collectors.toSet());
        return lines.stream().filter(l -> !l.approvedOn().isAfter(quarter.end()) && !claimed.contains(l.payable()))
                .map(l -> new ClaimLine(LineKind.GRANT, quarter, null, l.payeeName(), l.payable(), l.approvedOn(),
                        l.description(), l.amountPence()))
                .toList();
    }
}

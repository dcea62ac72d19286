package org.workhealth.funding.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programmes;

/**
 * Funding agreements on contracts. A commissioner of the contract's commissioning organisation records one;
 * the provider's managers and the commissioner's staff see it; nobody else learns that it exists.
 */
@Service
public class FundingAgreements {

    /** Thrown when the contract already has a funding agreement. */
    public static class AlreadyAgreedException extends RuntimeException {
        AlreadyAgreedException() {
            super("The contract already has a funding agreement");
        }
    }

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Organisations organisations;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    public FundingAgreements(JdbcClient jdbc, Programmes programmes, Organisations organisations, AccessPolicy access,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.organisations = organisations;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The contract, when the person may record its funding agreement. */
    public Contract agreeable(CurrentUser user, long contractId) {
        Contract contract = programmes.findContract(contractId).orElseThrow(OutOfScopeException::new);
        access.require(user, Permission.MANAGE_PROGRAMMES, contract.commissionerOrganisationId());
        return contract;
    }

    @Transactional
    public long create(CurrentUser user, NewFundingAgreement agreement) {
        agreeable(user, agreement.contractId());
        return insert(agreement, user.id());
    }

    /** For demo data, where nobody is signed in. */
    @Transactional
    public long createUnchecked(NewFundingAgreement agreement) {
        return insert(agreement, null);
    }

    /** The agreement, when the person may see it: the provider's managers, the commissioner's staff. */
    public FundingAgreement visible(CurrentUser user, long id) {
        FundingAgreement agreement = find(id).orElseThrow(OutOfScopeException::new);
        if (!mayView(user, agreement)) {
            throw new OutOfScopeException();
        }
        return agreement;
    }

    public boolean mayView(CurrentUser user, FundingAgreement agreement) {
        return maySubmit(user, agreement) || mayApprove(user, agreement)
                || access.may(user, Permission.MANAGE_PROGRAMMES, agreement.contract().commissionerOrganisationId());
    }

    /** Enters expenditure and submits claims: a provider manager of the delivering organisation. */
    public boolean maySubmit(CurrentUser user, FundingAgreement agreement) {
        return access.may(user, Permission.SUBMIT_RETURNS_AND_CLAIMS, agreement.contract().providerOrganisationId());
    }

    /** Approves or returns claims: a commissioner of the funding (commissioning) organisation. */
    public boolean mayApprove(CurrentUser user, FundingAgreement agreement) {
        return access.may(user, Permission.APPROVE_RETURNS_AND_CLAIMS,
                agreement.contract().commissionerOrganisationId());
    }

    /** Whether the person may change the agreement's terms: a commissioner of the commissioning organisation. */
    public boolean mayChange(CurrentUser user, FundingAgreement agreement) {
        return access.may(user, Permission.MANAGE_PROGRAMMES, agreement.contract().commissionerOrganisationId());
    }

    /**
     * Changes a year's pot and management budget: a variation of the agreement. Only while none of the year's
     * claims has been submitted or approved, since those were worked out from the year's money as it stood.
     *
     * @return false when a claim of the year has been submitted or approved since the person looked
     */
    @Transactional
    public boolean changeYear(CurrentUser user, FundingAgreement agreement, FundingYear year) {
        if (!mayChange(user, agreement)) {
            throw new OutOfScopeException();
        }
        jdbc.sql("SELECT id FROM funding_agreement WHERE id = ? FOR UPDATE").param(agreement.id())
                .query(Long.class).single();
        if (yearClaimed(agreement.id(), year.financialYear())) {
            return false;
        }
        int changed = jdbc.sql("""
                UPDATE funding_year SET pot_pence = ?, management_pence = ? WHERE agreement_id = ? AND financial_year = ?
                """).params(year.potPence(), year.managementPence(), agreement.id(), year.financialYear()).update();
        if (changed != 1) {
            throw new OutOfScopeException();
        }
        audit.recordChange("UPDATE", "funding_agreement", agreement.id(),
                agreement.contract().commissionerOrganisationId(), year.year().label() + ": pot "
                        + Money.format(year.potPence()) + ", management and team " + Money.format(year.managementPence()));
        return true;
    }

    /** Whether a claim for a quarter of the year has been submitted or approved. */
    public boolean yearClaimed(long agreementId, int financialYear) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM funding_claim WHERE agreement_id = :agreement AND financial_year = :year
                AND status IN (:claimed)
                """).param("agreement", agreementId).param("year", financialYear)
                .param("claimed", ClaimStatus.names(ClaimStatus.CLAIMED)).query(Integer.class).single() > 0;
    }

    public Optional<FundingAgreement> find(long id) {
        return jdbc.sql("""
                SELECT id, contract_id, payment_model, guaranteed_percent, participant_target
                FROM funding_agreement WHERE id = ?
                """).param(id).query((rs, row) -> {
                    int target = rs.getInt("participant_target");
                    Integer participantTarget = rs.wasNull() ? null : target;
                    return assemble(rs.getLong("id"), rs.getLong("contract_id"),
                            PaymentModel.valueOf(rs.getString("payment_model")), rs.getInt("guaranteed_percent"),
                            participantTarget);
                }).optional().map(f -> f.get());
    }

    public Optional<Long> idForContract(long contractId) {
        return jdbc.sql("SELECT id FROM funding_agreement WHERE contract_id = ?").param(contractId)
                .query(Long.class).optional();
    }

    /** The agreements whose contracts the person delivers or commissions, as far as their roles let them see. */
    public List<AgreementSummary> visibleTo(CurrentUser user) {
        if (!user.has(Permission.SUBMIT_RETURNS_AND_CLAIMS) && !user.has(Permission.APPROVE_RETURNS_AND_CLAIMS)
                && !user.has(Permission.MANAGE_PROGRAMMES)) {
            return List.of();
        }
        Set<Long> scope = access.scope(user);
        Map<Long, String> names = organisations.namesById();
        Map<Long, String> programmeNames = programmeNames();
        List<Contract> contracts = programmes.contractsDeliveredOrCommissionedBy(scope).stream()
                .sorted(java.util.Comparator.comparing(Contract::reference)).toList();
        record Terms(long id, PaymentModel model, long maximumPence) {
        }
        Map<Long, Terms> agreements = new java.util.HashMap<>();
        if (!contracts.isEmpty()) {
            jdbc.sql("""
                    SELECT a.id, a.contract_id, a.payment_model,
                           (SELECT COALESCE(SUM(y.pot_pence + y.management_pence), 0) FROM funding_year y
                            WHERE y.agreement_id = a.id) AS maximum_pence
                    FROM funding_agreement a WHERE a.contract_id IN (:contracts)
                    """).param("contracts", contracts.stream().map(Contract::id).toList()).query(rs -> {
                        agreements.put(rs.getLong("contract_id"), new Terms(rs.getLong("id"),
                                PaymentModel.valueOf(rs.getString("payment_model")), rs.getLong("maximum_pence")));
                    });
        }
        return contracts.stream().filter(c -> agreements.containsKey(c.id())).map(c -> {
            Terms a = agreements.get(c.id());
            return new AgreementSummary(a.id(), c.reference(), programmeNames.get(c.programmeId()),
                    c.providerOrganisationId(), names.get(c.providerOrganisationId()),
                    c.commissionerOrganisationId(), a.model(), a.maximumPence());
        })
                .filter(a -> (user.has(Permission.SUBMIT_RETURNS_AND_CLAIMS) && scope.contains(a.providerId()))
                        || ((user.has(Permission.APPROVE_RETURNS_AND_CLAIMS)
                                || user.has(Permission.MANAGE_PROGRAMMES)) && scope.contains(a.commissionerId())))
                .toList();
    }

    /** Contracts the person commissions that have no funding agreement yet. */
    public List<ContractWithoutAgreement> contractsWithoutAgreement(CurrentUser user) {
        if (!user.has(Permission.MANAGE_PROGRAMMES)) {
            return List.of();
        }
        Set<Long> scope = access.scope(user);
        List<Contract> commissioned = programmes.contractsDeliveredOrCommissionedBy(scope).stream()
                .sorted(java.util.Comparator.comparing(Contract::reference))
                .filter(c -> scope.contains(c.commissionerOrganisationId())).toList();
        if (commissioned.isEmpty()) {
            return List.of();
        }
        Set<Long> agreed = Set.copyOf(jdbc.sql("SELECT contract_id FROM funding_agreement WHERE contract_id IN (:ids)")
                .param("ids", commissioned.stream().map(Contract::id).toList()).query(Long.class).list());
        Map<Long, String> programmeNames = programmeNames();
        return commissioned.stream().filter(c -> !agreed.contains(c.id()))
                .map(c -> new ContractWithoutAgreement(c.id(), c.reference(), programmeNames.get(c.programmeId())))
                .toList();
    }

    private Map<Long, String> programmeNames() {
        return programmes.all().stream().collect(java.util.stream.Collectors.toMap(p -> p.id(), p -> p.name()));
    }

    public record ContractWithoutAgreement(long id, String reference, String programmeName) {
    }

    /** One line of the list of agreements. */
    public record AgreementSummary(long id, String contractReference, String programmeName, long providerId,
            String providerName, long commissionerId, PaymentModel model, long maximumPence) {

        public String maximum() {
            return Money.format(maximumPence);
        }
    }

    private long insert(NewFundingAgreement a, Long by) {
        Contract contract = programmes.findContract(a.contractId()).orElseThrow(OutOfScopeException::new);
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO funding_agreement (contract_id, payment_model, guaranteed_percent, participant_target,
                                                   created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).params(a.contractId(), a.model().name(), a.guaranteedPercent(), a.participantTarget(),
                    Timestamp.from(clock.instant()), by).update(key, "id");
        } catch (DuplicateKeyException e) {
            throw new AlreadyAgreedException();
        }
        long id = key.getKeyAs(Long.class);
        for (FundingYear year : a.years()) {
            jdbc.sql("""
                    INSERT INTO funding_year (agreement_id, financial_year, pot_pence, management_pence)
                    VALUES (?, ?, ?, ?)
                    """).params(id, year.financialYear(), year.potPence(), year.managementPence()).update();
        }
        a.outcomePrices().forEach((type, price) -> jdbc.sql("""
                INSERT INTO funding_outcome_price (agreement_id, milestone_type, price_pence) VALUES (?, ?, ?)
                """).params(id, type.name(), price).update());
        audit.recordChange("CREATE", "funding_agreement", id, contract.commissionerOrganisationId(),
                contract.reference() + ": " + a.model().label());
        return id;
    }

    private java.util.function.Supplier<FundingAgreement> assemble(long id, long contractId, PaymentModel model,
            int percent, Integer target) {
        // Built after the row is read, so that no other query runs while the result set is open.
        return () -> {
            Contract contract = programmes.findContract(contractId).orElseThrow();
            List<FundingYear> years = jdbc.sql("""
                    SELECT financial_year, pot_pence, management_pence FROM funding_year
                    WHERE agreement_id = ? ORDER BY financial_year
                    """).param(id).query((rs, row) -> new FundingYear(rs.getInt("financial_year"),
                    rs.getLong("pot_pence"), rs.getLong("management_pence"))).list();
            Map<MilestoneType, Long> prices = new EnumMap<>(MilestoneType.class);
            jdbc.sql("SELECT milestone_type, price_pence FROM funding_outcome_price WHERE agreement_id = ?")
                    .param(id).query(rs -> {
                        prices.put(MilestoneType.valueOf(rs.getString("milestone_type")), rs.getLong("price_pence"));
                    });
            String programmeName = programmes.find(contract.programmeId()).map(p -> p.name()).orElse("");
            return new FundingAgreement(id, contract, programmeName, orgName(contract.providerOrganisationId()),
                    orgName(contract.commissionerOrganisationId()), model, percent, target, years, Map.copyOf(prices));
        };
    }

    private String orgName(long id) {
        return organisations.find(id).map(o -> o.name()).orElse("");
    }
}

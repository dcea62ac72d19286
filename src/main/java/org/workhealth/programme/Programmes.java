package org.workhealth.programme;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/**
 * Programmes, cohorts and contracts. Anyone whose role lets them see programmes sees the list;
 * only a commissioner of the owning organisation (or above it) changes a programme, and only a
 * commissioner of the commissioning organisation records its contracts.
 */
@Service
public class Programmes {

    /** The largest caseload cap a programme may set: beyond it a cap no longer limits anything a person holds. */
    public static final int CASELOAD_CAP_MAX = 500;

    private final ProgrammeRepository programmes;
    private final ContractRepository contracts;
    private final AccessPolicy access;
    private final AuditLog audit;
    /**
     * Cohorts and details are written with plain SQL, never by saving the whole aggregate: Spring
     * Data JDBC would delete and re-insert every cohort, giving them new ids that referrals, cases
     * and cohort rules refer to.
     */
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Programmes(ProgrammeRepository programmes, ContractRepository contracts, AccessPolicy access, AuditLog audit,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.contracts = contracts;
        this.access = access;
        this.audit = audit;
    }

    public List<Programme> all() {
        return programmes.findAll().stream().sorted(Comparator.comparing(Programme::name)).toList();
    }

    public Optional<Programme> find(long id) {
        return programmes.findById(id);
    }

    public Optional<Contract> findContract(long id) {
        return contracts.findById(id);
    }

    /** The contracts with these ids that exist, in one query, in no particular order. */
    public List<Contract> findContracts(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : contracts.findAllById(ids);
    }

    public Optional<Contract> findContractByReference(String reference) {
        return contracts.findByReference(reference.strip().toUpperCase());
    }

    public Optional<Programme> findByCode(String code) {
        return programmes.findByCode(code.strip().toUpperCase());
    }

    public Programme visible(CurrentUser user, long id) {
        if (!user.has(Permission.VIEW_PROGRAMMES)) {
            throw new OutOfScopeException();
        }
        return programmes.findById(id).orElseThrow(OutOfScopeException::new);
    }

    public boolean mayManage(CurrentUser user, Programme programme) {
        return access.may(user, Permission.MANAGE_PROGRAMMES, programme.ownerOrganisationId());
    }

    /** Contracts of a programme that the person's organisations commission or deliver. */
    public List<Contract> contractsVisibleTo(CurrentUser user, long programmeId) {
        Set<Long> scope = access.scope(user);
        return contracts.findByProgrammeIdOrderByReference(programmeId).stream()
                .filter(c -> scope.contains(c.providerOrganisationId()) || scope.contains(c.commissionerOrganisationId()))
                .toList();
    }

    /**
     * The contract under which a provider delivers a programme on a date, for counting milestones
     * against it. Should contracts overlap, the one that started last wins.
     */
    public Optional<Contract> liveContract(long programmeId, long providerOrganisationId, LocalDate on) {
        return contracts.findByProgrammeIdOrderByReference(programmeId).stream()
                .filter(c -> c.providerOrganisationId() == providerOrganisationId && c.liveOn(on))
                .max(Comparator.comparing(Contract::startsOn).thenComparing(Contract::id));
    }

    /** The contracts, of any programme, that an organisation itself delivers on a date. */
    public List<Contract> liveContractsHeldBy(long providerOrganisationId, LocalDate on) {
        return contracts.findByProviderOrganisationIdOrderByReference(providerOrganisationId).stream()
                .filter(c -> c.liveOn(on)).toList();
    }

    public boolean codeInUse(String code) {
        return findByCode(code).isPresent();
    }

    public boolean contractReferenceInUse(String reference) {
        return contracts.findByReference(reference.strip().toUpperCase()).isPresent();
    }

    @Transactional
    public Programme create(CurrentUser user, String code, String name, SupportType type, String description,
            long ownerOrganisationId) {
        access.require(user, Permission.MANAGE_PROGRAMMES, ownerOrganisationId);
        return createUnchecked(code, name, type, description, ownerOrganisationId);
    }

    /** For loading seed data, where there is no signed-in person. */
    @Transactional
    public Programme createUnchecked(String code, String name, SupportType type, String description,
            long ownerOrganisationId) {
        Programme saved = programmes.save(Programme.create(code, name, type, description, ownerOrganisationId));
        audit.recordChange("CREATE", "programme", saved.id(), ownerOrganisationId, saved.name());
        return saved;
    }

    @Transactional
    public Programme update(CurrentUser user, long id, String name, SupportType type, String description,
            Integer cap) {
        Programme programme = manageable(user, id);
        jdbc.sql("UPDATE programme SET name = ?, support_type = ?, description = ?, caseload_cap = ?, "
                        + "version = version + 1 WHERE id = ?")
                .params(name.strip(), type.name(), description, cap, id).update();
        audit.recordChange("UPDATE", "programme", id, programme.ownerOrganisationId(),
                java.util.Objects.equals(cap, programme.caseloadCap()) ? null
                        : "Caseload cap: " + capText(programme.caseloadCap()) + " → " + capText(cap));
        return programmes.findById(id).orElseThrow();
    }

    private static String capText(Integer cap) {
        return cap == null ? "no cap" : String.valueOf(cap);
    }

    @Transactional
    public Programme addCohort(CurrentUser user, long programmeId, String code, String name, String description) {
        manageable(user, programmeId);
        return addCohortUnchecked(programmeId, code, name, description);
    }

    @Transactional
    public Programme addCohortUnchecked(long programmeId, String code, String name, String description) {
        Programme programme = programmes.findById(programmeId).orElseThrow(OutOfScopeException::new);
        jdbc.sql("INSERT INTO cohort (programme_id, code, name, description) VALUES (?, ?, ?, ?)")
                .params(programmeId, code.strip().toUpperCase(), name.strip(), description).update();
        audit.recordChange("ADD_COHORT", "programme", programmeId, programme.ownerOrganisationId(), name);
        return programmes.findById(programmeId).orElseThrow();
    }

    @Transactional
    public Contract addContract(CurrentUser user, NewContract request) {
        access.require(user, Permission.MANAGE_PROGRAMMES, request.commissionerOrganisationId());
        programmes.findById(request.programmeId()).orElseThrow(OutOfScopeException::new);
        return addContractUnchecked(request);
    }

    @Transactional
    public Contract addContractUnchecked(NewContract r) {
        Contract saved = contracts.save(new Contract(null, r.reference().strip().toUpperCase(), r.programmeId(),
                r.providerOrganisationId(), r.commissionerOrganisationId(), r.area().strip(), r.startsOn(), r.endsOn(),
                r.valuePence(), null));
        audit.recordChange("CREATE", "contract", saved.id(), r.commissionerOrganisationId(), saved.reference());
        return saved;
    }

    private Programme manageable(CurrentUser user, long id) {
        Programme programme = programmes.findById(id).orElseThrow(OutOfScopeException::new);
        access.require(user, Permission.MANAGE_PROGRAMMES, programme.ownerOrganisationId());
        return programme;
    }

    /** Every contract of a programme, by reference, whoever holds it (for rules that ask who delivers it). */
    public List<Contract> contractsOf(long programmeId) {
        return contracts.findByProgrammeIdOrderByReference(programmeId);
    }

    /** The contracts, of any programme, that an organisation in the set delivers or commissions, in one query. */
    public List<Contract> contractsDeliveredOrCommissionedBy(java.util.Collection<Long> organisationIds) {
        return organisationIds.isEmpty() ? List.of()
                : contracts.findByProviderOrganisationIdInOrCommissionerOrganisationIdIn(organisationIds,
                        organisationIds);
    }
}

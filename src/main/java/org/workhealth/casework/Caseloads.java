package org.workhealth.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.organisation.Role;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;

/**
 * Caseloads for provider managers: open cases per key worker and programme, against the programme's caseload cap
 * (a programme setting: 20 on IPS programmes), and how many of an IPS caseload are people already in work. The
 * triage accept page counts the same way, through {@link Casework#caseloads}.
 */
@Service
class Caseloads {

    /** What makes a case count in a caseload: it is open (over {@code support_case}). */
    static final String OPEN_CASE = "status = 'OPEN'";
    /** IPS is for people out of work; retention cases above this share of a caseload crowd that out. */
    static final int IN_WORK_LIMIT_PERCENT = 15;

    /** One practitioner's open cases on one programme. */
    record Caseload(long personId, String practitioner, long organisationId, String organisation, long programmeId,
            String programme, boolean ips, Integer cap, int openCases, int inWork) {

        boolean overCap() {
            return cap != null && openCases > cap;
        }
    }

    /** A provider's IPS caseload on one programme, and the share of it that is people in work. */
    record InWorkShare(String organisation, String programme, int openCases, int inWork) {

        int percent() {
            return openCases == 0 ? 0 : Math.round(inWork * 100f / openCases);
        }

        /** Strictly above the limit: exactly 15% is still within it. */
        boolean aboveLimit() {
            return inWork * 100 > IN_WORK_LIMIT_PERCENT * openCases;
        }
    }

    /** An open case held by one practitioner, for reassigning. */
    record HeldCase(long id, String reference, String fullName, String programme, LocalDate openedOn,
            long organisationId) {
    }

    /** A practitioner a case can be given to. */
    record Practitioner(long id, String fullName, long organisationId) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final StaffNames staff;
    private final People people;
    private final Organisations organisations;
    private final Programmes programmes;
    private final CaseSubjectNames subjects;

    Caseloads(JdbcClient jdbc, AuditLog audit, StaffNames staff, People people, Organisations organisations,
            Programmes programmes, CaseSubjectNames subjects) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.staff = staff;
        this.people = people;
        this.organisations = organisations;
        this.programmes = programmes;
        this.subjects = subjects;
    }

    /**
     * Open cases per key worker and programme within the organisations given, by organisation, practitioner and
     * programme name. Counted over support_case alone; the names come from their owners, one look-up each.
     */
    List<Caseload> caseloads(Set<Long> scope) {
        record Count(long personId, long organisationId, long programmeId, int openCases, int inWork) {
        }
        List<Count> counts = jdbc.sql("""
                SELECT sc.key_worker_id, sc.organisation_id, sc.programme_id, COUNT(*) AS open_cases,
                       SUM(CASE WHEN sc.employment_status_at_referral IN ('EMPLOYED', 'SELF_EMPLOYED', 'OFF_SICK')
                                THEN 1 ELSE 0 END) AS in_work
                FROM support_case sc
                WHERE sc.%s AND sc.organisation_id IN (:scope)
                GROUP BY sc.key_worker_id, sc.organisation_id, sc.programme_id
                """.formatted(OPEN_CASE)).param("scope", scope)
                .query((rs, n) -> new Count(rs.getLong("key_worker_id"), rs.getLong("organisation_id"),
                        rs.getLong("programme_id"), rs.getInt("open_cases"), rs.getInt("in_work")))
                .list();
        if (counts.isEmpty()) {
            return List.of();
        }
        Map<Long, String> people = staff.byId(counts.stream().map(Count::personId).toList());
        Map<Long, String> organisationNames = organisations.namesById();
        Map<Long, Programme> byId = programmes.all().stream()
                .collect(Collectors.toMap(Programme::id, Function.identity()));
        return counts.stream().filter(c -> people.containsKey(c.personId()) && byId.containsKey(c.programmeId()))
                .map(c -> {
                    Programme p = byId.get(c.programmeId());
                    return new Caseload(c.personId(), people.get(c.personId()), c.organisationId(),
                            organisationNames.get(c.organisationId()), p.id(), p.name(),
                            p.supportType() == SupportType.INTENSIVE_IPS, p.caseloadCap(), c.openCases(), c.inWork());
                })
                .sorted(Comparator.comparing(Caseload::organisation).thenComparing(Caseload::practitioner)
                        .thenComparing(Caseload::programme))
                .toList();
    }

    /** The in-work share of each provider's IPS caseload on each programme, from the caseloads. */
    static List<InWorkShare> inWorkShares(List<Caseload> caseloads) {
        Map<String, InWorkShare> shares = new LinkedHashMap<>();
        for (Caseload c : caseloads) {
            if (!c.ips()) {
                continue;
            }
            shares.merge(c.organisationId() + "/" + c.programmeId(),
                    new InWorkShare(c.organisation(), c.programme(), c.openCases(), c.inWork()),
                    (a, b) -> new InWorkShare(a.organisation(), a.programme(), a.openCases() + b.openCases(),
                            a.inWork() + b.inWork()));
        }
        return new ArrayList<>(shares.values());
    }

    /** Active practitioners of the organisations given, who can hold cases, by name. */
    List<Practitioner> practitioners(Set<Long> scope) {
        return people.within(scope).stream().filter(Caseloads::canHoldCases)
                .map(p -> new Practitioner(p.id(), p.fullName(), p.organisationId())).toList();
    }

    /** The open cases a practitioner holds within the organisations given. */
    List<HeldCase> heldBy(long personId, Set<Long> scope) {
        record Held(long id, String reference, long referralId, long programmeId, LocalDate openedOn,
                long organisationId) {
        }
        List<Held> held = jdbc.sql("""
                SELECT sc.id, sc.reference, sc.referral_id, sc.programme_id, sc.opened_on, sc.organisation_id
                FROM support_case sc
                WHERE sc.key_worker_id = :person AND sc.status = 'OPEN' AND sc.organisation_id IN (:scope)
                ORDER BY sc.opened_on, sc.reference
                """).param("person", personId).param("scope", scope)
                .query((rs, n) -> new Held(rs.getLong("id"), rs.getString("reference"), rs.getLong("referral_id"),
                        rs.getLong("programme_id"), rs.getDate("opened_on").toLocalDate(),
                        rs.getLong("organisation_id")))
                .list();
        if (held.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = subjects.fullNames(held.stream().map(Held::referralId).toList());
        Map<Long, String> programmeNames = programmeNames();
        return held.stream().map(h -> new HeldCase(h.id(), h.reference(), names.get(h.referralId()),
                programmeNames.get(h.programmeId()), h.openedOn(), h.organisationId())).toList();
    }

    Optional<Practitioner> practitioner(long personId) {
        return people.findAll(List.of(personId)).stream().filter(Caseloads::canHoldCases)
                .map(p -> new Practitioner(p.id(), p.fullName(), p.organisationId())).findFirst();
    }

    private static boolean canHoldCases(Person person) {
        return person.active() && person.roleSet().contains(Role.PRACTITIONER);
    }

    private Map<Long, String> programmeNames() {
        return programmes.all().stream().collect(Collectors.toMap(Programme::id, Programme::name));
    }

    /**
     * Gives an open case to another practitioner of the provider that delivers it; the case's
     * access has already been checked. Anyone else, a closed case, or a case changed meanwhile is
     * "not found", so that nothing about other organisations' staff leaks.
     *
     * @return the new key worker
     */
    @Transactional
    Practitioner reassign(SupportCase supportCase, long personId) {
        Practitioner to = practitioner(personId).filter(p -> p.organisationId() == supportCase.organisationId())
                .orElseThrow(OutOfScopeException::new);
        if (supportCase.status() != CaseStatus.OPEN) {
            throw new OutOfScopeException();
        }
        if (to.id() == supportCase.keyWorkerId()) {
            return to;
        }
        // Only from the key worker the manager saw: a concurrent reassignment is not silently overwritten.
        int changed = jdbc.sql("""
                UPDATE support_case SET key_worker_id = ?, version = version + 1
                WHERE id = ? AND key_worker_id = ? AND status = 'OPEN'
                """).params(to.id(), supportCase.id(), supportCase.keyWorkerId()).update();
        if (changed != 1) {
            throw new OutOfScopeException();
        }
        audit.recordChange("REASSIGN", "case", supportCase.id(), supportCase.organisationId(),
                "Key worker changed from person " + supportCase.keyWorkerId() + " to person " + to.id() + " ("
                        + to.fullName() + ")");
        return to;
    }
}

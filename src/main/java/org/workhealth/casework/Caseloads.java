package org.workhealth.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.OutOfScopeException;

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

    Caseloads(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Open cases per key worker and programme within the organisations given. */
    List<Caseload> caseloads(Set<Long> scope) {
        return jdbc.sql("""
                SELECT pe.id AS person_id, pe.full_name, sc.organisation_id, o.name AS organisation_name,
                       p.id AS programme_id, p.name AS programme_name, p.support_type, p.caseload_cap,
                       COUNT(*) AS open_cases,
                       SUM(CASE WHEN sc.employment_status_at_referral IN ('EMPLOYED', 'SELF_EMPLOYED', 'OFF_SICK')
                                THEN 1 ELSE 0 END) AS in_work
                FROM support_case sc
                JOIN person pe ON pe.id = sc.key_worker_id
                JOIN organisation o ON o.id = sc.organisation_id
                JOIN programme p ON p.id = sc.programme_id
                WHERE sc.%s AND sc.organisation_id IN (:scope)
                GROUP BY pe.id, pe.full_name, sc.organisation_id, o.name, p.id, p.name, p.support_type, p.caseload_cap
                ORDER BY o.name, pe.full_name, p.name
                """.formatted(OPEN_CASE)).param("scope", scope)
                .query((rs, n) -> new Caseload(rs.getLong("person_id"), rs.getString("full_name"),
                        rs.getLong("organisation_id"), rs.getString("organisation_name"), rs.getLong("programme_id"),
                        rs.getString("programme_name"), "INTENSIVE_IPS".equals(rs.getString("support_type")),
                        rs.getObject("caseload_cap", Integer.class), rs.getInt("open_cases"), rs.getInt("in_work")))
                .list();
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

    /** Active practitioners of the organisations given, who can hold cases. */
    List<Practitioner> practitioners(Set<Long> scope) {
        return jdbc.sql("""
                SELECT pe.id, pe.full_name, pe.organisation_id FROM person pe
                WHERE pe.active = TRUE AND pe.organisation_id IN (:scope)
                  AND EXISTS (SELECT 1 FROM person_role pr WHERE pr.person_id = pe.id AND pr.role = 'PRACTITIONER')
                ORDER BY pe.full_name
                """).param("scope", scope)
                .query((rs, n) -> new Practitioner(rs.getLong("id"), rs.getString("full_name"),
                        rs.getLong("organisation_id")))
                .list();
    }

    /** The open cases a practitioner holds within the organisations given. */
    List<HeldCase> heldBy(long personId, Set<Long> scope) {
        return jdbc.sql("""
                SELECT sc.id, sc.reference, r.first_name, r.last_name, p.name AS programme_name, sc.opened_on,
                       sc.organisation_id
                FROM support_case sc
                JOIN referral r ON r.id = sc.referral_id
                JOIN programme p ON p.id = sc.programme_id
                WHERE sc.key_worker_id = :person AND sc.status = 'OPEN' AND sc.organisation_id IN (:scope)
                ORDER BY sc.opened_on, sc.reference
                """).param("person", personId).param("scope", scope)
                .query((rs, n) -> new HeldCase(rs.getLong("id"), rs.getString("reference"),
                        rs.getString("first_name") + " " + rs.getString("last_name"),
                        rs.getString("programme_name"), rs.getDate("opened_on").toLocalDate(),
                        rs.getLong("organisation_id")))
                .list();
    }

    Optional<Practitioner> practitioner(long personId) {
        return jdbc.sql("""
                SELECT pe.id, pe.full_name, pe.organisation_id FROM person pe
                WHERE pe.id = ? AND pe.active = TRUE
                  AND EXISTS (SELECT 1 FROM person_role pr WHERE pr.person_id = pe.id AND pr.role = 'PRACTITIONER')
                """).param(personId)
                .query((rs, n) -> new Practitioner(rs.getLong("id"), rs.getString("full_name"),
                        rs.getLong("organisation_id")))
                .optional();
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

package org.workhealth.employer;

import org.workhealth.employer.internal.EmployerContact;
import org.workhealth.employer.internal.EmployerScope;
import org.workhealth.employer.internal.EmployerStatus;
import org.workhealth.employer.internal.MemberKind;
import org.workhealth.employer.internal.SignUpSource;
import org.workhealth.employer.internal.Site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The advisors' lists of employers, each one query over the employers a person may see ({@link EmployerScope}),
 * and one employer's full record (sites, people, contact) for its page.
 */
@Component
class EmployerDirectory {

    static final int PAGE_SIZE = 25;

    /** What the list is narrowed to; null means any. {@code advisorId} 0 means "no advisor yet". */
    record Filters(EmployerStatus status, Long advisorId, SignUpSource source) {
    }

    record Page(List<Employer> employers, int total, int number) {

        int pages() {
            return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    /** One of the employer's own people. */
    record Member(long personId, MemberKind kind) {
    }

    /** Everything the employer's page shows. */
    record Details(Employer employer, String reference, EmployerContact contact, java.time.LocalDate contactAgreedOn,
            String declinedReason, List<Site> sites, List<Member> members) {
    }

    private final JdbcClient jdbc;

    EmployerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page list(EmployerScope scope, Filters filters, int page) {
        if (scope.isEmpty()) {
            return new Page(List.of(), 0, 1);
        }
        StringBuilder where = new StringBuilder(scope.whereEmployer("e"));
        Map<String, Object> params = new HashMap<>(scope.parameters());
        if (filters.status() != null) {
            where.append(" AND e.status = :status");
            params.put("status", filters.status().name());
        }
        if (filters.source() != null) {
            where.append(" AND e.source = :source");
            params.put("source", filters.source().name());
        }
        if (filters.advisorId() != null) {
            if (filters.advisorId() == 0) {
                where.append(" AND e.advisor_id IS NULL");
            } else {
                where.append(" AND e.advisor_id = :advisor");
                params.put("advisor", filters.advisorId());
            }
        }
        int total = jdbc.sql("SELECT COUNT(*) FROM employer e WHERE " + where).params(params).query(Integer.class)
                .single();
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(Math.max(page, 1), pages);
        params.put("limit", PAGE_SIZE);
        params.put("offset", (number - 1) * PAGE_SIZE);
        List<Employer> employers = jdbc.sql("SELECT " + EmployerRows.COLUMNS + " FROM employer e WHERE " + where
                + " ORDER BY e.name, e.id LIMIT :limit OFFSET :offset").params(params).query(EmployerRows::map).list();
        return new Page(employers, total, number);
    }

    /** Sign-ups and diagnostic referrals waiting for an advisor, the longest waiting first. */
    List<Employer> queue(EmployerScope scope) {
        if (scope.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + EmployerRows.COLUMNS + " FROM employer e WHERE e.status = 'PENDING' AND "
                + scope.whereEmployer("e") + " ORDER BY e.signed_up_on, e.id").params(scope.parameters())
                .query(EmployerRows::map).list();
    }

    /** Confirmed and pending employers per advisor (0 for none yet), over the employers the person may see. */
    Map<Long, int[]> caseloads(EmployerScope scope) {
        Map<Long, int[]> counts = new HashMap<>();
        if (scope.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT COALESCE(e.advisor_id, 0) AS advisor, e.status, COUNT(*) AS n FROM employer e WHERE "
                + scope.whereEmployer("e") + " AND e.status <> 'DECLINED' GROUP BY COALESCE(e.advisor_id, 0), e.status")
                .params(scope.parameters()).query((rs, row) -> {
                    int[] pair = counts.computeIfAbsent(rs.getLong("advisor"), k -> new int[2]);
                    pair["CONFIRMED".equals(rs.getString("status")) ? 0 : 1] += rs.getInt("n");
                    return null;
                }).list();
        return counts;
    }

    Optional<Details> details(Employer employer) {
        return jdbc.sql("""
                SELECT reference, contact_name, contact_email, contact_phone, contact_agreed_on, declined_reason
                FROM employer WHERE id = :id
                """).param("id", employer.id()).query((rs, row) -> {
                    java.sql.Date agreed = rs.getDate("contact_agreed_on");
                    return new Details(employer, rs.getString("reference"), new EmployerContact(
                            rs.getString("contact_name"), rs.getString("contact_email"), rs.getString("contact_phone")),
                            agreed == null ? null : agreed.toLocalDate(),
                            rs.getString("declined_reason"), sites(employer.id()), members(employer.id()));
                }).optional();
    }

    List<Site> sites(long employerId) {
        return jdbc.sql("""
                SELECT id, employer_id, name, postcode, local_authority FROM employer_site
                WHERE employer_id = :employer ORDER BY id
                """).param("employer", employerId).query((rs, row) -> new Site(rs.getLong("id"),
                rs.getLong("employer_id"), rs.getString("name"), rs.getString("postcode"),
                rs.getString("local_authority"))).list();
    }

    List<Member> members(long employerId) {
        return jdbc.sql("SELECT person_id, kind FROM employer_member WHERE employer_id = :employer ORDER BY person_id")
                .param("employer", employerId)
                .query((rs, row) -> new Member(rs.getLong("person_id"), MemberKind.valueOf(rs.getString("kind"))))
                .list();
    }
}

package org.workhealth.casework;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other modules may know of a set of cases without reading {@code support_case}: the referral each came from,
 * its cohort and the employment status recorded when it was referred. Set-based: one query per 1,000 cases.
 */
@Service
public class CaseFacts {

    /** A case's facts; {@code cohortId} is null when the case has no cohort. */
    public record Fact(long caseId, long referralId, Long cohortId, String employmentStatusAtReferral) {
    }

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    CaseFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The facts of those of these cases that exist, in no particular order. */
    public List<Fact> of(Collection<Long> caseIds) {
        List<Long> ids = caseIds.stream().distinct().toList();
        List<Fact> facts = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            facts.addAll(jdbc.sql("""
                    SELECT id, referral_id, cohort_id, employment_status_at_referral FROM support_case
                    WHERE id IN (:ids)""").param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query((rs, n) -> new Fact(rs.getLong("id"), rs.getLong("referral_id"),
                            (Long) rs.getObject("cohort_id", Long.class), rs.getString("employment_status_at_referral")))
                    .list());
        }
        return facts;
    }
}

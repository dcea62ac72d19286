package org.workhealth.referral;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Referral references by id, for pages of other modules that list referrals by reference only (a trial's follow-up
 * list): one query per 500 ids, never one per row, and no other column leaves the module.
 */
@Service
public class ReferralReferences {

    private final JdbcClient jdbc;

    ReferralReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, String> of(Collection<Long> referralIds) {
        Map<Long, String> references = new HashMap<>();
        List<Long> all = new ArrayList<>(referralIds);
        for (int from = 0; from < all.size(); from += 500) {
            jdbc.sql("SELECT id, reference FROM referral WHERE id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 500)))
                    .query((rs, n) -> references.put(rs.getLong(1), rs.getString(2))).list();
        }
        return references;
    }
}

package org.workhealth.referral;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The answers on a set of referrals that a participant-level extract reports: names (only to look for them where
 * they must not be), age band at referral (banded by {@link ReferralEquality}'s one rule), sex, ethnicity,
 * disability and the day received. Set-based: one query per 1,000 referrals.
 */
@Service
public class ReferralProfiles {

    /** A referral's answers; {@code ageBand} is null when no date of birth was given. */
    public record Profile(long referralId, String firstName, String lastName, String ageBand, String sex,
            String ethnicity, String disability, java.time.LocalDate receivedOn) {
    }

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    ReferralProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The profiles of those of these referrals that exist, in no particular order. */
    public List<Profile> of(Collection<Long> referralIds) {
        List<Long> ids = referralIds.stream().distinct().toList();
        List<Profile> profiles = new ArrayList<>();
        String sql = "SELECT r.id, r.first_name, r.last_name, CASE WHEN r.date_of_birth IS NULL THEN NULL ELSE "
                + ReferralEquality.AGE_BAND + " END AS age_band, r.sex, r.ethnicity, r.disability, "
                + "CAST(r.received_at AS DATE) AS received_on FROM referral r WHERE r.id IN (:ids)";
        for (int from = 0; from < ids.size(); from += CHUNK) {
            profiles.addAll(jdbc.sql(sql).param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query((rs, n) -> {
                        Integer band = (Integer) rs.getObject("age_band", Integer.class);
                        return new Profile(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
                                band == null ? null : ReferralEquality.AGE_BANDS.get(band), rs.getString("sex"),
                                rs.getString("ethnicity"), rs.getString("disability"),
                                rs.getDate("received_on").toLocalDate());
                    }).list());
        }
        return profiles;
    }
}

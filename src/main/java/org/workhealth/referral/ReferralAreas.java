package org.workhealth.referral;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.workhealth.referral.internal.ReferralRules;

/**
 * Which organisation covers a referral: by the person's GP practice first, then the district of
 * their postcode. Areas are data, kept by hubs and localities.
 */
@Service
public class ReferralAreas {

    private final JdbcClient jdbc;

    ReferralAreas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long organisationId, AreaKind kind, String code) {
        jdbc.sql("INSERT INTO referral_area (organisation_id, kind, code) VALUES (?, ?, ?)")
                .params(organisationId, kind.name(), code.strip().toUpperCase(Locale.UK)).update();
    }

    /** The covering organisation, if any area matches. */
    public Optional<Long> coveringOrganisation(String gpPracticeCode, String postcode) {
        if (gpPracticeCode != null && !gpPracticeCode.isBlank()) {
            Optional<Long> byPractice = find(AreaKind.GP_PRACTICE, gpPracticeCode.strip().toUpperCase(Locale.UK));
            if (byPractice.isPresent()) {
                return byPractice;
            }
        }
        String district = ReferralRules.postcodeDistrict(postcode);
        return district == null ? Optional.empty() : find(AreaKind.POSTCODE_DISTRICT, district);
    }

    /**
     * The covering organisation of each of many codes of one kind (already stripped and in upper
     * case), code → organisation; codes no area covers are absent. For bulk files: one query per
     * 500 codes instead of one per row.
     */
    Map<String, Long> covering(AreaKind kind, Collection<String> codes) {
        Map<String, Long> found = new HashMap<>();
        List<String> all = new ArrayList<>(codes);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> some = all.subList(from, Math.min(all.size(), from + 500));
            jdbc.sql("SELECT code, organisation_id FROM referral_area WHERE kind = :kind AND code IN (:codes)")
                    .param("kind", kind.name()).param("codes", some)
                    .query(rs -> {
                        found.put(rs.getString("code"), rs.getLong("organisation_id"));
                    });
        }
        return found;
    }

    private Optional<Long> find(AreaKind kind, String code) {
        return jdbc.sql("SELECT organisation_id FROM referral_area WHERE kind = ? AND code = ?")
                .params(kind.name(), code).query(Long.class).optional();
    }
}

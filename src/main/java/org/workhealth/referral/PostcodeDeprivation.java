package org.workhealth.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.referral.internal.ReferralRules;

/**
 * The area deprivation lookup: each postcode's English Indices of Deprivation decile (1 most deprived, 10 least),
 * uploaded by a national administrator (docs/performance.md, "Area: deprivation decile"). A referral whose postcode
 * is not in the lookup has no decile and counts as "Not known". Deciles are about an area, not a person, but joined
 * to a referral they say where someone lives, so they leave this module only as counts or for the referrals asked.
 */
@Service
class PostcodeDeprivation {

    /** What the lookup holds now. {@code loadedBy} is null for the demo's illustrative lookup. */
    public record Load(Instant loadedAt, Long loadedBy, String fileName, int postcodes, boolean illustrative) {
    }

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditLog audit;
    private final Clock clock;

    PostcodeDeprivation(JdbcClient jdbc, JdbcTemplate template, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Replaces the whole lookup with the file's rows in one transaction: anyone counting meanwhile sees the old
     * lookup or the new one, never a mixture, and a failure leaves the old one.
     */
    @Transactional
    void replace(DeprivationFile.Result file, String fileName, Long loadedBy, boolean illustrative) {
        if (!file.usable()) {
            throw new IllegalArgumentException("A file with bad rows is never loaded");
        }
        jdbc.sql("DELETE FROM postcode_deprivation").update();
        List<Object[]> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < file.size(); i++) {
            batch.add(new Object[] {file.postcode(i), file.decile(i)});
            if (batch.size() == BATCH) {
                template.batchUpdate("INSERT INTO postcode_deprivation (postcode, imd_decile) VALUES (?, ?)", batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            template.batchUpdate("INSERT INTO postcode_deprivation (postcode, imd_decile) VALUES (?, ?)", batch);
        }
        jdbc.sql("""
                INSERT INTO postcode_deprivation_load (loaded_at, loaded_by, file_name, postcodes, illustrative)
                VALUES (?, ?, ?, ?, ?)""").params(Timestamp.from(clock.instant()), loadedBy, fileName, file.size(),
                illustrative).update();
        audit.recordChange("IMPORT", "postcode-deprivation", null, null, "Replaced the area deprivation lookup with "
                + fileName + ": " + file.size() + " postcodes" + (illustrative ? " (illustrative)" : ""));
    }

    /** The latest load, if the lookup has ever been loaded. */
    public Optional<Load> current() {
        return jdbc.sql("""
                SELECT loaded_at, loaded_by, file_name, postcodes, illustrative FROM postcode_deprivation_load
                ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""").query((rs, n) -> new Load(
                rs.getTimestamp("loaded_at").toInstant(), (Long) rs.getObject("loaded_by", Long.class),
                rs.getString("file_name"), rs.getInt("postcodes"), rs.getBoolean("illustrative"))).optional();
    }

    /** The decile of a postcode (in any spacing or case), if the lookup has it. */
    public Optional<Integer> decile(String postcode) {
        String normal = ReferralRules.normalisePostcode(postcode);
        if (normal == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT imd_decile FROM postcode_deprivation WHERE postcode = ?").param(normal)
                .query(Integer.class).optional();
    }

    /**
     * The decile of each of these referrals whose postcode the lookup has (others are absent: "Not known"), one
     * query per 500 referrals: for evaluation extracts and reports that hold referral ids.
     */
    public Map<Long, Integer> decilesOfReferrals(Collection<Long> referralIds) {
        Map<Long, Integer> deciles = new HashMap<>();
        List<Long> all = new ArrayList<>(referralIds);
        for (int from = 0; from < all.size(); from += 500) {
            jdbc.sql("""
                    SELECT r.id, d.imd_decile FROM referral r JOIN postcode_deprivation d ON d.postcode = r.postcode
                    WHERE r.id IN (:ids)""").param("ids", all.subList(from, Math.min(all.size(), from + 500)))
                    .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> deciles.put(rs.getLong(1),
                            rs.getInt(2)));
        }
        return deciles;
    }
}

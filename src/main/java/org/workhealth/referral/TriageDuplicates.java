package org.workhealth.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/** Possible duplicates of a referral, and staff's judgement on each pair. Nothing is merged. */
@Service
class TriageDuplicates {

    enum DuplicateDecision {
        LINKED("Same person — linked"), SEPARATE("Different people — kept separate");

        private final String label;

        DuplicateDecision(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    record PossibleDuplicate(long id, String reference, String fullName, Instant receivedAt, ReferralStatus status,
            String organisationName, String why, DuplicateDecision decision) {
    }

    private static final String DECIDE = "UPDATE referral_duplicate SET decision = ?, decided_by = ?, decided_at = ? "
            + "WHERE referral_id = ? AND other_referral_id = ?";

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final ReferralNames names;
    private final ReferralTimeline timeline;
    private final AuditLog audit;
    private final Clock clock;

    TriageDuplicates(JdbcClient jdbc, AccessPolicy access, ReferralNames names, ReferralTimeline timeline,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.names = names;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Other referrals, in the person's scope, for the same NHS number or the same name, date of birth and
     * postcode, with any decision already taken on each pair. Ones outside their scope are not shown:
     * that would tell them about a referral they may not see.
     */
    List<PossibleDuplicate> of(CurrentUser user, ReferralDetails referral) {
        Set<Long> scope = access.scope(user);
        Map<Long, String> organisations = names.organisations();
        // Set-based: the indexes on match_key and nhs_number find the few candidates.
        String orSameNhs = referral.nhsNumber() == null ? "" : " OR r.nhs_number = :nhs";
        return jdbc.sql("""
                SELECT r.id, r.reference, r.first_name, r.last_name, r.received_at, r.status,
                       r.routed_organisation_id, r.nhs_number, r.match_key, d.decision
                FROM referral r
                LEFT JOIN referral_duplicate d
                  ON (d.referral_id = r.id AND d.other_referral_id = :id)
                  OR (d.referral_id = :id AND d.other_referral_id = r.id)
                WHERE r.id <> :id AND r.routed_organisation_id IN (:scope)
                  AND (r.match_key = :matchKey%s)
                ORDER BY r.received_at DESC, r.id DESC
                """.formatted(orSameNhs))
                .param("id", referral.id()).param("scope", scope).param("matchKey", referral.matchKey())
                .params(referral.nhsNumber() == null ? Map.of() : Map.of("nhs", referral.nhsNumber()))
                .query((rs, n) -> {
                    String nhs = rs.getString("nhs_number");
                    boolean sameNhs = nhs != null && nhs.equals(referral.nhsNumber());
                    boolean sameKey = referral.matchKey().equals(rs.getString("match_key"));
                    String why = sameNhs && sameKey ? "Same NHS number, name, date of birth and postcode"
                            : sameNhs ? "Same NHS number" : "Same name, date of birth and postcode";
                    String decision = rs.getString("decision");
                    return new PossibleDuplicate(rs.getLong("id"), rs.getString("reference"),
                            rs.getString("first_name") + " " + rs.getString("last_name"),
                            ReferralDetails.instant(rs, "received_at"), ReferralStatus.valueOf(rs.getString("status")),
                            organisations.get(rs.getLong("routed_organisation_id")), why,
                            decision == null ? null : DuplicateDecision.valueOf(decision));
                })
                .list();
    }

    /**
     * Records staff's judgement on a possible duplicate, on both referrals' timelines.
     * @throws OutOfScopeException when the other referral is not a possible duplicate the person can see
     */
    @Transactional
    void decide(CurrentUser user, ReferralDetails referral, long otherId, DuplicateDecision decision) {
        PossibleDuplicate other = of(user, referral).stream().filter(d -> d.id() == otherId).findFirst()
                .orElseThrow(OutOfScopeException::new);
        long low = Math.min(referral.id(), otherId);
        long high = Math.max(referral.id(), otherId);
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        int updated = jdbc.sql(DECIDE).params(decision.name(), user.id(), at, low, high).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO referral_duplicate (referral_id, other_referral_id, decision, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)")
                        .params(low, high, decision.name(), user.id(), at).update();
            } catch (DuplicateKeyException raced) {
                jdbc.sql(DECIDE).params(decision.name(), user.id(), at, low, high).update();
            }
        }
        String kind = decision == DuplicateDecision.LINKED ? "DUPLICATE_LINKED" : "DUPLICATE_SEPARATE";
        timeline.record(referral.id(), user.id(), kind, decision.label() + " with referral " + other.reference(), now);
        timeline.record(otherId, user.id(), kind, decision.label() + " with referral " + referral.reference(), now);
        audit.recordChange(kind, "referral", referral.id(), referral.routedOrganisationId(),
                decision.label() + " with referral " + otherId);
    }
}

package org.workhealth.referral;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workhealth.audit.AuditLog;
import org.workhealth.audit.AuditedRecord;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;

/** Referrers see what became of their organisation's referrals: a status, and nothing of the casework. */
@Controller
class ReferrerReferralsController {

    record MadeReferral(long id, String reference, String name, Instant receivedAt, ReferralStatus status) {
    }

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;

    ReferrerReferralsController(JdbcClient jdbc, AccessPolicy access, AuditLog audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/referrals/mine")
    String mine(CurrentUser user, Model model) {
        ReferralFormController.requireReferrer(user);
        Set<Long> scope = access.scope(user);
        List<MadeReferral> referrals = jdbc.sql("""
                SELECT id, reference, first_name, last_name, received_at, status FROM referral
                WHERE referrer_organisation_id IN (:scope)
                ORDER BY received_at DESC LIMIT 200
                """).param("scope", scope)
                .query((rs, n) -> new MadeReferral(rs.getLong("id"), rs.getString("reference"),
                        rs.getString("first_name") + " " + rs.getString("last_name"),
                        rs.getTimestamp("received_at").toInstant(), ReferralStatus.valueOf(rs.getString("status"))))
                .list();
        audit.recordListView("referral-list", AuditedRecord.all("referral",
                referrals.stream().map(MadeReferral::id).toList()));
        model.addAttribute("referrals", referrals);
        model.addAttribute("mayUpload", ReferralUploads.mayUpload(user));
        return "referral/mine";
    }

}

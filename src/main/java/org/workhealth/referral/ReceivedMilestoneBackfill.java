package org.workhealth.referral;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.referral.internal.ReferralMilestones;

/**
 * At start-up, gives every referral that lacks them the "referral received" and "referral responded to"
 * milestones, by the same rules as intake and triage ({@link ReferralMilestones}). Before those rules, only
 * referrals that triage gave a programme had the first, so the Referrals KPI missed those signposted, declined or
 * waiting, and none had the second. It runs once per database (marked done in {@code referral_backfill}), since
 * from then on intake and triage write both as they happen; and it is idempotent besides: a milestone already there
 * is left alone. Referrals are read a thousand at a time; each is written in its own transaction, and one in a
 * locked period is skipped and logged (a locked period's figures may not change).
 */
@Component
class ReceivedMilestoneBackfill implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ReceivedMilestoneBackfill.class);

    private final JdbcClient jdbc;
    private final Milestones milestones;
    private final ReferralMilestones referralMilestones;
    private final TransactionTemplate transactions;

    ReceivedMilestoneBackfill(JdbcClient jdbc, Milestones milestones, ReferralMilestones referralMilestones,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.milestones = milestones;
        this.referralMilestones = referralMilestones;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    private static final String NAME = "referral received and responded milestones";
    private static final int PAGE = 1000;

    @Override
    public void run(ApplicationArguments args) {
        boolean done = jdbc.sql("SELECT COUNT(*) FROM referral_backfill WHERE name = ?").param(NAME)
                .query(Integer.class).single() > 0;
        if (done) {
            return;
        }
        backfill();
        try {
            jdbc.sql("INSERT INTO referral_backfill (name, done_at) VALUES (?, CURRENT_TIMESTAMP)").param(NAME).update();
        } catch (DuplicateKeyException anotherNodeFinishedFirst) {
            // Both ran the idempotent backfill; one mark is enough.
        }
    }

    /** @return how many milestones were written */
    int backfill() {
        int written = 0;
        int skipped = 0;
        long after = 0;
        while (true) {
            List<Long> referrals = jdbc.sql("SELECT id FROM referral WHERE id > ? ORDER BY id FETCH FIRST " + PAGE
                    + " ROWS ONLY").param(after).query(Long.class).list();
            if (referrals.isEmpty()) {
                break;
            }
            after = referrals.get(referrals.size() - 1);
            Set<Long> responded = milestones.referralsWith(MilestoneType.REFERRAL_RESPONDED, referrals);
            for (long id : referrals) {
                if (responded.contains(id)) {
                    continue;
                }
                try {
                    Boolean wrote = transactions.execute(status -> referralMilestones.recordReceived(id, null)
                            .isPresent() | referralMilestones.recordResponded(id, null).isPresent());
                    written += Boolean.TRUE.equals(wrote) ? 1 : 0;
                } catch (RuntimeException e) {
                    skipped++;
                    LOG.warn("Referral {} left without its \"referral received\" or \"responded to\" milestone: {}",
                            id, e.getMessage());
                }
            }
        }
        if (written > 0 || skipped > 0) {
            LOG.info("\"Referral received\" or \"responded to\" milestones written for {} referrals ({} skipped)",
                    written, skipped);
        }
        return written;
    }
}

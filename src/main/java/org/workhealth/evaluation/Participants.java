package org.workhealth.evaluation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.workhealth.milestone.MilestoneExtractSource;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.ReferralExtractSource;
import org.workhealth.research.ResearchConsent;
import org.workhealth.research.ResearchConsents;
import org.workhealth.trial.Trial;
import org.workhealth.trial.TrialExtractSource;

/**
 * Walks the people an agreement covers, one at a time, in referral id order: the referral module's stream merged
 * with the milestone module's (both ordered by referral id, so a merge join holds one row of each), the trial's
 * allocations (a small map), and research consent withdrawals (a small map). Nothing is collected into a list, so
 * memory stays flat whatever the size: the writer is fed row by row.
 */
@Service
class Participants {

    private final ReferralExtractSource referrals;
    private final MilestoneExtractSource milestones;
    private final TrialExtractSource trials;
    private final ResearchConsents consents;
    private final Programmes programmes;
    private final AccessPolicy access;
    private final Agreements agreements;
    private final TransactionTemplate readOnly;

    Participants(ReferralExtractSource referrals, MilestoneExtractSource milestones, TrialExtractSource trials,
            ResearchConsents consents, Programmes programmes, AccessPolicy access, Agreements agreements,
            PlatformTransactionManager transactions) {
        this.referrals = referrals;
        this.milestones = milestones;
        this.trials = trials;
        this.consents = consents;
        this.programmes = programmes;
        this.access = access;
        this.agreements = agreements;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    Trial trial(Agreement agreement) {
        return agreement.trialId() == null ? null : trials.trial(agreement.trialId()).orElse(null);
    }

    /** Calls {@code each} for every person the agreement covers and research consent lets be used. */
    void forEach(Agreement agreement, Consumer<Participant> each) {
        Programme programme = programmes.find(agreement.programmeId()).orElseThrow();
        Trial trial = trial(agreement);
        Map<Long, TrialExtractSource.Participant> allocated = trial == null ? null
                : trials.participants(trial.id());
        Map<Long, LocalDate> cutOff = new HashMap<>();
        Set<Long> excluded = new java.util.HashSet<>();
        withdrawals(programme.code(), cutOff, excluded);
        if (trial != null) {
            withdrawals(trial.code(), cutOff, excluded);
        }
        Map<Long, String> cohorts = new HashMap<>();
        programme.cohorts().forEach(c -> cohorts.put(c.id(), c.code()));
        Pseudonyms pseudonyms = agreements.pseudonyms(agreement);
        Set<Long> scope = access.scopeOf(agreement.ownerOrganisationId());
        readOnly.executeWithoutResult(status -> {
            try (Stream<ReferralExtractSource.Row> people = referrals.stream(programme.id(), scope,
                    agreement.dataFrom(), agreement.dataTo());
                    Stream<MilestoneExtractSource.Row> steps = milestones.stream(programme.id())) {
                merge(people.iterator(), steps.iterator(), (person, own) -> {
                    long id = person.referralId();
                    if (excluded.contains(id) || (allocated != null && !allocated.containsKey(id))) {
                        return;
                    }
                    LocalDate last = agreement.dataTo();
                    LocalDate withdrawn = cutOff.get(id);
                    if (withdrawn != null && withdrawn.isBefore(last)) {
                        last = withdrawn;
                    }
                    each.accept(new Participant(person, own, allocated == null ? null : allocated.get(id),
                            pseudonyms.of(id), person.cohortId() == null ? null : cohorts.get(person.cohortId()),
                            agreement.dateHandling(), agreement.dateHandling() == DateHandling.SHIFTED
                                    ? pseudonyms.shiftDays(id, agreement.shiftDays()) : 0, last));
                });
            }
        });
    }

    /**
     * A merge join of two iterators ordered by referral id: each person with their milestones (or null), one pair at
     * a time, holding one row of each. Nothing is collected, so it works on a stream of any length.
     */
    static void merge(Iterator<ReferralExtractSource.Row> people, Iterator<MilestoneExtractSource.Row> steps,
            BiConsumer<ReferralExtractSource.Row, MilestoneExtractSource.Row> each) {
        MilestoneExtractSource.Row step = steps.hasNext() ? steps.next() : null;
        while (people.hasNext()) {
            ReferralExtractSource.Row person = people.next();
            while (step != null && step.referralId() < person.referralId()) {
                step = steps.hasNext() ? steps.next() : null;
            }
            each.accept(person, step != null && step.referralId() == person.referralId() ? step : null);
        }
    }

    /**
     * Withdrawal of "data already collected": the person is left out. Of "further data": nothing dated after the
     * withdrawal is used. Withdrawal of contact alone changes nothing in an extract.
     */
    private void withdrawals(String studyCode, Map<Long, LocalDate> cutOff, Set<Long> excluded) {
        for (ResearchConsent c : consents.withdrawals(studyCode).values()) {
            if (c.noCollectedData()) {
                excluded.add(c.referralId());
            } else if (c.noFurtherData() && c.withdrawnOn() != null) {
                cutOff.merge(c.referralId(), c.withdrawnOn(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
    }
}

package org.workhealth.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.workhealth.casework.CaseFacts;
import org.workhealth.milestone.FirstMilestone;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.programme.Programme;
import org.workhealth.referral.ReferralProfiles;

/**
 * The participant-level extract of a return, made from what the owning modules say: each case's first milestones
 * from the milestone record, the case's referral and cohort from casework, the referral's answers from referral and
 * the cohort's code from the programme. One question to each module per return, whatever the number of
 * participants; the rows are then written in one batch.
 */
@Component
class ReturnExtracts {

    private final Milestones milestones;
    private final CaseFacts cases;
    private final ReferralProfiles referrals;
    private final ReturnStore store;

    ReturnExtracts(Milestones milestones, CaseFacts cases, ReferralProfiles referrals, ReturnStore store) {
        this.milestones = milestones;
        this.cases = cases;
        this.referrals = referrals;
        this.store = store;
    }

    /**
     * Writes the return's rows: one per case with a first milestone under the contracts by the day, giving each
     * new participant a pseudonym.
     *
     * @return the number of rows
     */
    int compile(long returnId, Programme programme, List<Long> contractIds, LocalDate upTo, Instant at) {
        Map<Long, Map<MilestoneType, FirstMilestone>> firsts = new TreeMap<>();
        // Participants are the cases with a first milestone under the return's contracts; their row shows every
        // first milestone of the case by the day, under whichever contract it came (as compiled returns always have).
        for (FirstMilestone first : milestones.firstsOfParticipants(contractIds, upTo)) {
            firsts.computeIfAbsent(first.caseId(), c -> new EnumMap<>(MilestoneType.class)).put(first.type(), first);
        }
        if (firsts.isEmpty()) {
            return 0;
        }
        Map<Long, String> pseudonyms = store.pseudonyms(firsts.keySet(), at);
        Map<Long, String> cohorts = programme.cohorts().stream()
                .collect(Collectors.toMap(Programme.Cohort::id, Programme.Cohort::code));
        List<CaseFacts.Fact> facts = cases.of(firsts.keySet());
        Map<Long, ReferralProfiles.Profile> profiles = referrals.of(facts.stream().map(CaseFacts.Fact::referralId)
                .toList()).stream().collect(Collectors.toMap(ReferralProfiles.Profile::referralId, Function.identity()));
        List<ExtractRow> rows = new ArrayList<>();
        for (CaseFacts.Fact fact : facts) {
            ReferralProfiles.Profile p = profiles.get(fact.referralId());
            if (p == null) {
                continue;
            }
            Map<MilestoneType, FirstMilestone> first = firsts.get(fact.caseId());
            FirstMilestone exit = first.get(MilestoneType.EXIT);
            rows.add(new ExtractRow(pseudonyms.get(fact.caseId()), cohorts.get(fact.cohortId()), p.ageBand(), p.sex(),
                    p.ethnicity(), p.disability(), fact.employmentStatusAtReferral(), p.receivedOn(),
                    on(first, MilestoneType.ENGAGEMENT), on(first, MilestoneType.ACTION_PLAN_AGREED),
                    on(first, MilestoneType.JOB_START), on(first, MilestoneType.JOB_RETENTION),
                    exit == null ? null : exit.occurredOn(),
                    exit == null ? null : exit.attribute("reason")));
        }
        store.insertRows(returnId, rows);
        return rows.size();
    }

    /**
     * The first and last names of the return's participants, for the personal data scan only: they never leave
     * its caller, which looks for them in the extract.
     */
    List<String[]> participantNames(long returnId) {
        List<Long> referralIds = cases.of(store.participantCases(returnId)).stream()
                .map(CaseFacts.Fact::referralId).toList();
        return referrals.of(referralIds).stream().map(p -> new String[] {p.firstName(), p.lastName()}).toList();
    }


    private static LocalDate on(Map<MilestoneType, FirstMilestone> first, MilestoneType type) {
        FirstMilestone milestone = first.get(type);
        return milestone == null ? null : milestone.occurredOn();
    }
}

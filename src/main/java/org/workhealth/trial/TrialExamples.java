package org.workhealth.trial;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.Role;
import org.workhealth.programme.Contract;
import org.workhealth.referral.ReferralBatchExamples;
import org.workhealth.referral.ReferralStatus;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.internal.PermutedBlocks;
import org.workhealth.trial.internal.TrialDesign;
import org.workhealth.trial.internal.TrialRepository;
import org.workhealth.trial.internal.TrialSeedCipher;

/**
 * The demo's Thrive into Work IPS trial, its numbers the public report's scaled down 1:10 (5,545 referrals, 3,008
 * randomised, 298 job starts: about 555, 301 and 30), written set-based so start-up stays quick. The allocations
 * are the real permuted-blocks sequence of the trial's own seed (so the audit replay works on the demo too); the
 * rest (who was excluded, who engaged, outcomes, drop-outs) is drawn from a fixed pseudo-random stream so every
 * start makes the same demo. Research consents are not made here: the research module records them.
 */
@Component
public class TrialExamples {

    private static final int REFERRED = 555;
    private static final int RANDOMISED = 301;
    private static final int NOT_ELIGIBLE = 120;
    private static final int DECLINED = 70;
    private static final int OTHER = 25;

    private final Trials trials;
    private final TrialRepository repository;
    private final TrialSeedCipher cipher;
    private final ReferralBatchExamples referrals;
    private final Milestones milestones;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TrialExamples(Trials trials, TrialRepository repository, TrialSeedCipher cipher, ReferralBatchExamples referrals,
            Milestones milestones, JdbcTemplate jdbc, Clock clock) {
        this.trials = trials;
        this.repository = repository;
        this.cipher = cipher;
        this.referrals = referrals;
        this.milestones = milestones;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param contracts the programme's contracts, so each referral and engagement counts under the right one */
    public long thriveIntoWork(long programmeId, long hub, long provider, long triager, List<Contract> contracts) {
        LocalDate today = LocalDate.now(clock);
        Random random = new Random(16);
        Trial trial = trials.createUnchecked(new TrialDesign(programmeId, "TIW-IPS-RCT",
                "Thrive into Work IPS trial in primary care", TrialUnit.PARTICIPANT, AllocationMethod.PERMUTED_BLOCKS,
                List.of(new Arm("IPS", "Individual placement and support", 1, false),
                        new Arm("USUAL", "Usual care", 1, true)),
                List.of(), List.of(1, 2, 3), 0.8, today.minusDays(550), today.plusDays(60), 330,
                EnumSet.of(Role.COMMISSIONER, Role.EVALUATOR),
                "Signposted to usual care: GP, NHS Talking Therapies and Jobcentre Plus", List.of(12, 26, 52)), hub);
        // What became of each referral, in the order they came in: randomised, excluded (why), or never assessed.
        List<String> fates = new ArrayList<>();
        fates.addAll(Collections.nCopies(RANDOMISED, "R"));
        fates.addAll(Collections.nCopies(NOT_ELIGIBLE, "NOT_ELIGIBLE"));
        fates.addAll(Collections.nCopies(DECLINED, "DECLINED"));
        fates.addAll(Collections.nCopies(OTHER, "OTHER"));
        fates.addAll(Collections.nCopies(REFERRED - fates.size(), "U"));
        Collections.shuffle(fates, random);
        byte[] seed = TrialSeedCipher.newSeed();
        PermutedBlocks blocks = new PermutedBlocks(seed, trial.id(), trial.arms(), trial.blockMultipliers());
        List<ReferralBatchExamples.Example> examples = new ArrayList<>();
        List<String> arms = new ArrayList<>();
        int position = 0;
        for (int i = 0; i < REFERRED; i++) {
            LocalDate received = today.minusDays(545 - (long) i * 535 / REFERRED);
            String fate = fates.get(i);
            String arm = fate.equals("R") ? blocks.armAt("ALL", position++) : null;
            arms.add(arm);
            ReferralStatus status = arm != null ? ("USUAL".equals(arm) ? ReferralStatus.SIGNPOSTED
                    : ReferralStatus.ACCEPTED) : fate.equals("U") ? ReferralStatus.UNABLE_TO_CONTACT
                    : ReferralStatus.DECLINED;
            examples.add(new ReferralBatchExamples.Example(received, status, random.nextInt(100) < 35));
        }
        List<Long> ids = referrals.received(programmeId, provider, examples, on -> contract(contracts, on));
        List<Object[]> allocations = new ArrayList<>();
        List<Object[]> exclusions = new ArrayList<>();
        position = 0;
        for (int i = 0; i < REFERRED; i++) {
            Timestamp at = at(examples.get(i).receivedOn().plusDays(7));
            String arm = arms.get(i);
            if (arm != null) {
                allocations.add(new Object[] {trial.id(), ids.get(i), provider, position++, arm, triager, at,
                        "USUAL".equals(arm) ? trial.controlAction() : null});
            } else if (!fates.get(i).equals("U")) {
                exclusions.add(new Object[] {trial.id(), ids.get(i), provider, fates.get(i), triager, at});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO trial_allocation (trial_id, unit_type, unit_id, unit_organisation_id, stratum_key, position,
                    arm_code, allocated_by, allocated_at, control_action)
                VALUES (?, 'PARTICIPANT', ?, ?, 'ALL', ?, ?, ?, ?, ?)""", allocations);
        jdbc.batchUpdate("""
                INSERT INTO trial_exclusion (trial_id, unit_type, unit_id, unit_organisation_id, reason, recorded_by,
                    recorded_at) VALUES (?, 'PARTICIPANT', ?, ?, ?, ?, ?)""", exclusions);
        jdbc.update("INSERT INTO trial_stratum (trial_id, stratum_key, next_position) VALUES (?, 'ALL', ?)",
                trial.id(), RANDOMISED);
        repository.lock(trial.id(), cipher.encrypt(seed), at(examples.get(0).receivedOn().plusDays(7)).toInstant());
        followUp(trial, provider, triager, contracts, today, random);
        return trial.id();
    }

    /** Starts a job for {@code count} of the people followed up, before their first recorded outcome. */
    private static void jobStarts(List<List<Object[]>> followed, int count, Random random) {
        Collections.shuffle(followed, random);
        for (List<Object[]> person : followed.subList(0, Math.min(count, followed.size()))) {
            Object[] first = person.stream().filter(p -> "RECORDED".equals(p[3])).findFirst().orElseThrow();
            LocalDate started = ((Date) first[4]).toLocalDate().minusDays(1 + random.nextInt(40));
            for (Object[] p : person) {
                if ("RECORDED".equals(p[3]) && !((Date) p[4]).toLocalDate().isBefore(started)) {
                    p[5] = true;
                    p[6] = Date.valueOf(started);
                    p[7] = 16 + random.nextInt(22);
                }
            }
        }
    }

    /** Follow-up points, outcomes, job starts, engagements, drop-outs and two randomised in error. */
    private void followUp(Trial trial, long provider, long triager, List<Contract> contracts, LocalDate today,
            Random random) {
        List<Allocation> made = repository.allocations(trial.id());
        List<Object[]> points = new ArrayList<>();
        List<Object[]> dropOuts = new ArrayList<>();
        List<NewMilestone> engagements = new ArrayList<>();
        List<List<Object[]>> followedIps = new ArrayList<>();
        List<List<Object[]>> followedUsual = new ArrayList<>();
        for (Allocation a : made) {
            LocalDate on = LocalDate.ofInstant(a.allocatedAt(), ZoneOffset.UTC);
            boolean ips = "IPS".equals(a.armCode());
            List<Object[]> own = new ArrayList<>();
            for (int week : trial.followUpWeeks()) {
                LocalDate due = on.plusWeeks(week);
                int roll = random.nextInt(100);
                if (due.isAfter(today.minusDays(14)) || roll >= 92) {
                    own.add(new Object[] {a.id(), week, Date.valueOf(due), "DUE", null, null, null, null, null,
                            null, null, null});
                } else if (roll >= 80) {
                    own.add(new Object[] {a.id(), week, Date.valueOf(due), "LOST", null, null, null, null, null,
                            "No reply to three calls and a letter", at(due.plusDays(14)), triager});
                } else {
                    LocalDate assessed = due.plusDays(random.nextInt(10));
                    assessed = assessed.isAfter(today) ? today : assessed;
                    own.add(new Object[] {a.id(), week, Date.valueOf(due), "RECORDED", Date.valueOf(assessed),
                            false, null, null, Math.min(35, 14 + random.nextInt(15) + (ips ? 2 : 0)), null,
                            at(assessed), triager});
                }
            }
            points.addAll(own);
            if (own.stream().anyMatch(p -> "RECORDED".equals(p[3]))) {
                (ips ? followedIps : followedUsual).add(own);
            }
            if (ips && random.nextInt(100) < 88) {
                LocalDate engaged = on.plusDays(7 + random.nextInt(14));
                engagements.add(new NewMilestone(MilestoneType.ENGAGEMENT, null, a.unitId(), trial.programmeId(),
                        contract(contracts, engaged), provider, engaged.isAfter(today) ? today : engaged, Map.of(),
                        triager));
            }
            LocalDate stopped = on.plusDays(20 + random.nextInt(100));
            if (ips && random.nextInt(100) < 8 && !stopped.isAfter(today)) {
                String[] reasons = {"NO_LONGER_WISHES", "HEALTH", "NOT_CONTACTABLE", "MOVED_AWAY"};
                dropOuts.add(new Object[] {a.id(), Date.valueOf(stopped), reasons[random.nextInt(reasons.length)],
                        triager, at(stopped)});
            }
        }
        // The report's 298 job starts, scaled 1:10: 30, seven in ten of them in the IPS arm, among people with an
        // outcome recorded, so the figure is the same however the trial's own seed split the arms.
        jobStarts(followedIps, 21, random);
        jobStarts(followedUsual, 9, random);
        jdbc.batchUpdate("""
                INSERT INTO trial_follow_up (allocation_id, week, due_on, status, assessed_on, in_paid_work,
                    job_started_on, hours_per_week, wellbeing_score, lost_reason, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", points);
        jdbc.batchUpdate("""
                INSERT INTO trial_drop_out (allocation_id, dropped_on, reason, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?)""", dropOuts);
        milestones.recordAll(engagements);
        String[] mistakes = {"Not eligible: already receiving IPS from another service",
                "Wrong person randomised: a duplicate referral"};
        for (int i = 0; i < mistakes.length; i++) {
            Allocation a = made.get(40 + i * 97);
            repository.markInError(a.id(), triager, a.allocatedAt().plusSeconds(86_400), mistakes[i]);
        }
    }

    private static Long contract(List<Contract> contracts, LocalDate on) {
        return contracts.stream().filter(c -> !on.isBefore(c.startsOn()) && !on.isAfter(c.endsOn()))
                .map(Contract::id).findFirst().orElse(null);
    }

    private static Timestamp at(LocalDate date) {
        return Timestamp.from(date.atTime(LocalTime.of(11, 0)).toInstant(ZoneOffset.UTC));
    }
}

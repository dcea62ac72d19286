package org.workhealth.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.internal.StratificationFactor;
import org.workhealth.trial.internal.TrialDesign;
import org.workhealth.trial.internal.TrialLockedException;
import org.workhealth.trial.internal.UnitFacts;
import org.workhealth.trial.internal.Randomiser;
import org.workhealth.trial.internal.PermutedBlocks;

/** Randomisation through the service: once, atomically, locked design, control arm, errors, seed, access. */
@SpringBootTest
@AutoConfigureMockMvc
class RandomisationTest {

    private final TrialFixtures fixtures;
    private final Trials trials;
    private final Randomiser randomiser;
    private final JdbcClient jdbc;
    private final CurrentUser commissioner;
    private final CurrentUser coach;

    @Autowired
    RandomisationTest(TrialFixtures fixtures, Trials trials, Randomiser randomiser, JdbcClient jdbc) {
        this.fixtures = fixtures;
        this.trials = trials;
        this.randomiser = randomiser;
        this.jdbc = jdbc;
        this.commissioner = fixtures.user(SignIn.WMCA_COMMISSIONER);
        this.coach = fixtures.user("specialist@bchft.workhealth.example");
    }

    private static UnitFacts unit(String locality, String inWork) {
        return new UnitFacts(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), 1L,
                Map.of(StratificationFactor.LOCALITY, locality, StratificationFactor.IN_WORK, inWork));
    }

    @Test
    void twentyConcurrentRandomisationsOfOneReferralMakeExactlyOneAllocation() throws Exception {
        Trial trial = fixtures.trial(commissioner, AllocationMethod.PERMUTED_BLOCKS,
                List.of(StratificationFactor.LOCALITY, StratificationFactor.IN_WORK));
        UnitFacts unit = unit("Bury", "IN_WORK");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Long>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return randomiser.randomise(coach, trial.id(), unit).id();
                }));
            }
            start.countDown();
            Set<Long> ids = new java.util.HashSet<>();
            for (Future<Long> result : results) {
                ids.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM trial_allocation WHERE trial_id = ?").param(trial.id())
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT next_position FROM trial_stratum WHERE trial_id = ?").param(trial.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theDesignIsLockedByTheFirstRandomisationAndEditsAreRefused() {
        Trial trial = fixtures.trial(commissioner, AllocationMethod.PERMUTED_BLOCKS, List.of(StratificationFactor.LOCALITY));
        TrialDesign change = fixtures.design(AllocationMethod.MINIMISATION, List.of());
        trials.update(commissioner, trial.id(), change);
        randomiser.randomise(coach, trial.id(), unit("Bury", "IN_WORK"));
        assertThat(trials.visible(commissioner, trial.id()).locked()).isTrue();
        assertThatThrownBy(() -> trials.update(commissioner, trial.id(), fixtures.design(
                AllocationMethod.PERMUTED_BLOCKS, List.of()))).isInstanceOf(TrialLockedException.class)
                .hasMessageContaining("locked when the first unit was randomised");
    }

    @Test
    void aControlAllocationRecordsTheProtocolsActionAndEveryAllocationItsFollowUps() {
        Trial trial = fixtures.trial(commissioner, AllocationMethod.PERMUTED_BLOCKS, List.of());
        for (int i = 0; i < 6; i++) {
            Allocation a = randomiser.randomise(coach, trial.id(), unit("Bury", "OUT_OF_WORK"));
            assertThat(a.controlAction()).isEqualTo(a.armCode().equals("USUAL") ? trial.controlAction() : null);
            assertThat(jdbc.sql("SELECT week FROM trial_follow_up WHERE allocation_id = ? ORDER BY week")
                    .param(a.id()).query(Integer.class).list()).containsExactly(12, 26, 52);
        }
    }

    @Test
    void aMistakenRandomisationIsMarkedAndStays() {
        Trial trial = fixtures.trial(commissioner, AllocationMethod.MINIMISATION,
                List.of(StratificationFactor.LOCALITY, StratificationFactor.IN_WORK));
        Allocation a = randomiser.randomise(coach, trial.id(), unit("Oldham", "IN_WORK"));
        assertThat(randomiser.markInError(commissioner, trial, a.id(), "Not eligible: under 18")).isTrue();
        assertThat(randomiser.markInError(commissioner, trial, a.id(), "again")).isFalse();
        Allocation after = trials.allocations(commissioner, trial).get(0);
        assertThat(after.armCode()).isEqualTo(a.armCode());
        assertThat(after.inError()).isTrue();
        assertThat(after.inErrorReason()).isEqualTo("Not eligible: under 18");
    }

    @Test
    void theExportedSeedReproducesTheSequenceAndIsExportedOnlyOnce() {
        Trial trial = fixtures.trial(commissioner, AllocationMethod.PERMUTED_BLOCKS, List.of(StratificationFactor.LOCALITY));
        assertThat(trials.exportSeed(commissioner, trial.id())).as("nothing to export before the lock").isEmpty();
        for (int i = 0; i < 30; i++) {
            randomiser.randomise(coach, trial.id(), unit(i % 2 == 0 ? "Bury" : "Oldham", "IN_WORK"));
        }
        byte[] seed = HexFormat.of().parseHex(trials.exportSeed(commissioner, trial.id()).orElseThrow());
        assertThat(trials.exportSeed(commissioner, trial.id())).isEmpty();
        PermutedBlocks replay = new PermutedBlocks(seed, trial.id(), trial.arms(), trial.blockMultipliers());
        List<Allocation> made = trials.allocations(commissioner, trial);
        assertThat(made).hasSize(30).allSatisfy(a -> assertThat(a.armCode())
                .isEqualTo(replay.armAt(a.stratumKey(), a.position())));
        assertThat(made.stream().map(Allocation::stratumKey).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("LOCALITY=Bury", "LOCALITY=Oldham");
    }

    @Test
    void anotherHubsCommissionerCannotSetUpSeeOrChangeATrialNorSeeItsAllocations() {
        Trial trial = fixtures.trial(commissioner, AllocationMethod.PERMUTED_BLOCKS, List.of());
        CurrentUser gm = fixtures.user(SignIn.GM_COMMISSIONER);
        assertThatThrownBy(() -> trials.create(gm, fixtures.design(AllocationMethod.PERMUTED_BLOCKS, List.of())))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> trials.visible(gm, trial.id())).isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> trials.update(gm, trial.id(), fixtures.design(AllocationMethod.MINIMISATION,
                List.of()))).isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> trials.allocations(gm, trial)).isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> trials.exportSeed(gm, trial.id())).isInstanceOf(OutOfScopeException.class);
        assertThat(trials.visibleTo(gm)).extracting(Trial::id).doesNotContain(trial.id());
    }

    @Test
    void allocationsAreShownOnlyToTheRolesTheTrialAllows() {
        Trial trial = fixtures.trial(commissioner, AllocationMethod.PERMUTED_BLOCKS, List.of());
        // a national administrator has the trial in scope but not a role the trial names
        CurrentUser gmAdmin = fixtures.user(SignIn.NATIONAL_ADMIN);
        assertThat(trials.maySeeAllocations(commissioner, trial)).isTrue();
        assertThat(trials.maySeeAllocations(gmAdmin, trial)).isFalse();
        assertThatThrownBy(() -> trials.allocations(gmAdmin, trial)).isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> trials.allocations(coach, trial)).isInstanceOf(OutOfScopeException.class);
    }
}

package org.workhealth.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.programme.Programmes;
import org.workhealth.trial.consort.ArmFlow;
import org.workhealth.trial.consort.Consort;
import org.workhealth.trial.consort.ConsortCounts;
import org.workhealth.trial.internal.PermutedBlocks;

/** The demo's Thrive into Work trial echoes the report's numbers at 1:10, adds up, and replays from its seed. */
@SpringBootTest
@AutoConfigureMockMvc
class TrialExamplesTest {

    @Autowired
    TrialExamples examples;
    @Autowired
    TrialFixtures fixtures;
    @Autowired
    Programmes programmes;
    @Autowired
    Consort consort;
    @Autowired
    Trials trials;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoTrialEchoesTheReportScaledDownAndItsAllocationsReplayFromTheSeed() {
        CurrentUser commissioner = fixtures.user(SignIn.WMCA_COMMISSIONER);
        long bchft = jdbc.sql("SELECT id FROM organisation WHERE name = 'Black Country Healthcare NHS Foundation Trust'")
                .query(Long.class).single();
        long specialist = jdbc.sql("SELECT id FROM person WHERE email = 'specialist@bchft.workhealth.example'")
                .query(Long.class).single();
        long started = System.nanoTime();
        long id = examples.thriveIntoWork(fixtures.thriveIntoWork(), commissioner.organisationId(), bchft, specialist,
                List.of(programmes.findContractByReference("TIW-BCHFT-2024").orElseThrow()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("TrialExamplesTest: the demo trial took " + millis + " ms");
        Trial trial = trials.find(id).orElseThrow();
        ConsortCounts c = consort.counts(trial);
        assertThat(c.referred()).isGreaterThanOrEqualTo(555);
        assertThat(c.randomised()).isEqualTo(301);
        assertThat(c.excludedNotEligible()).isEqualTo(120);
        assertThat(c.excludedDeclined()).isEqualTo(70);
        assertThat(c.excludedOther()).isEqualTo(25);
        assertThat(c.assessed()).isEqualTo(516);
        assertThat(c.addsUp()).isTrue();
        ArmFlow ips = c.arms().get(0);
        ArmFlow usual = c.arms().get(1);
        assertThat(Math.abs(ips.allocated() - usual.allocated())).isLessThanOrEqualTo(9);
        assertThat(ips.received()).isBetween(ips.allocated() * 7 / 10, ips.allocated());
        assertThat(ips.discontinued()).isPositive();
        assertThat(ips.lost() + usual.lost()).isPositive();
        assertThat(ips.analysed() + usual.analysed()).isPositive();
        assertThat(ips.excludedInError() + usual.excludedInError()).isEqualTo(2);
        long jobStarts = jdbc.sql("""
                SELECT COUNT(DISTINCT f.allocation_id) FROM trial_follow_up f JOIN trial_allocation a
                  ON a.id = f.allocation_id WHERE a.trial_id = ? AND f.job_started_on IS NOT NULL""")
                .param(id).query(Long.class).single();
        assertThat(jobStarts).isEqualTo(30L);
        long outstanding = jdbc.sql("""
                SELECT COUNT(*) FROM trial_follow_up f JOIN trial_allocation a ON a.id = f.allocation_id
                WHERE a.trial_id = ? AND f.status = 'DUE'""").param(id).query(Long.class).single();
        assertThat(outstanding).isPositive();

        byte[] seed = HexFormat.of().parseHex(trials.exportSeed(commissioner, id).orElseThrow());
        PermutedBlocks replay = new PermutedBlocks(seed, id, trial.arms(), trial.blockMultipliers());
        assertThat(trials.allocations(commissioner, trial)).hasSize(301)
                .allSatisfy(a -> assertThat(a.armCode()).isEqualTo(replay.armAt(a.stratumKey(), a.position())));
    }
}

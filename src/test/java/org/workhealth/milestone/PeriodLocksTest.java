package org.workhealth.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.milestone.internal.PeriodLock;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;

/**
 * Locks on the milestone record: once a period's return is approved nothing dated inside it is recorded or corrected
 * under the locked contracts, until the hub lifts the lock with a reason. Each test has a programme and contracts of
 * its own, so no other test's milestones are ever locked.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PeriodLocksTest {

    private static final LocalDate Q1_START = LocalDate.of(2026, 4, 1);
    private static final LocalDate Q1_END = LocalDate.of(2026, 6, 30);
    private static final String WHY = "WorkWell return for 2026/27 Q1 approved";

    private final Milestones milestones;
    private final PeriodLocks locks;
    private final Programmes programmes;
    private final Organisations organisations;
    private final JdbcClient jdbc;

    @Autowired
    PeriodLocksTest(Milestones milestones, PeriodLocks locks, Programmes programmes, Organisations organisations,
            JdbcClient jdbc) {
        this.milestones = milestones;
        this.locks = locks;
        this.programmes = programmes;
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    private record Setup(long programmeId, long contract, long otherContract, long provider) {
    }

    @Test
    void nothingIsRecordedInsideALockedPeriodButOutsideItAndUnderOtherContractsIs() {
        Setup s = setup();
        long lockId = locks.lock(List.of(s.contract()), Q1_START, Q1_END, WHY, hub());

        assertThatThrownBy(() -> milestones.record(jobStart(s, s.contract(), LocalDate.of(2026, 5, 14))))
                .isInstanceOfSatisfying(PeriodLockedException.class, e -> {
                    assertThat(e.lock()).isEqualTo(new PeriodLock(lockId, Q1_START, Q1_END, WHY));
                    assertThat(e.getMessage()).isEqualTo("You cannot record this on 14 May 2026: the period "
                            + "1 April to 30 June 2026 is locked (WorkWell return for 2026/27 Q1 approved). "
                            + "Ask the hub to unlock it.");
                });
        // Both ends of the period are inside it.
        assertThatThrownBy(() -> milestones.record(jobStart(s, s.contract(), Q1_START)))
                .isInstanceOf(PeriodLockedException.class);
        assertThatThrownBy(() -> milestones.record(jobStart(s, s.contract(), Q1_END)))
                .isInstanceOf(PeriodLockedException.class);
        assertThat(countFor(s)).isZero();

        milestones.record(jobStart(s, s.contract(), Q1_START.minusDays(1)));
        milestones.record(jobStart(s, s.contract(), Q1_END.plusDays(1)));
        milestones.record(jobStart(s, s.otherContract(), LocalDate.of(2026, 5, 14)));
        milestones.record(jobStart(s, null, LocalDate.of(2026, 5, 14)));
        assertThat(countFor(s)).isEqualTo(4);

        assertThat(locks.covering(s.contract(), LocalDate.of(2026, 5, 14))).map(PeriodLock::id).contains(lockId);
        assertThat(locks.covering(s.contract(), Q1_END.plusDays(1))).isEmpty();
        assertThat(locks.covering(s.otherContract(), LocalDate.of(2026, 5, 14))).isEmpty();
        assertThat(locks.covering(null, LocalDate.of(2026, 5, 14))).isEmpty();
    }

    @Test
    void aMilestoneInALockedPeriodCannotBeCorrectedNorACorrectionMovedIntoOne() {
        Setup s = setup();
        long inside = milestones.record(jobStart(s, s.contract(), LocalDate.of(2026, 5, 2)));
        long outside = milestones.record(jobStart(s, s.contract(), LocalDate.of(2026, 7, 5)));
        locks.lock(List.of(s.contract()), Q1_START, Q1_END, WHY, hub());

        // Moving it out of the period would take it out of the approved figures.
        assertThatThrownBy(() -> milestones.supersede(inside, jobStart(s, s.contract(), LocalDate.of(2026, 7, 10))))
                .isInstanceOf(PeriodLockedException.class)
                .hasMessage("You cannot correct this: it is dated 2 May 2026, and the period 1 April to 30 June 2026 "
                        + "is locked (WorkWell return for 2026/27 Q1 approved). Ask the hub to unlock it.");
        // Moving one into the period would add to them.
        assertThatThrownBy(() -> milestones.supersede(outside, jobStart(s, s.contract(), LocalDate.of(2026, 6, 20))))
                .isInstanceOf(PeriodLockedException.class)
                .hasMessageStartingWith("You cannot record this on 20 June 2026: the period");

        assertThat(milestones.isCurrent(inside)).isTrue();
        assertThat(milestones.isCurrent(outside)).isTrue();
        assertThat(countFor(s)).isEqualTo(2);
        long corrected = milestones.supersede(outside, jobStart(s, s.contract(), LocalDate.of(2026, 7, 6)));
        assertThat(milestones.find(corrected).orElseThrow().supersedesId()).isEqualTo(outside);
    }

    @Test
    void onlyALiftWithAReasonUnlocksAndBothAreInTheAuditLog() {
        Setup s = setup();
        long hub = hub();
        long lockId = locks.lock(List.of(s.contract(), s.otherContract()), Q1_START, Q1_END, WHY, hub);

        assertThatThrownBy(() -> locks.lift(lockId, "  ", hub)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> locks.lift(lockId, null, hub)).isInstanceOf(IllegalArgumentException.class);
        assertThat(locks.covering(s.contract(), LocalDate.of(2026, 5, 14))).isPresent();

        locks.lift(lockId, "Bury's job starts for May were missed: the return will be resubmitted", hub);
        assertThat(locks.covering(s.contract(), LocalDate.of(2026, 5, 14))).isEmpty();
        assertThat(locks.covering(s.otherContract(), LocalDate.of(2026, 5, 14))).isEmpty();
        milestones.record(jobStart(s, s.contract(), LocalDate.of(2026, 5, 14)));
        assertThat(countFor(s)).isEqualTo(1);

        // Lifting it again does nothing: the first lift's who, when and why stay.
        locks.lift(lockId, "Again", hub);
        assertThat(jdbc.sql("SELECT lift_reason FROM milestone_lock WHERE id = ?").param(lockId).query(String.class)
                .single()).isEqualTo("Bury's job starts for May were missed: the return will be resubmitted");

        List<Map<String, Object>> audit = jdbc.sql("""
                SELECT action, organisation_id, detail FROM audit_event
                WHERE record_type = 'milestone_lock' AND record_id = ? ORDER BY id
                """).param(String.valueOf(lockId)).query().listOfRows();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0)).containsEntry("action", "LOCK");
        assertThat(((Number) audit.get(0).get("organisation_id")).longValue()).isEqualTo(s.provider());
        assertThat((String) audit.get(0).get("detail")).contains("2026-04-01 to 2026-06-30", WHY);
        assertThat(audit.get(1)).containsEntry("action", "UNLOCK");
        assertThat((String) audit.get(1).get("detail"))
                .contains("Bury's job starts for May were missed: the return will be resubmitted");
    }

    @Test
    void aLockNeedsContractsThatExistAPeriodAndAReason() {
        Setup s = setup();
        long hub = hub();
        long before = jdbc.sql("SELECT COUNT(*) FROM milestone_lock").query(Long.class).single();

        assertThatThrownBy(() -> locks.lock(List.of(), Q1_START, Q1_END, WHY, hub))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> locks.lock(List.of(s.contract()), Q1_END, Q1_START, WHY, hub))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> locks.lock(List.of(s.contract()), Q1_START, Q1_END, " ", hub))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> locks.lock(List.of(s.contract(), -1L), Q1_START, Q1_END, WHY, hub))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> locks.lift(-1L, "No such lock", hub)).isInstanceOf(IllegalArgumentException.class);

        // The refused lock on an unknown contract left nothing behind.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM milestone_lock").query(Long.class).single()).isEqualTo(before);
        assertThat(locks.covering(s.contract(), LocalDate.of(2026, 5, 14))).isEmpty();
    }

    @Test
    void aOneDayLockAndOneAcrossYearsReadNaturally() {
        Setup s = setup();
        long day = locks.lock(List.of(s.contract()), LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 2),
                "Test day", hub());
        assertThatThrownBy(() -> milestones.record(jobStart(s, s.contract(), LocalDate.of(2026, 5, 2))))
                .hasMessage("You cannot record this on 2 May 2026: 2 May 2026 is locked (Test day). "
                        + "Ask the hub to unlock it.");
        locks.lift(day, "Test over", hub());
        locks.lock(List.of(s.contract()), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 3, 31),
                "Thrive at Work return for 2026/27 approved", hub());
        assertThatThrownBy(() -> milestones.record(jobStart(s, s.contract(), LocalDate.of(2026, 5, 2))))
                .hasMessageContaining("the period 1 January 2026 to 31 March 2027 is locked");
    }

    private Setup setup() {
        String code = "PL" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        long gm = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        long provider = organisations.findByName("Bury Council Live Well service").orElseThrow().id();
        Programme programme = programmes.createUnchecked(code, "Lock test " + code, SupportType.INTENSIVE_IPS, null,
                gm);
        long contract = programmes.addContractUnchecked(new NewContract(code + "-A", programme.id(), provider, gm,
                "Bury", LocalDate.of(2025, 4, 1), LocalDate.of(2028, 3, 31), null)).id();
        long other = programmes.addContractUnchecked(new NewContract(code + "-B", programme.id(), provider, gm,
                "Bury", LocalDate.of(2025, 4, 1), LocalDate.of(2028, 3, 31), null)).id();
        return new Setup(programme.id(), contract, other, provider);
    }

    private long hub() {
        return jdbc.sql("SELECT id FROM person WHERE email = 'commissioner@gm.workhealth.example'").query(Long.class)
                .single();
    }

    private int countFor(Setup s) {
        return jdbc.sql("SELECT COUNT(*) FROM milestone WHERE programme_id = ?").param(s.programmeId())
                .query(Integer.class).single();
    }

    private static NewMilestone jobStart(Setup s, Long contractId, LocalDate on) {
        return new NewMilestone(MilestoneType.JOB_START, null, null, s.programmeId(), contractId, s.provider(), on,
                Map.of("paid", "true"), null);
    }
}

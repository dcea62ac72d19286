package org.workhealth.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.milestone.MilestoneCountQuery;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Contract;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralIntake;

/**
 * The kept counts per contract, type and day (milestone_day_count) and month (milestone_month_count) agree with the
 * whole record after recording, batches, corrections that move a milestone to another day or contract, and
 * withdrawals; and counts by contract read from them give what the record gives, also between dates that cut
 * months. (In casework's tests because a case's milestones need real cases.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class MilestoneDayCountsTest {

    private final Milestones milestones;
    private final Programmes programmes;
    private final JdbcClient jdbc;
    private final OutcomeTestCases cases;

    @Autowired
    MilestoneDayCountsTest(Milestones milestones, Programmes programmes, Organisations organisations, JdbcClient jdbc,
            ReferralIntake intake, Casework casework) {
        this.milestones = milestones;
        this.programmes = programmes;
        this.jdbc = jdbc;
        this.cases = new OutcomeTestCases(jdbc, intake, programmes, organisations, casework);
    }

    @Test
    void theDayCountsFollowRecordingCorrectingAndWithdrawing() {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.INTENSIVE_IPS);
        Contract a = programmes.findContract(setup.contractId()).orElseThrow();
        String reference = "DC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Contract b = programmes.addContractUnchecked(new NewContract(reference, setup.programmeId(),
                cases.buryLiveWell(), cases.org("NHS Greater Manchester"), "Bury", LocalDate.of(2025, 4, 1),
                LocalDate.of(2027, 3, 31), null));
        LocalDate may1 = LocalDate.of(2025, 5, 1);
        LocalDate may2 = LocalDate.of(2025, 5, 2);
        LocalDate june = LocalDate.of(2025, 6, 10);
        long one = cases.open(setup, EmploymentStatus.UNEMPLOYED, LocalDate.of(2025, 4, 20));
        long two = cases.open(setup, EmploymentStatus.UNEMPLOYED, LocalDate.of(2025, 4, 20));

        long first = milestones.record(milestone(a, MilestoneType.ENGAGEMENT, one, may2));
        // An earlier engagement of the same case takes over as its first; a later one never is.
        long earlier = milestones.record(milestone(a, MilestoneType.ENGAGEMENT, one, may1));
        milestones.record(milestone(a, MilestoneType.ENGAGEMENT, one, june));
        long other = milestones.record(milestone(a, MilestoneType.ENGAGEMENT, two, may1));
        milestones.recordAll(List.of(milestone(a, MilestoneType.REFERRAL_RECEIVED, null, may1),
                milestone(a, MilestoneType.REFERRAL_RECEIVED, null, may1),
                milestone(b, MilestoneType.REFERRAL_RECEIVED, null, may2)));
        long caseless = milestones.record(milestone(b, MilestoneType.REFERRAL_RECEIVED, null, june));
        assertAgreesWithTheRecord(a, b);
        assertThat(counts(a, false)).containsExactlyInAnyOrder("ENGAGEMENT 2025-05 3", "ENGAGEMENT 2025-06 1",
                "REFERRAL_RECEIVED 2025-05 2");
        assertThat(counts(a, true)).containsExactlyInAnyOrder("ENGAGEMENT 2025-05 2", "REFERRAL_RECEIVED 2025-05 2");

        // Case one's first engagement, corrected to another contract and a later day, hands over to its 2 May one.
        milestones.supersede(earlier, milestone(b, MilestoneType.ENGAGEMENT, one, LocalDate.of(2025, 5, 20)));
        assertAgreesWithTheRecord(a, b);
        milestones.withdraw(other, "Recorded on the wrong case", null);
        milestones.supersede(caseless, milestone(a, MilestoneType.REFERRAL_RECEIVED, null, may2));
        // With 2 May withdrawn, case one's first is the corrected one under b.
        milestones.withdraw(first, "Twice", null);
        assertAgreesWithTheRecord(a, b);
        assertThat(counts(a, false)).containsExactlyInAnyOrder("ENGAGEMENT 2025-06 1", "REFERRAL_RECEIVED 2025-05 3");
        assertThat(counts(a, true)).containsExactlyInAnyOrder("REFERRAL_RECEIVED 2025-05 3");
        assertThat(counts(b, false)).containsExactlyInAnyOrder("ENGAGEMENT 2025-05 1", "REFERRAL_RECEIVED 2025-05 1");
        assertThat(counts(b, true)).containsExactlyInAnyOrder("ENGAGEMENT 2025-05 1", "REFERRAL_RECEIVED 2025-05 1");
        // Dates that cut months: May from the 2nd and June to the 9th (days only); May and June to the 10th (May's
        // month and June's days).
        Set<MilestoneType> types = Set.of(MilestoneType.ENGAGEMENT, MilestoneType.REFERRAL_RECEIVED);
        assertThat(milestones.count(new MilestoneCountQuery(types, Set.of(a.id()), null, may2,
                LocalDate.of(2025, 6, 9), Map.of(), false, false))).extracting(c -> c.type() + " " + c.count())
                .containsExactly("REFERRAL_RECEIVED 1");
        assertThat(milestones.count(new MilestoneCountQuery(types, Set.of(a.id()), null, may1, june, Map.of(), false,
                false))).extracting(c -> c.type() + " " + c.count())
                .containsExactly("ENGAGEMENT 1", "REFERRAL_RECEIVED 3");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM milestone_day_count WHERE contract_id = ? AND type = 'ENGAGEMENT' "
                + "AND occurred_on = ?").params(a.id(), java.sql.Date.valueOf(may1)).query(Integer.class).single())
                .as("a day whose milestones were all corrected away keeps its row at 0").isEqualTo(1);
    }

    /** Every day's row equals what the record says, and no day the record has is missing. */
    private void assertAgreesWithTheRecord(Contract... contracts) {
        for (Contract contract : contracts) {
            List<String> fromRecord = jdbc.sql("""
                    SELECT type, occurred_on, SUM(current_count) AS c, SUM(first_count) AS f FROM (
                        SELECT m.type, m.occurred_on, 1 AS current_count,
                               CASE WHEN m.case_id IS NULL THEN 1 ELSE 0 END AS first_count
                        FROM milestone m WHERE m.contract_id = :contract AND m.withdrawn = FALSE
                          AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)
                        UNION ALL
                        SELECT m.type, m.occurred_on, 0, 1 FROM milestone m
                        WHERE m.contract_id = :contract AND m.case_id IS NOT NULL AND m.withdrawn = FALSE
                          AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)
                          AND NOT EXISTS (SELECT 1 FROM milestone e WHERE e.case_id = m.case_id AND e.type = m.type
                              AND (e.occurred_on < m.occurred_on OR (e.occurred_on = m.occurred_on AND e.id < m.id))
                              AND e.withdrawn = FALSE
                              AND NOT EXISTS (SELECT 1 FROM milestone es WHERE es.supersedes_id = e.id))
                    ) x GROUP BY type, occurred_on ORDER BY type, occurred_on""").param("contract", contract.id())
                    .query((rs, n) -> rs.getString(1) + " " + rs.getDate(2) + " " + rs.getLong(3) + " "
                            + rs.getLong(4)).list();
            List<String> kept = jdbc.sql("SELECT type, occurred_on, current_count, first_count "
                    + "FROM milestone_day_count WHERE contract_id = ? AND (current_count <> 0 OR first_count <> 0) ORDER BY type, occurred_on")
                    .param(contract.id()).query((rs, n) -> rs.getString(1) + " " + rs.getDate(2) + " "
                            + rs.getLong(3) + " " + rs.getLong(4)).list();
            assertThat(kept).as(contract.reference()).isEqualTo(fromRecord);
            List<String> months = jdbc.sql("""
                    SELECT d.type, d.month_start, d.current_count, d.first_count FROM milestone_month_count d
                    WHERE d.contract_id = :contract AND (d.current_count <> 0 OR d.first_count <> 0)
                    ORDER BY d.type, d.month_start""").param("contract", contract.id())
                    .query((rs, n) -> rs.getString(1) + " " + rs.getDate(2).toString().substring(0, 7) + " "
                            + rs.getLong(3) + " " + rs.getLong(4)).list();
            assertThat(months).as(contract.reference() + " by month").isEqualTo(byMonth(fromRecord));
        }
    }

    /** Day lines "TYPE yyyy-mm-dd current first" added up by month. */
    private static List<String> byMonth(List<String> days) {
        Map<String, long[]> months = new java.util.TreeMap<>();
        for (String day : days) {
            String[] parts = day.split(" ");
            long[] sums = months.computeIfAbsent(parts[0] + " " + parts[1].substring(0, 7), k -> new long[2]);
            sums[0] += Long.parseLong(parts[2]);
            sums[1] += Long.parseLong(parts[3]);
        }
        return months.entrySet().stream().filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0)
                .map(e -> e.getKey() + " " + e.getValue()[0] + " " + e.getValue()[1]).toList();
    }

    private List<String> counts(Contract contract, boolean firstPerCase) {
        Set<MilestoneType> types = Set.of(MilestoneType.ENGAGEMENT, MilestoneType.REFERRAL_RECEIVED);
        return milestones.count(new MilestoneCountQuery(types, Set.of(contract.id()), null, LocalDate.of(2025, 4, 1),
                LocalDate.of(2026, 3, 31), Map.of(), true, firstPerCase)).stream()
                .map(c -> c.type() + " " + c.periodStart().toString().substring(0, 7) + " " + c.count()).toList();
    }

    private NewMilestone milestone(Contract contract, MilestoneType type, Long caseId, LocalDate on) {
        return new NewMilestone(type, caseId, null, contract.programmeId(), contract.id(),
                contract.providerOrganisationId(), on, Map.of(), null);
    }
}

package org.workhealth.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workhealth.TestData.today;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.milestone.MilestoneCount;
import org.workhealth.milestone.MilestoneCountQuery;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralIntake;

/**
 * The milestone count API that performance, funding and returns use. Each test counts on contracts of
 * its own, so the shared database's other milestones never count. The API itself has no page; who may
 * see which contracts is the caller's rule (AccessPolicy), tested with the pages that use it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MilestoneCountsTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 15);
    private static final LocalDate FEB = LocalDate.of(2026, 2, 10);
    private static final LocalDate MAR = LocalDate.of(2026, 3, 31);

    private final OutcomeTestCases cases;
    private final Casework casework;
    private final CaseMilestones caseMilestones;
    private final Milestones milestones;
    private final long coach;

    @Autowired
    MilestoneCountsTest(JdbcClient jdbc, ReferralIntake intake, Programmes programmes, Organisations organisations,
            Casework casework, CaseMilestones caseMilestones, Milestones milestones) {
        this.cases = new OutcomeTestCases(jdbc, intake, programmes, organisations, casework);
        this.casework = casework;
        this.caseMilestones = caseMilestones;
        this.milestones = milestones;
        this.coach = cases.personId(org.workhealth.SignIn.BURY_COACH);
    }

    @Test
    void correctionsSupersedeAndNothingIsDoubleCounted() {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.INTENSIVE_IPS);
        SupportCase a = open(setup, EmploymentStatus.UNEMPLOYED);
        SupportCase b = open(setup, EmploymentStatus.UNEMPLOYED);

        // Case a: a job start recorded in January, then corrected to February.
        long wrong = record(a, MilestoneType.JOB_START, JAN, Map.of("paid", "true"));
        milestones.supersede(wrong, new NewMilestone(MilestoneType.JOB_START, a.id(), a.referralId(),
                a.programmeId(), setup.contractId(), a.organisationId(), FEB, Map.of("paid", "true"), coach));
        // Case b: the same job start recorded twice, in February and again in March.
        record(b, MilestoneType.JOB_START, FEB, Map.of("paid", "true"));
        record(b, MilestoneType.JOB_START, MAR, Map.of("paid", "true"));
        record(b, MilestoneType.ENGAGEMENT, JAN, Map.of());

        MilestoneCountQuery jobStarts = MilestoneCountQuery.forContracts(Set.of(MilestoneType.JOB_START),
                Set.of(setup.contractId()), JAN.withDayOfMonth(1), MAR);
        assertThat(milestones.count(jobStarts))
                .containsExactly(new MilestoneCount(MilestoneType.JOB_START, setup.contractId(), null, 2));
        // The superseded January one is gone from January; b's repeat in March is not its first.
        assertThat(milestones.count(jobStarts.perMonth())).containsExactly(
                new MilestoneCount(MilestoneType.JOB_START, setup.contractId(), LocalDate.of(2026, 2, 1), 2));
        // Without "first per case" the repeat counts, but the superseded one still never does.
        assertThat(milestones.count(new MilestoneCountQuery(Set.of(MilestoneType.JOB_START),
                Set.of(setup.contractId()), null, null, null, null, false, false)))
                .containsExactly(new MilestoneCount(MilestoneType.JOB_START, setup.contractId(), null, 3));
        // A case's first job start stays its first: counting March alone finds nothing new.
        assertThat(milestones.count(MilestoneCountQuery.forContracts(Set.of(MilestoneType.JOB_START),
                Set.of(setup.contractId()), LocalDate.of(2026, 3, 1), MAR))).isEmpty();
        // All types at once, grouped by type.
        assertThat(milestones.count(MilestoneCountQuery.forContracts(null, Set.of(setup.contractId()), null, null)))
                .extracting(MilestoneCount::type, MilestoneCount::count)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(MilestoneType.ENGAGEMENT, 1L),
                        org.assertj.core.groups.Tuple.tuple(MilestoneType.JOB_START, 2L));
    }

    @Test
    void aCorrectionThatMovesACasesFirstMilestoneMovesWhereItCounts() {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.INTENSIVE_IPS);
        SupportCase c = open(setup, EmploymentStatus.UNEMPLOYED);
        long february = record(c, MilestoneType.JOB_START, FEB, Map.of("paid", "true"));
        long march = record(c, MilestoneType.JOB_START, MAR, Map.of("paid", "true"));
        assertThat(firstInMonths(setup)).containsExactly(LocalDate.of(2026, 2, 1));

        // February's was wrong: it happened in April. March's is now the case's first.
        milestones.supersede(february, new NewMilestone(MilestoneType.JOB_START, c.id(), c.referralId(),
                c.programmeId(), setup.contractId(), c.organisationId(), LocalDate.of(2026, 4, 2),
                Map.of("paid", "true"), coach));
        assertThat(firstInMonths(setup)).containsExactly(LocalDate.of(2026, 3, 1));

        // March's was wrong too, and earlier than anything: January's correction is the first.
        milestones.supersede(march, new NewMilestone(MilestoneType.JOB_START, c.id(), c.referralId(),
                c.programmeId(), setup.contractId(), c.organisationId(), JAN, Map.of("paid", "true"), coach));
        assertThat(firstInMonths(setup)).containsExactly(JAN.withDayOfMonth(1));
        // The attribute filter reads the first milestone's own attributes.
        assertThat(total(MilestoneCountQuery.forContracts(Set.of(MilestoneType.JOB_START),
                Set.of(setup.contractId()), null, null).withAttribute("paid", "false"))).isZero();
    }

    /** The months in which the contract's first-per-case job starts fall. */
    private List<LocalDate> firstInMonths(OutcomeTestCases.Setup setup) {
        return milestones.count(MilestoneCountQuery.forContracts(Set.of(MilestoneType.JOB_START),
                Set.of(setup.contractId()), null, null).perMonth()).stream().map(MilestoneCount::periodStart)
                .toList();
    }

    @Test
    void countsFilterOnAnAttributeExactly() {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.LOW_INTENSITY);
        record(open(setup, EmploymentStatus.EMPLOYED), MilestoneType.ENGAGEMENT, JAN,
                Map.of("employment_status", "EMPLOYED", "in_work", "true"));
        record(open(setup, EmploymentStatus.UNEMPLOYED), MilestoneType.ENGAGEMENT, JAN,
                Map.of("employment_status", "UNEMPLOYED", "in_work", "false"));
        record(open(setup, EmploymentStatus.UNEMPLOYED), MilestoneType.ENGAGEMENT, JAN,
                Map.of("employment_status", "UNEMPLOYED", "in_work", "trueish"));
        record(open(setup, EmploymentStatus.UNEMPLOYED), MilestoneType.ENGAGEMENT, JAN,
                Map.of("was_in_work", "true"));
        record(open(setup, EmploymentStatus.UNEMPLOYED), MilestoneType.ENGAGEMENT, JAN, Map.of());

        MilestoneCountQuery engagements = MilestoneCountQuery.forContracts(Set.of(MilestoneType.ENGAGEMENT),
                Set.of(setup.contractId()), null, null);
        assertThat(total(engagements)).isEqualTo(5);
        assertThat(total(engagements.withAttribute("in_work", "true"))).isEqualTo(1);
        assertThat(total(engagements.withAttribute("in_work", "false"))).isEqualTo(1);
        assertThat(total(engagements.withAttribute("employment_status", "UNEMPLOYED"))).isEqualTo(2);
        assertThat(total(engagements.withAttribute("employment_status", "UNEMPLOYED")
                .withAttribute("in_work", "false"))).isEqualTo(1);
        // '_' and '%' are not wildcards in the filter.
        assertThat(total(engagements.withAttribute("in%work", "true"))).isZero();
    }

    @Test
    void countsKeepToTheDateRangeAndTheContractsAsked() {
        OutcomeTestCases.Setup one = cases.programme(SupportType.LOW_INTENSITY);
        OutcomeTestCases.Setup two = cases.programme(SupportType.LOW_INTENSITY);
        record(open(one, EmploymentStatus.UNEMPLOYED), MilestoneType.EXIT, LocalDate.of(2025, 12, 31), Map.of());
        record(open(one, EmploymentStatus.UNEMPLOYED), MilestoneType.EXIT, LocalDate.of(2026, 1, 1), Map.of());
        record(open(one, EmploymentStatus.UNEMPLOYED), MilestoneType.EXIT, LocalDate.of(2026, 1, 31), Map.of());
        record(open(one, EmploymentStatus.UNEMPLOYED), MilestoneType.EXIT, LocalDate.of(2026, 2, 1), Map.of());
        record(open(two, EmploymentStatus.UNEMPLOYED), MilestoneType.EXIT, LocalDate.of(2026, 1, 20), Map.of());

        List<MilestoneCount> january = milestones.count(MilestoneCountQuery.forContracts(Set.of(MilestoneType.EXIT),
                Set.of(one.contractId(), two.contractId()), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
        assertThat(january).containsExactlyInAnyOrder(new MilestoneCount(MilestoneType.EXIT, one.contractId(), null, 2),
                new MilestoneCount(MilestoneType.EXIT, two.contractId(), null, 1));

        assertThat(milestones.count(MilestoneCountQuery.forContracts(Set.of(MilestoneType.EXIT),
                Set.of(one.contractId()), null, null).perMonth())).containsExactly(
                        new MilestoneCount(MilestoneType.EXIT, one.contractId(), LocalDate.of(2025, 12, 1), 1),
                        new MilestoneCount(MilestoneType.EXIT, one.contractId(), LocalDate.of(2026, 1, 1), 2),
                        new MilestoneCount(MilestoneType.EXIT, one.contractId(), LocalDate.of(2026, 2, 1), 1));
        // Scoped by delivering organisation as well; an empty scope counts nothing.
        assertThat(total(new MilestoneCountQuery(Set.of(MilestoneType.EXIT), Set.of(one.contractId()),
                Set.of(cases.buryLiveWell()), null, null, null, false, true))).isEqualTo(4);
        assertThat(milestones.count(new MilestoneCountQuery(Set.of(MilestoneType.EXIT), Set.of(one.contractId()),
                Set.of(), null, null, null, false, true))).isEmpty();
    }

    private SupportCase open(OutcomeTestCases.Setup setup, EmploymentStatus status) {
        return casework.find(cases.open(setup, status, today().minusYears(1))).orElseThrow();
    }

    private long record(SupportCase supportCase, MilestoneType type, LocalDate on, Map<String, String> attributes) {
        return caseMilestones.record(supportCase, type, on, attributes, coach);
    }

    private long total(MilestoneCountQuery query) {
        return milestones.count(query).stream().mapToLong(MilestoneCount::count).sum();
    }
}

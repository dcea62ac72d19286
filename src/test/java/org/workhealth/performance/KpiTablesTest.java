package org.workhealth.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.workhealth.SignIn;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programme;
import org.workhealth.performance.internal.QuarterState;
import org.workhealth.performance.internal.Rag;

/** KPI tables reproduce the board reports, sum contracts, and show each person only their contracts. */
@SpringBootTest
@AutoConfigureMockMvc
class KpiTablesTest {

    private static final FinancialYear FY2023 = FinancialYear.of(2023);
    private static final LocalDate IN_Q4 = LocalDate.of(2024, 2, 15);

    private final KpiTables tables;
    private final PerformanceFixtures fixtures;

    @Autowired
    KpiTablesTest(KpiTables tables, PerformanceFixtures fixtures) {
        this.tables = tables;
        this.fixtures = fixtures;
    }

    /** The Thrive into Work table of Thrive Programmes: Update (WMCA Wellbeing Board, 6 March 2024), cell by cell. */
    @Test
    void reproducesTheThriveIntoWorkBoardTable() {
        Programme programme = fixtures.tiwLikeProgramme();
        Contract contract = fixtures.contract(programme, fixtures.bchft());
        fixtures.targets.saveUnchecked(contract.id(), FY2023, List.of(
                fixtures.target(programme, "ENGAGEMENTS_OOW", 1343, 386, 409, 423, 423),
                fixtures.target(programme, "ENGAGEMENTS_IW", 412, 128, 137, 141, 141),
                fixtures.target(programme, "NEW_STARTS", 313, 60, 142, 156, 156),
                fixtures.target(programme, "RETENTIONS", 186, 26, 63, 72, 72)));
        Map<String, String> out = Map.of("in_work", "false");
        Map<String, String> in = Map.of("in_work", "true");
        Map<String, String> paid = Map.of("paid", "true");
        int[][] actuals = {{430, 496, 417}, {141, 133, 138}, {107, 107, 99}, {39, 70, 77}};
        for (int q = 1; q <= 3; q++) {
            fixtures.record(contract, MilestoneType.ENGAGEMENT, out, FY2023, q, actuals[0][q - 1]);
            fixtures.record(contract, MilestoneType.ENGAGEMENT, in, FY2023, q, actuals[1][q - 1]);
            fixtures.record(contract, MilestoneType.JOB_START, paid, FY2023, q, actuals[2][q - 1]);
            fixtures.record(contract, MilestoneType.JOB_RETENTION, Map.of(), FY2023, q, actuals[3][q - 1]);
        }
        // None of these count: an unpaid job start, a milestone after the day of the table, one in the year before.
        fixtures.record(contract, MilestoneType.JOB_START, Map.of("paid", "false"), FY2023, 2, 5);
        fixtures.milestones.record(fixtures.milestone(contract, MilestoneType.ENGAGEMENT, out, LocalDate.of(2024, 3, 1)));
        fixtures.record(contract, MilestoneType.ENGAGEMENT, out, FY2023.previous(), 4, 3);

        KpiTable table = tables.table(fixtures.user(SignIn.WMCA_COMMISSIONER), programme.id(), FY2023, null,
                contract.id(), IN_Q4);

        assertThat(table.contractIds()).containsExactly(contract.id());
        assertThat(table.rows()).extracting(KpiRow::name).startsWith("Engagements (Out of Work)",
                "Engagements (In Work)", "New Employment Starts", "Existing Employment Retentions");
        assertRow(table, "ENGAGEMENTS_OOW", 1343, "386 430 GREEN", "409 496 GREEN", "423 417 AMBER", "423 0 NONE");
        assertRow(table, "ENGAGEMENTS_IW", 412, "128 141 GREEN", "137 133 AMBER", "141 138 AMBER", "141 0 NONE");
        assertRow(table, "NEW_STARTS", 313, "60 107 GREEN", "142 107 RED", "156 99 RED", "156 0 NONE");
        assertRow(table, "RETENTIONS", 186, "26 39 GREEN", "63 70 GREEN", "72 77 GREEN", "72 0 NONE");
        KpiRow oow = row(table, "ENGAGEMENTS_OOW");
        assertThat(oow.quarters()).extracting(KpiCell::state).containsExactly(QuarterState.FINISHED,
                QuarterState.FINISHED, QuarterState.FINISHED, QuarterState.IN_PROGRESS);
        assertThat(oow.quarters().get(2).variance()).isEqualByComparingTo("-6");
        assertThat(oow.cumulative()).isEqualByComparingTo("1343");
        // Job outcomes (313 + 186) per engagement (1343 + 412), year to date.
        KpiRow conversion = row(table, "CONVERSION");
        assertThat(conversion.unit()).isEqualTo(KpiUnit.PERCENT);
        assertThat(conversion.cumulative()).isEqualByComparingTo("28.4");
        assertThat(conversion.quarters().get(2).rag()).isEqualTo(Rag.RED);
    }

    @Test
    void sumsContractsAndNarrowsToAnOrganisationOrAContract() {
        Programme programme = fixtures.tiwLikeProgramme();
        Contract bchft = fixtures.contract(programme, fixtures.bchft());
        Contract shaw = fixtures.contract(programme, fixtures.shaw());
        fixtures.targets.saveUnchecked(bchft.id(), FY2023,
                List.of(fixtures.target(programme, "NEW_STARTS", 10, 4, null, null, null)));
        fixtures.targets.saveUnchecked(shaw.id(), FY2023,
                List.of(fixtures.target(programme, "NEW_STARTS", 10, 4, null, null, null)));
        Map<String, String> paid = Map.of("paid", "true");
        fixtures.record(bchft, MilestoneType.JOB_START, paid, FY2023, 1, 12);
        fixtures.record(shaw, MilestoneType.JOB_START, paid, FY2023, 1, 2);
        // A correction supersedes a milestone: the pair counts once, in the quarter of the correction.
        long wrong = fixtures.record(shaw, MilestoneType.JOB_START, paid, FY2023, 1, 1).get(0);
        fixtures.milestones.supersede(wrong, fixtures.milestone(shaw, MilestoneType.JOB_START, paid,
                LocalDate.of(2023, 7, 10)));
        CurrentUser wmca = fixtures.user(SignIn.WMCA_COMMISSIONER);

        KpiTable both = tables.table(wmca, programme.id(), FY2023, null, null, LocalDate.of(2023, 8, 1));
        KpiRow starts = row(both, "NEW_STARTS");
        assertThat(both.contractIds()).containsExactlyInAnyOrder(bchft.id(), shaw.id());
        assertThat(starts.total()).isEqualByComparingTo("20");
        assertThat(starts.quarters().get(0).forecast()).isEqualByComparingTo("8");
        assertThat(starts.quarters().get(0).actual()).isEqualByComparingTo("14");
        assertThat(starts.quarters().get(1).actual()).isEqualByComparingTo("1");
        // As left per contract: BCHFT has nothing left of 10 after 12; Shaw 10 - 2 = 8. Summed, 8.
        assertThat(starts.quarters().get(1).asLeft()).isTrue();
        assertThat(starts.quarters().get(1).forecast()).isEqualByComparingTo("8");
        assertThat(starts.quarters().get(1).state()).isEqualTo(QuarterState.IN_PROGRESS);
        assertThat(starts.quarters().get(2).actual()).isNull();
        assertThat(starts.cumulative()).isEqualByComparingTo("15");

        KpiTable shawOnly = tables.table(wmca, programme.id(), FY2023, fixtures.shaw(), null, LocalDate.of(2023, 8, 1));
        assertThat(shawOnly.contractIds()).containsExactly(shaw.id());
        assertThat(shawOnly.scopeName()).isEqualTo("Shaw Trust");
        assertThat(row(shawOnly, "NEW_STARTS").quarters().get(0).actual()).isEqualByComparingTo("2");

        KpiTable bchftOnly = tables.table(wmca, programme.id(), FY2023, null, bchft.id(), LocalDate.of(2023, 8, 1));
        assertThat(bchftOnly.scopeName()).isEqualTo(bchft.reference());
        assertThat(row(bchftOnly, "NEW_STARTS").quarters().get(0).actual()).isEqualByComparingTo("12");
    }

    @Test
    void eachPersonSeesOnlyTheContractsOfTheirOrganisations() {
        long workwell = fixtures.programmes.findByCode("WW").orElseThrow().id();
        Map<String, Long> contracts = new java.util.HashMap<>();
        fixtures.programmes.contractsVisibleTo(fixtures.user(SignIn.NATIONAL), workwell)
                .forEach(c -> contracts.put(c.reference(), c.id()));
        FinancialYear year = FinancialYear.of(2025);

        assertThat(tables.table(fixtures.user(SignIn.BURY_MANAGER), workwell, year).contractIds())
                .containsExactly(contracts.get("WW-BURY-2024"));
        assertThat(tables.table(fixtures.user(SignIn.GM_COMMISSIONER), workwell, year).contractIds())
                .containsExactlyInAnyOrder(contracts.get("WW-BURY-2024"), contracts.get("WW-OLDHAM-2024"))
                .doesNotContain(contracts.get("WW-COV-2024"), contracts.get("WW-WARKS-2024"));
        assertThat(tables.table(fixtures.user(SignIn.NATIONAL), workwell, year).contractIds()).hasSize(contracts.size());

        CurrentUser gm = fixtures.user(SignIn.GM_COMMISSIONER);
        assertThatThrownBy(() -> tables.table(gm, workwell, year, null, contracts.get("WW-COV-2024"), LocalDate.now()))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> tables.table(gm, workwell, year, fixtures.org("Coventry City Council"), null,
                LocalDate.now())).isInstanceOf(OutOfScopeException.class);
        CurrentUser buryManager = fixtures.user(SignIn.BURY_MANAGER);
        assertThatThrownBy(() -> tables.table(buryManager, workwell, year, null, contracts.get("WW-OLDHAM-2024"),
                LocalDate.now())).isInstanceOf(OutOfScopeException.class);
        CurrentUser coach = fixtures.user(SignIn.BURY_COACH);
        assertThatThrownBy(() -> tables.table(coach, workwell, year)).isInstanceOf(OutOfScopeException.class);
        assertThat(tables.programmesWithFigures(gm)).extracting(Programme::code).contains("WW").doesNotContain("TIW");
    }

    /** Each expected quarter as "forecast actual RAG". */
    private static void assertRow(KpiTable table, String code, int total, String... quarters) {
        KpiRow row = row(table, code);
        assertThat(row.total()).as(code + " total").isEqualByComparingTo(String.valueOf(total));
        assertThat(row.quarters()).as(code).extracting(c -> c.forecast().toPlainString() + " "
                + c.actual().toPlainString() + " " + c.rag()).containsExactly(quarters);
    }

    private static KpiRow row(KpiTable table, String code) {
        return table.rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }
}

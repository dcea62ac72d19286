package org.workhealth.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.organisation.Role;
import org.workhealth.programme.Contract;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.performance.internal.KpiDisplay;
import org.workhealth.performance.internal.KpiFigure;
import org.workhealth.performance.internal.KpiFigures;
import org.workhealth.performance.internal.KpiForecast;
import org.workhealth.performance.internal.KpiTargetEntry;
import org.workhealth.performance.internal.KpiTargets;
import org.workhealth.performance.internal.QuarterState;
import org.workhealth.performance.internal.Rag;

/**
 * The Thrive at Work table of the West Midlands board report (Thrive Programmes: Update, WMCA
 * Wellbeing Board, 6 March 2024, section 2.2.1; docs/sources.md),
 * reproduced cell by cell from targets and figures entered by hand, drawn up on 1 March 2024 with
 * the fourth quarter in progress:
 *
 * <pre>
 *                 KPI Tot  baseline  Q1 F/A     Q2 F/A     Q3 F/A      Q4 F/A                 Cum. tot
 * Sign-ups        126      54        +21 +14    +21 +24    +21 +22     As left (+12 to Feb)   126
 * Accreditations  126      42        +21 +12    +21 +15    +21 +22     As left (+3 to Feb)    94
 * Engagements     900      1548      +150 +229  +150 +804  +150 +1209  As left (TBC)          3790
 * Case studies    12       6         +2 +3      +2 +1      +2 +3       As left (TBC)          13
 * </pre>
 */
@SpringBootTest
@AutoConfigureMockMvc
class ThriveAtWorkTableTest {

    private static final FinancialYear YEAR = FinancialYear.of(2023);
    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 1);
    private static final String WMCA = "West Midlands Combined Authority";

    private final KpiTables tables;
    private final KpiDefinitions definitions;
    private final KpiTargets targets;
    private final KpiFigures figures;
    private final Programmes programmes;
    private final Organisations organisations;
    private final People people;
    private final JdbcClient jdbc;

    @Autowired
    ThriveAtWorkTableTest(KpiTables tables, KpiDefinitions definitions, KpiTargets targets, KpiFigures figures,
            Programmes programmes, Organisations organisations, People people, JdbcClient jdbc) {
        this.tables = tables;
        this.definitions = definitions;
        this.targets = targets;
        this.figures = figures;
        this.programmes = programmes;
        this.organisations = organisations;
        this.people = people;
        this.jdbc = jdbc;
    }

    @Test
    void theBoardReportsTableIsReproducedFromEnteredFiguresAndTargets() {
        long wmca = organisations.findByName(WMCA).orElseThrow().id();
        String code = "TW" + FigureTestData.unique();
        Programme programme = programmes.createUnchecked(code, "Thrive at Work " + code,
                SupportType.EMPLOYER_ACCREDITATION, null, wmca);
        definitions.seedDefaults(programme.id(), "TAW");
        Contract contract = programmes.addContractUnchecked(new NewContract(code + "-2022", programme.id(), wmca, wmca,
                "West Midlands", LocalDate.of(2022, 7, 1), LocalDate.of(2026, 3, 31), null));
        // Rated against thresholds of its own, so that a change to the default elsewhere does not matter.
        jdbc.sql("INSERT INTO rag_threshold (programme_id, green_from_percent, amber_from_percent, updated_at) "
                + "VALUES (?, 100.0, 90.0, CURRENT_TIMESTAMP)").param(programme.id()).update();
        long tom = commissioner().id();

        targets.saveUnchecked(contract.id(), YEAR, List.of(
                target(programme, "SIGN_UPS", 126, 54, 21),
                target(programme, "ACCREDITATIONS", 126, 42, 21),
                target(programme, "ENGAGEMENTS", 900, 1548, 150),
                target(programme, "CASE_STUDIES", 12, 6, 2)));
        enter(programme, contract, "SIGN_UPS", 14, 24, 22, 12);
        enter(programme, contract, "ACCREDITATIONS", 12, 15, 22, 3);
        enter(programme, contract, "ENGAGEMENTS", 229, 804, 1209);
        enter(programme, contract, "CASE_STUDIES", 3, 1, 3);
        // A figure entered wrongly and corrected counts only as corrected.
        KpiFigure wrong = figures.current(kpi(programme, "CASE_STUDIES"), contract.id(), YEAR.quarter(2)).orElseThrow();
        figures.correct(figures.correct(wrong.id(), 7, null, tom).id(), 1, null, tom);

        KpiTable table = tables.table(user(), programme.id(), YEAR, null, contract.id(), AS_OF);

        assertThat(table.scopeName()).isEqualTo(code + "-2022");
        assertThat(table.rows()).extracting(KpiRow::name)
                .containsExactly("Sign-ups", "Accreditations", "Engagements", "Case studies");
        assertTable(table);
    }

    /** The demo data loads the same figures for the combined authority's own contract. */
    @Test
    void theDemoThriveAtWorkContractShowsTheSameTable() {
        Optional<Long> contractId = jdbc.sql("SELECT id FROM contract WHERE reference = 'TAW-WMCA-2022'")
                .query(Long.class).optional();
        assumeTrue(contractId.isPresent(), "no demo data");
        long programmeId = programmes.findByCode("TAW").orElseThrow().id();
        assertTable(tables.table(user(), programmeId, YEAR, null, contractId.get(), AS_OF));
    }

    private void assertTable(KpiTable table) {
        //          total baseline forecasts (Q4 as left)   actuals (null = TBC)       cumulative
        assertRow(table.rows().get(0), "Sign-ups", 126, 54, new long[] {21, 21, 21, 12},
                new Long[] {14L, 24L, 22L, 12L}, 126, "to February");
        assertRow(table.rows().get(1), "Accreditations", 126, 42, new long[] {21, 21, 21, 35},
                new Long[] {12L, 15L, 22L, 3L}, 94, "to February");
        assertRow(table.rows().get(2), "Engagements", 900, 1548, new long[] {150, 150, 150, 0},
                new Long[] {229L, 804L, 1209L, null}, 3790, null);
        assertRow(table.rows().get(3), "Case studies", 12, 6, new long[] {2, 2, 2, 0},
                new Long[] {3L, 1L, 3L, null}, 13, null);

        // Only finished quarters are rated: Q4 is in progress on 1 March 2024.
        assertThat(rags(table.rows().get(0))).containsExactly(Rag.RED, Rag.GREEN, Rag.GREEN, Rag.NONE);
        assertThat(rags(table.rows().get(1))).containsExactly(Rag.RED, Rag.RED, Rag.GREEN, Rag.NONE);
        assertThat(rags(table.rows().get(2))).containsExactly(Rag.GREEN, Rag.GREEN, Rag.GREEN, Rag.NONE);
        assertThat(rags(table.rows().get(3))).containsExactly(Rag.GREEN, Rag.RED, Rag.GREEN, Rag.NONE);
        assertThat(table.rows().get(0).quarters().get(0).variance()).isEqualByComparingTo("-7");
        assertThat(table.rows().get(2).quarters().get(2).variance()).isEqualByComparingTo("1059");
        assertThat(table.rows().get(2).quarters().get(3).variance()).isNull();
    }

    private static void assertRow(KpiRow row, String name, long total, long baseline, long[] forecasts,
            Long[] actuals, long cumulative, String q4Note) {
        assertThat(row.name()).isEqualTo(name);
        assertThat(row.display()).isEqualTo(KpiDisplay.INCREMENTS);
        assertThat(row.total()).as(name + " total").isEqualByComparingTo(BigDecimal.valueOf(total));
        assertThat(row.baseline()).as(name + " baseline").isEqualByComparingTo(BigDecimal.valueOf(baseline));
        for (int q = 0; q < 4; q++) {
            KpiCell cell = row.quarters().get(q);
            assertThat(cell.quarter()).isEqualTo(Quarter.of(2023, q + 1));
            assertThat(cell.state()).isEqualTo(q < 3 ? QuarterState.FINISHED : QuarterState.IN_PROGRESS);
            assertThat(cell.forecast()).as(name + " Q" + (q + 1) + " forecast")
                    .isEqualByComparingTo(BigDecimal.valueOf(forecasts[q]));
            assertThat(cell.asLeft()).as(name + " Q" + (q + 1) + " as left").isEqualTo(q == 3);
            if (actuals[q] == null) {
                assertThat(cell.actual()).as(name + " Q" + (q + 1) + " actual (TBC)").isNull();
            } else {
                assertThat(cell.actual()).as(name + " Q" + (q + 1) + " actual")
                        .isEqualByComparingTo(BigDecimal.valueOf(actuals[q]));
            }
            assertThat(cell.note()).as(name + " Q" + (q + 1) + " note").isEqualTo(q == 3 ? q4Note : null);
        }
        assertThat(row.cumulative()).as(name + " cumulative").isEqualByComparingTo(BigDecimal.valueOf(cumulative));
    }

    private static List<Rag> rags(KpiRow row) {
        return row.quarters().stream().map(KpiCell::rag).toList();
    }

    private KpiTargetEntry target(Programme programme, String code, int total, int baseline, int forecast) {
        return new KpiTargetEntry(kpi(programme, code), total, baseline, List.of(KpiForecast.of(1, forecast),
                KpiForecast.of(2, forecast), KpiForecast.of(3, forecast), KpiForecast.asLeft(4)));
    }

    /** The quarters' figures as entered, Q1 first; the fourth, when there, is "to February". */
    private void enter(Programme programme, Contract contract, String code, int... quarters) {
        long kpi = kpi(programme, code);
        for (int q = 1; q <= quarters.length; q++) {
            figures.enter(kpi, contract.id(), YEAR.quarter(q), quarters[q - 1], q == 4 ? "to February" : null,
                    commissioner().id());
        }
        assertThat(Arrays.stream(quarters).sum()).isPositive();
    }

    private long kpi(Programme programme, String code) {
        return definitions.forProgramme(programme.id()).stream().filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow().id();
    }

    private Person commissioner() {
        return people.findByEmail(SignIn.WMCA_COMMISSIONER).orElseThrow();
    }

    private CurrentUser user() {
        Person tom = commissioner();
        return new CurrentUser(tom.id(), tom.email(), tom.fullName(), tom.organisationId(), WMCA,
                Set.of(Role.COMMISSIONER));
    }
}

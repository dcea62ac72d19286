package org.workhealth.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.milestone.MilestoneCountQuery;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
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
import org.workhealth.performance.internal.KpiFigures;
import org.workhealth.performance.internal.KpiTargets;

/**
 * Thrive at Work's four KPIs are counted from the employer milestones once the service counts them (1 April 2024),
 * with the figures entered by hand before that kept as each quarter's baseline: baseline plus increments make the
 * cumulative total, and an engagement counts its attendees.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ThriveAtWorkCountedTest {

    private static final String WMCA = "West Midlands Combined Authority";

    @Autowired
    KpiTables tables;
    @Autowired
    KpiDefinitions definitions;
    @Autowired
    KpiTargets targets;
    @Autowired
    KpiFigures figures;
    @Autowired
    Programmes programmes;
    @Autowired
    Organisations organisations;
    @Autowired
    People people;
    @Autowired
    Milestones milestones;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFourKpisAreCountedFromTheRecordAfterTheEnteredBaseline() {
        long wmca = organisations.findByName(WMCA).orElseThrow().id();
        String code = "TC" + FigureTestData.unique();
        Programme programme = programmes.createUnchecked(code, "Thrive at Work " + code,
                SupportType.EMPLOYER_ACCREDITATION, null, wmca);
        definitions.seedDefaults(programme.id(), "TAW");
        Contract contract = programmes.addContractUnchecked(new NewContract(code + "-2022", programme.id(), wmca, wmca,
                "West Midlands", LocalDate.of(2022, 7, 1), LocalDate.of(2026, 3, 31), null));
        assertThat(definitions.forProgramme(programme.id())).allSatisfy(kpi -> {
            assertThat(kpi.source()).isEqualTo(KpiSource.MILESTONES);
            assertThat(kpi.countedFrom()).isEqualTo(LocalDate.of(2024, 4, 1));
        });
        long tom = commissioner().id();
        figures.enter(kpi(programme, "SIGN_UPS"), contract.id(), FinancialYear.of(2023).quarter(1), 14, null, tom);
        figures.enter(kpi(programme, "ENGAGEMENTS"), contract.id(), FinancialYear.of(2023).quarter(1), 229, null, tom);

        // Before counting began: entered figures stand, milestones of that time do not count again.
        record(programme, contract, MilestoneType.EMPLOYER_SIGNED_UP, LocalDate.of(2024, 3, 20), Map.of());
        // Since: two sign-ups, an engagement of 40 and one of 25, one of 7 withdrawn, a case study published.
        record(programme, contract, MilestoneType.EMPLOYER_SIGNED_UP, LocalDate.of(2024, 4, 3), Map.of());
        record(programme, contract, MilestoneType.EMPLOYER_SIGNED_UP, LocalDate.of(2024, 5, 9), Map.of());
        record(programme, contract, MilestoneType.EMPLOYER_ENGAGEMENT, LocalDate.of(2024, 4, 10),
                Map.of("attendees", "40"));
        record(programme, contract, MilestoneType.EMPLOYER_ENGAGEMENT, LocalDate.of(2024, 8, 1),
                Map.of("kind", "WEBINAR", "attendees", "25"));
        long mistake = record(programme, contract, MilestoneType.EMPLOYER_ENGAGEMENT, LocalDate.of(2024, 8, 2),
                Map.of("attendees", "7"));
        milestones.withdraw(mistake, "Recorded twice", tom);
        record(programme, contract, MilestoneType.CASE_STUDY_PUBLISHED, LocalDate.of(2024, 6, 30), Map.of());

        KpiTable before = tables.table(user(), programme.id(), FinancialYear.of(2023), null, contract.id(),
                LocalDate.of(2024, 3, 31));
        assertThat(row(before, "SIGN_UPS").quarters().get(0).actual()).isEqualByComparingTo("14");
        assertThat(row(before, "SIGN_UPS").quarters().get(0).entered()).isEqualByComparingTo("14");
        // Q4 was wholly before counting began and has no figure entered: "no figure yet", however many milestones.
        assertThat(row(before, "SIGN_UPS").quarters().get(3).actual()).isNull();
        assertThat(row(before, "ENGAGEMENTS").quarters().get(0).actual()).isEqualByComparingTo("229");
        assertThat(before.enteredBeforeCounting()).isEqualTo("Sign-ups (Q1); Engagements (Q1)");

        KpiTable after = tables.table(user(), programme.id(), FinancialYear.of(2024), null, contract.id(),
                LocalDate.of(2025, 3, 31));
        assertThat(row(after, "SIGN_UPS").quarters()).extracting(KpiCell::actual)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(bd(2), bd(0), bd(0), bd(0));
        assertThat(row(after, "ENGAGEMENTS").quarters()).extracting(KpiCell::actual)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(bd(40), bd(25), bd(0), bd(0));
        assertThat(row(after, "CASE_STUDIES").cumulative()).isEqualByComparingTo("1");
        assertThat(row(after, "ACCREDITATIONS").cumulative()).isEqualByComparingTo("0");
        assertThat(after.enteredBeforeCounting()).isNull();
    }

    @Test
    void aQuantityIsAWholeNumberAndOnlyTypesWithOneAreSummed() {
        long wmca = organisations.findByName(WMCA).orElseThrow().id();
        String code = "TQ" + FigureTestData.unique();
        Programme programme = programmes.createUnchecked(code, "Thrive at Work " + code,
                SupportType.EMPLOYER_ACCREDITATION, null, wmca);
        Contract contract = programmes.addContractUnchecked(new NewContract(code + "-2024", programme.id(), wmca, wmca,
                "West Midlands", LocalDate.of(2024, 4, 1), LocalDate.of(2026, 3, 31), null));
        for (String wrong : new String[] {"", "-3", "12a", "1000001", "4;x"}) {
            assertThatThrownBy(() -> record(programme, contract, MilestoneType.EMPLOYER_ENGAGEMENT,
                    LocalDate.of(2024, 5, 1), Map.of("attendees", wrong))).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> record(programme, contract, MilestoneType.EMPLOYER_ENGAGEMENT,
                LocalDate.of(2024, 5, 1), Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MilestoneCountQuery(Set.of(MilestoneType.EMPLOYER_SIGNED_UP), null, null, null,
                null, Map.of(), false, false, true)).isInstanceOf(IllegalArgumentException.class);

        record(programme, contract, MilestoneType.EMPLOYER_ENGAGEMENT, LocalDate.of(2024, 5, 1),
                Map.of("attendees", "0"));
        record(programme, contract, MilestoneType.EMPLOYER_ENGAGEMENT, LocalDate.of(2024, 5, 2),
                Map.of("attendees", "1000000", "attendees_named", "2"));
        long sum = milestones.count(new MilestoneCountQuery(Set.of(MilestoneType.EMPLOYER_ENGAGEMENT),
                Set.of(contract.id()), null, null, null, Map.of(), false, false).summingQuantity())
                .stream().mapToLong(c -> c.count()).sum();
        assertThat(sum).isEqualTo(1_000_000);
        // No employer milestone is a case's, so none reaches the first-per-case projection claims and returns read.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM milestone_first WHERE contract_id = ?").param(contract.id())
                .query(Long.class).single()).isZero();
        assertThat(milestones.firstPerCase(List.of(contract.id()), List.of(MilestoneType.values()))).isEmpty();
    }

    private long record(Programme programme, Contract contract, MilestoneType type, LocalDate on,
            Map<String, String> attributes) {
        return milestones.record(new NewMilestone(type, null, null, programme.id(), contract.id(),
                contract.providerOrganisationId(), on, attributes, null));
    }

    private static java.math.BigDecimal bd(long value) {
        return java.math.BigDecimal.valueOf(value);
    }

    private static KpiRow row(KpiTable table, String code) {
        return table.rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
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

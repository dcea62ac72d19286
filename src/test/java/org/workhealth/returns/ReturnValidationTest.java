package org.workhealth.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.workhealth.calendar.Quarter;

class ReturnValidationTest {

    private static final Quarter Q2 = Quarter.of(2026, 2);
    private static final ReturnTemplate TEMPLATE = new ReturnTemplate(1, 1, "Test return", 20,
            List.of("ENGAGED"), ReturnExamples.standardColumns());
    private static final PersonalDataScan SCAN = PersonalDataScan.withNames(List.<String[]>of(
            new String[] {"Amelia", "Hartley"}));

    private static ExtractRow row(String id, LocalDate referred, LocalDate engaged) {
        return new ExtractRow(id, "C1", "25 to 34", "FEMALE", "White: Irish", "NO", "UNEMPLOYED", referred, engaged,
                null, null, null, null, null);
    }

    private static ReturnFigure engaged(long figure) {
        return new ReturnFigure("ENGAGED", "Engaged", false, BigDecimal.valueOf(figure), ReturnColumn.ENGAGED_ON);
    }

    private static List<String> messages(List<ReturnIssue> issues) {
        return issues.stream().map(i -> i.severity() + " " + i.message()).toList();
    }

    @Test
    void aReturnWhoseFiguresAgreeWithItsRowsHasNoIssues() {
        List<ExtractRow> rows = List.of(row("P1", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 3)),
                row("P2", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)),
                row("P3", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 2)));
        assertThat(ReturnValidation.validate(TEMPLATE, Q2, List.of(engaged(2)), rows, SCAN)).isEmpty();
    }

    @Test
    void aFigureThatDisagreesWithTheExtractIsAnError() {
        List<ExtractRow> rows = List.of(row("P1", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 3)));
        assertThat(messages(ReturnValidation.validate(TEMPLATE, Q2, List.of(engaged(2)), rows, SCAN)))
                .containsExactly("ERROR Engaged is 2 but 1 row of the extract has a date of engagement in Q2 2026/27");
        ReturnFigure unchecked = new ReturnFigure("REFERRALS", "Referrals", false, BigDecimal.TEN, null);
        assertThat(ReturnValidation.validate(TEMPLATE, Q2, List.of(unchecked), rows, SCAN)).isEmpty();
    }

    @Test
    void datesAfterTheQuarterAndStepsOutOfOrderAreErrors() {
        ExtractRow late = row("P1", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1));
        ExtractRow early = row("P2", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 7, 1));
        ExtractRow planNoEngagement = new ExtractRow("P3", "C1", "25 to 34", "MALE", "White: Irish", "NO", "EMPLOYED",
                LocalDate.of(2026, 7, 1), null, LocalDate.of(2026, 7, 20), null, null, null, null);
        assertThat(messages(ReturnValidation.validate(TEMPLATE, Q2, List.of(), List.of(late, early, planNoEngagement),
                SCAN))).containsExactly(
                        "ERROR 1 row has a date of engagement after the quarter ended on 2026-09-30 (participant P1)",
                        "ERROR 1 row has a date of engagement before the date of referral (participant P2)",
                        "ERROR 1 row has an action plan agreed but no engagement (participant P3)");
    }

    @Test
    void requiredColumnsMustBeFilledAndKnown() {
        List<ExtractRow> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(new ExtractRow("P" + i, null, "25 to 34", null, null, null, "UNEMPLOYED",
                    LocalDate.of(2026, 7, 1), null, null, null, null, null, null));
        }
        assertThat(messages(ReturnValidation.validate(TEMPLATE, Q2, List.of(), rows, SCAN))).containsExactly(
                "ERROR 5 rows have no cohort, which the return requires (participants P1, P2, P3 and others)",
                "WARNING 5 rows have no sex recorded", "WARNING 5 rows have no ethnic group recorded",
                "WARNING 5 rows have no disability recorded");

        ReturnTemplate odd = new ReturnTemplate(1, 1, "Odd", 20, List.of(),
                List.of(new ReturnTemplate.Column("SHOE_SIZE", true), new ReturnTemplate.Column("COHORT", false)));
        assertThat(messages(ReturnValidation.validate(odd, Q2, List.of(), List.of(row("P1",
                LocalDate.of(2026, 7, 1), null)), SCAN))).containsExactly(
                        "ERROR The template's column SHOE_SIZE is not one the service can compile",
                        "ERROR The template has no Participant ID column");
    }

    @Test
    void personalIdentifiersInWhatLeavesTheLocalityAreErrorsThatNeverRepeatTheValue() {
        ExtractRow leaky = new ExtractRow("P1", "amelia@example.com", "25 to 34", "FEMALE", "Hartley", "NO",
                "07700 900123", LocalDate.of(2026, 7, 1), null, null, null, null, null, "QQ123456C");
        List<String> found = messages(ReturnValidation.validate(TEMPLATE, Q2, List.of(), List.of(leaky), SCAN));
        assertThat(found).containsExactly(
                "ERROR 1 row has what looks like an email address in the column Cohort: personal identifiers must "
                        + "not leave the locality (participant P1)",
                "ERROR 1 row has what looks like a participant's name in the column Ethnic group: personal "
                        + "identifiers must not leave the locality (participant P1)",
                "ERROR 1 row has what looks like a phone number in the column Employment status at referral: "
                        + "personal identifiers must not leave the locality (participant P1)",
                "ERROR 1 row has what looks like a National Insurance number in the column Reason for exit: personal "
                        + "identifiers must not leave the locality (participant P1)");
        assertThat(String.join(" ", found)).doesNotContain("amelia@", "07700", "QQ123456C");
    }

    @Test
    void anEmptyExtractIsAWarning() {
        assertThat(messages(ReturnValidation.validate(TEMPLATE, Q2, List.of(engaged(0)), List.of(), SCAN)))
                .containsExactly("WARNING The extract has no participants: no case had a milestone by 2026-09-30");
    }

    @Test
    void theDueDateIsTheTemplatesDaysAfterTheQuarterEnds() {
        assertThat(TEMPLATE.dueOn(Q2)).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(TEMPLATE.dueOn(Quarter.of(2026, 4))).isEqualTo(LocalDate.of(2027, 4, 20));
        assertThat(TEMPLATE.dueRule()).isEqualTo("20 days after the quarter ends");
    }
}

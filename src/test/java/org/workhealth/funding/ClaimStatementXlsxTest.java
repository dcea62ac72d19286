package org.workhealth.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workhealth.funding.ClaimStatementXlsx.AMOUNT_COLUMN;
import static org.workhealth.funding.ClaimStatementXlsx.CASE_COLUMN;
import static org.workhealth.funding.ClaimStatementXlsx.DESCRIPTION_COLUMN;
import static org.workhealth.funding.ClaimStatementXlsx.EVIDENCE_COLUMN;
import static org.workhealth.funding.ClaimStatementXlsx.KIND_COLUMN;
import static org.workhealth.funding.ClaimStatementXlsx.QUARTER_COLUMN;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.workhealth.funding.internal.ClaimLine;
import org.workhealth.funding.internal.ClaimStatement;
import org.workhealth.funding.internal.Money;

class ClaimStatementXlsxTest {

    private final ClaimStatementXlsx xlsx = new ClaimStatementXlsx();

    @Test
    void theClaimSheetHasTheSummaryThenEveryLineWithNumbersAndDates() throws IOException {
        ClaimStatement statement = ClaimStatementSamples.statement();
        Map<String, Map<Integer, Row>> sheets = read(xlsx.write(statement));
        assertThat(sheets.keySet()).containsExactly("Claim", "History");
        Map<Integer, Row> claim = sheets.get("Claim");

        assertThat(text(claim, 0, 0)).isEqualTo("Claim for Q3 2025/26 \u2014 WW-BURY-2024");
        int r = ClaimStatementXlsx.FIRST_SUMMARY_ROW;
        assertThat(List.of(text(claim, r, 0), text(claim, r, 1))).containsExactly("Contract", "WW-BURY-2024");
        assertThat(text(claim, r + 1, 1)).isEqualTo("WorkWell");
        assertThat(text(claim, r + 2, 1)).isEqualTo("Bury Council Live Well service");
        assertThat(text(claim, r + 3, 1)).isEqualTo("NHS Greater Manchester");
        assertThat(text(claim, r + 4, 1)).isEqualTo("Basic plus performance");
        assertThat(text(claim, r + 5, 1)).isEqualTo("Q3 2025/26 (1 October 2025 to 31 December 2025)");
        assertThat(text(claim, r + 6, 1)).isEqualTo("Submitted");
        assertThat(text(claim, r + 7, 0)).isEqualTo("Total claimed");
        assertThat(number(claim, r + 7, 1)).isEqualByComparingTo("87615.76");

        int header = headerRow(claim);
        assertThat(List.of(text(claim, header, KIND_COLUMN), text(claim, header, QUARTER_COLUMN),
                text(claim, header, CASE_COLUMN), text(claim, header, EVIDENCE_COLUMN),
                text(claim, header, DESCRIPTION_COLUMN), text(claim, header, AMOUNT_COLUMN))).containsExactly(
                        "Kind of line", "Quarter paid for", "Case reference", "Evidence date", "Why", "Amount (£)");

        List<ClaimLine> lines = statement.lines();
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine line = lines.get(i);
            int row = header + 1 + i;
            assertThat(text(claim, row, KIND_COLUMN)).isEqualTo(line.kind().label());
            assertThat(text(claim, row, QUARTER_COLUMN)).isEqualTo(line.forQuarter().label());
            assertThat(text(claim, row, DESCRIPTION_COLUMN)).isEqualTo(line.description());
            assertThat(number(claim, row, AMOUNT_COLUMN)).isEqualTo(Money.pounds(line.amountPence()));
            if (line.caseReference() == null) {
                assertThat(cell(claim, row, CASE_COLUMN)).isNull();
            } else {
                assertThat(text(claim, row, CASE_COLUMN)).isEqualTo(line.caseReference());
            }
            if (line.evidenceOn() == null) {
                assertThat(cell(claim, row, EVIDENCE_COLUMN)).isNull();
            } else {
                Cell date = cell(claim, row, EVIDENCE_COLUMN);
                assertThat(date.getType()).isEqualTo(CellType.NUMBER);
                assertThat(date.getDataFormatString()).contains("yyyy");
                assertThat(date.asDate()).isEqualTo(line.evidenceOn().atStartOfDay());
            }
        }
        assertThat(text(claim, header + 2, CASE_COLUMN)).isEqualTo(ClaimStatementSamples.PAID_CASES[0]);
        assertThat(cell(claim, header + 2, EVIDENCE_COLUMN).asDate().toLocalDate())
                .isEqualTo(LocalDate.of(2025, 10, 6));
        // The adjustment takes money back: a negative number, so that the column sums to the total.
        int adjustment = header + lines.size();
        assertThat(text(claim, adjustment, CASE_COLUMN)).isEqualTo(ClaimStatementSamples.TAKEN_BACK_CASE);
        assertThat(text(claim, adjustment, QUARTER_COLUMN)).isEqualTo("Q2 2025/26");
        assertThat(number(claim, adjustment, AMOUNT_COLUMN)).isEqualByComparingTo("-515.38");
    }

    @Test
    void theTotalIsTheStatementsTotalAndTheLinesSumToItExactly() throws IOException {
        ClaimStatement statement = ClaimStatementSamples.statement();
        Map<Integer, Row> claim = read(xlsx.write(statement)).get("Claim");
        int header = headerRow(claim);

        BigDecimal sum = BigDecimal.ZERO;
        int row = header + 1;
        for (; !"Total claimed".equals(cellText(claim, row, KIND_COLUMN)); row++) {
            sum = sum.add(number(claim, row, AMOUNT_COLUMN));
        }
        assertThat(row - header - 1).isEqualTo(statement.lines().size());
        BigDecimal total = number(claim, row, AMOUNT_COLUMN);
        assertThat(total).isEqualTo(new BigDecimal("87615.76"));
        assertThat(total).isEqualTo(Money.pounds(statement.totalPence()));
        assertThat(sum).isEqualTo(total);
        assertThat(total.movePointRight(2).longValueExact()).isEqualTo(ClaimStatementSamples.TOTAL);
        assertThat(cell(claim, row, AMOUNT_COLUMN).getDataFormatString()).contains("0.00");
    }

    @Test
    void theHistorySheetSaysWhoDidWhatAndWhen() throws IOException {
        Map<Integer, Row> history = read(xlsx.write(ClaimStatementSamples.statement())).get("History");
        assertThat(List.of(text(history, 0, 0), text(history, 0, 1), text(history, 0, 2), text(history, 0, 3),
                text(history, 0, 4))).containsExactly("When", "What", "By", "Total (£)", "Reason");
        // 3:05pm in London on 12 January (GMT) is 15:05 UTC.
        assertThat(cell(history, 1, 0).asDate()).isEqualTo(LocalDateTime.of(2026, 1, 12, 15, 5));
        assertThat(text(history, 1, 1)).isEqualTo("Submitted");
        assertThat(text(history, 1, 2)).isEqualTo("Priya Shah");
        assertThat(number(history, 1, 3)).isEqualByComparingTo("87615.76");
        assertThat(cell(history, 1, 4)).isNull();
        assertThat(text(history, 2, 1)).isEqualTo("Returned");
        assertThat(text(history, 2, 4)).isEqualTo("Please attach the venue invoice");
        assertThat(text(history, 3, 1)).isEqualTo("Resubmitted");
    }

    @Test
    void theClaimSheetAddsNoNamesOnlyTheStatementsOwnWords() throws IOException {
        // Every text on the claim sheet is the statement's own (references, descriptions, names of
        // organisations) or a fixed heading: nothing else, such as a participant's name, can come in.
        ClaimStatement statement = ClaimStatementSamples.statement();
        Map<Integer, Row> claim = read(xlsx.write(statement)).get("Claim");
        Set<String> allowed = new HashSet<>(List.of("Contract", "Programme", "Provider", "Commissioner",
                "Payment model", "Quarter", "Status", "Total claimed", "Kind of line", "Quarter paid for",
                "Case reference", "Evidence date", "Why", "Amount (£)", "Notes",
                "Participants are shown by case reference only.",
                "Amounts are in pounds; a negative amount is money taken back from an approved claim.",
                "Claim for Q3 2025/26 \u2014 WW-BURY-2024", "WW-BURY-2024", "WorkWell",
                "Bury Council Live Well service", "NHS Greater Manchester", "Basic plus performance",
                "Q3 2025/26 (1 October 2025 to 31 December 2025)", "Submitted"));
        for (ClaimLine line : statement.lines()) {
            allowed.add(line.kind().label());
            allowed.add(line.forQuarter().label());
            allowed.add(line.description());
            if (line.caseReference() != null) {
                allowed.add(line.caseReference());
            }
        }
        List<String> texts = new ArrayList<>();
        claim.values().forEach(row -> row.stream().filter(c -> c != null && c.getType() == CellType.STRING)
                .forEach(c -> texts.add(c.asString())));
        assertThat(allowed).containsAll(texts);
        assertThat(texts).contains(ClaimStatementSamples.PAID_CASES).contains(ClaimStatementSamples.TAKEN_BACK_CASE)
                .doesNotContain("Priya Shah", "Grace Okafor");
    }

    @Test
    void anEmptyDraftIsStillAWorkbookWithItsNotesAndANoughtTotal() throws IOException {
        Map<String, Map<Integer, Row>> sheets = read(xlsx.write(ClaimStatementSamples.empty()));
        Map<Integer, Row> claim = sheets.get("Claim");
        int header = headerRow(claim);
        assertThat(text(claim, header + 1, KIND_COLUMN)).isEqualTo("Total claimed");
        assertThat(number(claim, header + 1, AMOUNT_COLUMN)).isEqualByComparingTo("0");
        assertThat(claim.values().stream().flatMap(Row::stream).filter(c -> c != null && c.getType() == CellType.STRING)
                .map(Cell::asString)).anyMatch(t -> t.startsWith("No funding is set for 2025/26"));
        assertThat(text(sheets.get("History"), 1, 0)).isEqualTo("This claim has not been submitted.");
    }

    private static int headerRow(Map<Integer, Row> rows) {
        return rows.entrySet().stream().filter(e -> "Kind of line".equals(cellText(rows, e.getKey(), KIND_COLUMN)))
                .mapToInt(Map.Entry::getKey).findFirst().orElseThrow();
    }

    /** Each sheet's rows by their 0-based number (rows with no cells are absent). */
    static Map<String, Map<Integer, Row>> read(byte[] bytes) throws IOException {
        Map<String, Map<Integer, Row>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes),
                new ReadingOptions(true, false))) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                Map<Integer, Row> rows = new TreeMap<>();
                for (Row row : sheet.read()) {
                    rows.put(row.getRowNum() - 1, row);
                }
                sheets.put(sheet.getName(), rows);
            }
        }
        return sheets;
    }

    /** The cell, or null when it is absent or empty. */
    static Cell cell(Map<Integer, Row> rows, int row, int column) {
        Row r = rows.get(row);
        return r == null ? null : r.getOptionalCell(column).filter(c -> c.getType() != CellType.EMPTY).orElse(null);
    }

    private static String cellText(Map<Integer, Row> rows, int row, int column) {
        Cell cell = cell(rows, row, column);
        return cell == null || cell.getType() != CellType.STRING ? null : cell.asString();
    }

    static String text(Map<Integer, Row> rows, int row, int column) {
        Cell cell = cell(rows, row, column);
        assertThat(cell).as("cell %d,%d", row, column).isNotNull();
        assertThat(cell.getType()).as("cell %d,%d", row, column).isEqualTo(CellType.STRING);
        return cell.asString();
    }

    static BigDecimal number(Map<Integer, Row> rows, int row, int column) {
        Cell cell = cell(rows, row, column);
        assertThat(cell).as("cell %d,%d", row, column).isNotNull();
        assertThat(cell.getType()).as("cell %d,%d", row, column).isEqualTo(CellType.NUMBER);
        return cell.asNumber();
    }
}

package org.workhealth.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.workhealth.calendar.Quarter;
import org.workhealth.programme.Programme;
import org.workhealth.programme.SupportType;

/** The national return's spreadsheet holds numbers, percentages and dates a spreadsheet can add up, not text. */
class NationalReturnFilesTest {

    private static final NationalReturns.Sent SENT = new NationalReturns.Sent(new DataReturn(1, 2, 3,
            Quarter.of(2025, 3), 1, DataReturn.APPROVED, null, null, 1, true, null, null), "NHS Greater Manchester",
            new Programme(3L, "WW", "WorkWell", SupportType.LOW_INTENSITY, "", null, null, Set.of(), 0));

    private static final ReturnTemplate TEMPLATE = new ReturnTemplate(1, 3, "WorkWell return", 20, List.of(),
            List.of(new ReturnTemplate.Column("PARTICIPANT_ID", true), new ReturnTemplate.Column("REFERRED_ON", true)));

    @Test
    void figuresAreNumericCellsAndPercentagesHaveAPercentFormat() throws IOException {
        byte[] xlsx = NationalReturnFiles.xlsx(SENT, TEMPLATE, List.of(
                new ReturnFigure("REFERRALS", "Referrals received", false, new BigDecimal("6"), null),
                new ReturnFigure("ENGAGED_SHARE", "Share engaged", true, new BigDecimal("37.5"), null),
                new ReturnFigure("JOB_OUTCOMES", "Job outcomes", false, null, null)), List.of(
                new CollatedRow("Bury", new ExtractRow("P-1", null, null, null, null, null, null,
                        LocalDate.of(2025, 10, 6), null, null, null, null, null, null))));

        List<Row> figures = sheet(xlsx, 0);
        Cell count = figures.get(1).getCell(2);
        assertThat(count.getType()).isEqualTo(CellType.NUMBER);
        assertThat(count.asNumber()).isEqualByComparingTo("6");
        Cell share = figures.get(2).getCell(2);
        assertThat(share.getType()).isEqualTo(CellType.NUMBER);
        assertThat(share.asNumber()).isEqualByComparingTo("0.375");
        assertThat(share.getDataFormatString()).contains("%");
        assertThat(text(figures.get(3), 2)).as("a KPI with no figure").isEmpty();

        List<Row> participants = sheet(xlsx, 1);
        Cell referred = participants.get(1).getCell(2);
        assertThat(referred.getType()).isEqualTo(CellType.NUMBER);
        assertThat(referred.getDataFormatString()).contains("yyyy");
        assertThat(referred.asDate()).isEqualTo(LocalDate.of(2025, 10, 6).atStartOfDay());
        assertThat(participants.get(1).getCellText(1)).isEqualTo("P-1");
    }

    private static String text(Row row, int column) {
        return column < row.getCellCount() && row.getCell(column) != null ? row.getCellText(column) : "";
    }

    private static List<Row> sheet(byte[] xlsx, int index) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx),
                new ReadingOptions(true, false))) {
            return workbook.getSheet(index).orElseThrow().read();
        }
    }
}

package org.workhealth.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.workhealth.calendar.Quarter;

class BoardReportTest {

    @Test
    void quartersAreNamedAsTheBoardPapersNameThem() {
        assertThat(BoardReport.describe(Quarter.of(2023, 3))).isEqualTo("2023/24 Q3 (October to December 2023)");
        assertThat(BoardReport.describe(Quarter.of(2023, 4))).isEqualTo("2023/24 Q4 (January to March 2024)");
        assertThat(BoardReport.months(Quarter.of(2024, 1))).isEqualTo("April to June");
    }

    @Test
    void theUrlCarriesAQuarterAsYearAndNumber() {
        assertThat(BoardReport.parameter(Quarter.of(2023, 3))).isEqualTo("2023-Q3");
        assertThat(BoardReport.parseParameter(" 2023-Q3 ")).isEqualTo(Quarter.of(2023, 3));
        assertThat(BoardReport.parseParameter("2023-Q5")).isNull();
        assertThat(BoardReport.parseParameter("2023/24 Q3")).isNull();
        assertThat(BoardReport.parseParameter(null)).isNull();
    }

    @Test
    void theFileNameHasNoSlash() {
        BoardReport report = new BoardReport(Quarter.of(2023, 3), Quarter.of(2023, 3).end(), List.of());
        assertThat(report.fileName("pdf")).isEqualTo("board-report-2023-24-Q3.pdf");
        assertThat(report.title()).isEqualTo("Board report: 2023/24 Q3");
    }
}

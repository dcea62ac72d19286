package org.workhealth.returns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Worksheet;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.workhealth.govuk.TypedText;
import org.workhealth.platform.XlsxWorkbook;

/**
 * A sent return as files: CSV of the participant rows (each with its locality) and of the KPI figures, and one
 * spreadsheet with a sheet of each. Pseudonymous throughout: what the rows hold is what the localities approved.
 */
final class NationalReturnFiles {

    static final String XLSX = XlsxWorkbook.CONTENT_TYPE;
    static final String LOCALITY = "Locality";
    private static final String WHOLE = "#,##0";
    private static final String DECIMAL = "#,##0.0#";
    private static final String PERCENT = "0%";
    private static final String PERCENT_DECIMAL = "0.0%";
    private static final String DATE = "yyyy-mm-dd";

    private NationalReturnFiles() {
    }

    static String title(NationalReturns.Sent sent) {
        return sent.hubName() + " " + sent.programme().name() + " data return, " + sent.dataReturn().quarter().label();
    }

    static byte[] rowsCsv(ReturnTemplate template, List<CollatedRow> rows) {
        return csv(rowTable(template, rows));
    }

    static byte[] figuresCsv(List<ReturnFigure> figures) {
        return csv(figureTable(figures));
    }

    static byte[] xlsx(NationalReturns.Sent sent, ReturnTemplate template, List<ReturnFigure> figures,
            List<CollatedRow> rows) {
        return XlsxWorkbook.write(title(sent), workbook -> {
            writeFigures(workbook.newWorksheet("Figures"), figures);
            writeRows(workbook.newWorksheet("Participants"), template, rows);
        });
    }

    private static List<List<String>> figureTable(List<ReturnFigure> figures) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("KPI code", "KPI", "Figure"));
        for (ReturnFigure f : figures) {
            table.add(List.of(f.code(), f.name(), f.figure() == null ? "" : f.text()));
        }
        return table;
    }

    private static List<List<String>> rowTable(ReturnTemplate template, List<CollatedRow> rows) {
        List<ReturnColumn> columns = template.knownColumns();
        List<List<String>> table = new ArrayList<>();
        List<String> heading = new ArrayList<>();
        heading.add(LOCALITY);
        columns.forEach(c -> heading.add(c.heading()));
        table.add(heading);
        for (CollatedRow row : rows) {
            List<String> line = new ArrayList<>();
            line.add(row.locality() == null ? "" : row.locality());
            columns.forEach(c -> line.add(c.value(row.row())));
            table.add(line);
        }
        return table;
    }

    private static byte[] csv(List<List<String>> table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out,
                StandardCharsets.UTF_8)) {
            for (List<String> line : table) {
                writer.writeRecord(line.stream().map(TypedText::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Figures as numbers, percentages as fractions formatted as percentages, so a spreadsheet can add them up. */
    private static void writeFigures(Worksheet sheet, List<ReturnFigure> figures) {
        List<String> heading = figureTable(List.of()).get(0);
        writeHeading(sheet, heading);
        int r = 1;
        for (ReturnFigure f : figures) {
            sheet.value(r, 0, f.code());
            sheet.value(r, 1, f.name());
            if (f.figure() != null && f.percent()) {
                sheet.value(r, 2, f.figure().movePointLeft(2));
                sheet.style(r, 2).format(f.figure().stripTrailingZeros().scale() > 0 ? PERCENT_DECIMAL : PERCENT).set();
            } else if (f.figure() != null) {
                sheet.value(r, 2, f.figure());
                sheet.style(r, 2).format(f.figure().stripTrailingZeros().scale() > 0 ? DECIMAL : WHOLE).set();
            }
            r++;
        }
    }

    /** Participant rows, their date columns as dates. */
    private static void writeRows(Worksheet sheet, ReturnTemplate template, List<CollatedRow> rows) {
        List<ReturnColumn> columns = template.knownColumns();
        writeHeading(sheet, rowTable(template, List.of()).get(0));
        int r = 1;
        for (CollatedRow row : rows) {
            sheet.value(r, 0, row.locality() == null ? "" : row.locality());
            for (int c = 0; c < columns.size(); c++) {
                ReturnColumn column = columns.get(c);
                String value = column.value(row.row());
                if (column.isDate() && !value.isEmpty()) {
                    sheet.value(r, c + 1, LocalDate.parse(value));
                    sheet.style(r, c + 1).format(DATE).set();
                } else {
                    sheet.value(r, c + 1, value);
                }
            }
            r++;
        }
    }

    private static void writeHeading(Worksheet sheet, List<String> heading) {
        for (int c = 0; c < heading.size(); c++) {
            sheet.value(0, c, heading.get(c));
        }
        sheet.range(0, 0, 0, heading.size() - 1).style().bold().set();
    }
}

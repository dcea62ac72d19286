package org.workhealth.returns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * A sent return as files: CSV of the participant rows (each with its locality) and of the KPI figures, and one
 * spreadsheet with a sheet of each. Pseudonymous throughout: what the rows hold is what the localities approved.
 */
final class NationalReturnFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String LOCALITY = "Locality";

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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "WorkHealth", "1.0");
            workbook.properties().setTitle(title(sent));
            write(workbook.newWorksheet("Figures"), figureTable(figures));
            write(workbook.newWorksheet("Participants"), rowTable(template, rows));
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
                writer.writeRecord(line.stream().map(ReturnCsv::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(Worksheet sheet, List<List<String>> table) {
        for (int r = 0; r < table.size(); r++) {
            List<String> line = table.get(r);
            for (int c = 0; c < line.size(); c++) {
                sheet.value(r, c, line.get(c));
            }
        }
        sheet.range(0, 0, 0, table.get(0).size() - 1).style().bold().set();
    }
}

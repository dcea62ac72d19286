package org.workhealth.performance.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.workhealth.govuk.TypedText;
import org.workhealth.performance.EqualityTable;

/**
 * Equality tables as one CSV file, with the cells exactly as the page shows them ("Fewer than 5", "Not shown"): a
 * download must never reveal what the page hides. One line per group of each breakdown, then its total.
 */
public final class EqualityCsv {

    private EqualityCsv() {
    }

    public static byte[] of(List<String> columns, List<EqualityTable> tables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out,
                StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(List.of("Breakdown", "Group"));
            header.addAll(columns);
            writer.writeRecord(header);
            for (EqualityTable table : tables) {
                for (EqualityTable.Row row : table.rows()) {
                    writer.writeRecord(line(table, row));
                }
                writer.writeRecord(line(table, table.total()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<String> line(EqualityTable table, EqualityTable.Row row) {
        List<String> line = new ArrayList<>(List.of(table.caption(), TypedText.inert(row.group())));
        line.addAll(row.cells());
        return line;
    }
}

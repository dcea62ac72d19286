package org.workhealth.funding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.workhealth.govuk.TypedText;

/**
 * An allocation's table as a CSV file: one header line, a line per locality and the totals, with pounds as
 * plain numbers so that a spreadsheet can add them up.
 */
final class AllocationCsv {

    private AllocationCsv() {
    }

    static byte[] of(AllocationTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out,
                StandardCharsets.UTF_8)) {
            writer.writeRecord("Locality", "Population", "Share of population (%)", "Allocation (£)", "Basic (£)",
                    "Performance (£)");
            for (AllocationTable.Row row : table.rows()) {
                writer.writeRecord(line(row));
            }
            writer.writeRecord(line(table.totals()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<String> line(AllocationTable.Row row) {
        return List.of(TypedText.inert(row.locality()), String.valueOf(row.population()), row.percentNumber(),
                pounds(row.sharePence()), pounds(row.basicPence()), pounds(row.performancePence()));
    }

    private static String pounds(long pence) {
        return String.valueOf(pence / 100);
    }

}

package org.workhealth.returns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.workhealth.govuk.TypedText;

/** A return's extract as CSV: a header line of the template's column headings, then a line per participant. */
final class ReturnCsv {

    private ReturnCsv() {
    }

    static byte[] of(ReturnTemplate template, List<ExtractRow> rows) {
        List<ReturnColumn> columns = template.knownColumns();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out,
                StandardCharsets.UTF_8)) {
            writer.writeRecord(columns.stream().map(ReturnColumn::heading).toList());
            for (ExtractRow row : rows) {
                writer.writeRecord(columns.stream().map(c -> TypedText.inert(c.value(row))).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

}

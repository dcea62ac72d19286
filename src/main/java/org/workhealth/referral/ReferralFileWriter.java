package org.workhealth.referral;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.workhealth.govuk.TypedText;
/** The bulk referral files the service writes: the template, and the rows with errors to correct. */
final class ReferralFileWriter {

    private ReferralFileWriter() {
    }

    /** The header and one example row. */
    static byte[] template() {
        return csv(writer -> {
            writer.writeRecord(ReferralFile.COLUMNS.stream().map(ReferralFile.Column::name).toList());
            writer.writeRecord(ReferralFile.COLUMNS.stream().map(ReferralFile.Column::example).toList());
        });
    }


    /** The rows with errors, as given, with an {@value ReferralFile#ERRORS_COLUMN} column saying what to correct. */
    static byte[] errorsFile(List<ReferralFile.Row> rows) {
        return csv(writer -> {
            List<String> header = new ArrayList<>(ReferralFile.COLUMNS.stream().map(ReferralFile.Column::name).toList());
            header.add(ReferralFile.ERRORS_COLUMN);
            writer.writeRecord(header);
            for (ReferralFile.Row row : rows) {
                if (row.valid()) {
                    continue;
                }
                List<String> record = new ArrayList<>(row.values().stream().map(TypedText::inert).toList());
                record.add(row.problems().stream()
                        .map(p -> p.column().isEmpty() ? p.message() : p.column() + ": " + p.message())
                        .collect(Collectors.joining("; ")));
                writer.writeRecord(record);
            }
        });
    }

    private interface Writing {
        void write(CsvWriter writer) throws IOException;
    }

    private static byte[] csv(Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out, StandardCharsets.UTF_8)) {
            writing.write(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

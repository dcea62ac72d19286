package org.workhealth.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.workhealth.govuk.TypedText;
import org.workhealth.trial.Trial;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * Writes an agreement's pseudonymised participant-level extract as CSV (RFC 4180, UTF-8, CRLF), one row per person,
 * in referral id order, straight to the output as the rows arrive. Same data and same agreement: same bytes, so the
 * same checksum.
 */
@Service
class ParticipantExtract {

    private final Participants participants;

    ParticipantExtract(Participants participants) {
        this.participants = participants;
    }

    List<Column> columns(Agreement agreement) {
        return Columns.of(agreement, participants.trial(agreement));
    }

    ExtractResult write(Agreement agreement, OutputStream out) {
        Trial trial = participants.trial(agreement);
        List<Column> columns = Columns.of(agreement, trial);
        Checksummed sink = new Checksummed(out);
        long[] rows = {0};
        try {
            Writer text = new OutputStreamWriter(sink, StandardCharsets.UTF_8);
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(text);
            csv.writeRecord(columns.stream().map(Column::name).toList());
            List<String> line = new ArrayList<>(columns.size());
            participants.forEach(agreement, p -> {
                line.clear();
                for (Column column : columns) {
                    String value = column.value().apply(p);
                    line.add(column.type() == ExtractField.Type.STRING ? TypedText.inert(value) : value);
                }
                csv.writeRecord(line);
                rows[0]++;
            });
            csv.flush();
            text.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExtractResult(rows[0], sink.hex());
    }
}

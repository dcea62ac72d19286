package org.workhealth.evaluation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.workhealth.govuk.TypedText;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * The data dictionary of an agreement's extract, from the same {@link Column}s the extract is written from: as CSV
 * (field, label, meaning, type, codes "value=label; ...", source module), and as Stata and SPSS syntax that reads the
 * extract's CSV and attaches variable and value labels, so R, Stata and SPSS users can use the CSV directly.
 */
final class DataDictionary {

    private DataDictionary() {
    }

    static String csv(List<Column> columns) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out)) {
            csv.writeRecord("field", "label", "meaning", "type", "codes", "source");
            for (Column c : columns) {
                csv.writeRecord(c.name(), TypedText.inert(c.label()), TypedText.inert(c.meaning()),
                        c.type().name().toLowerCase(), TypedText.inert(codes(c.codes())), c.source());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String codes(Map<String, String> codes) {
        return codes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Stata: import the CSV with every column as text, then destring numbers and attach labels. */
    static String stata(List<Column> columns, String csvFile) {
        StringBuilder s = new StringBuilder();
        s.append("* Data dictionary for ").append(csvFile).append(" (WorkHealth evaluation extract)\n");
        s.append("import delimited using \"").append(csvFile)
                .append("\", varnames(1) stringcols(_all) encoding(\"utf-8\") clear\n");
        for (Column c : columns) {
            String name = c.name();
            if (c.type() == ExtractField.Type.INTEGER) {
                s.append("destring ").append(name).append(", replace\n");
            }
            s.append("label variable ").append(name).append(" \"").append(stataText(c.label())).append("\"\n");
            if (c.type() == ExtractField.Type.INTEGER && !c.codes().isEmpty()) {
                s.append("label define ").append(name).append("_lbl");
                c.codes().forEach((k, v) -> s.append(' ').append(k).append(" \"").append(stataText(v)).append('"'));
                s.append('\n');
                s.append("label values ").append(name).append(' ').append(name).append("_lbl\n");
            }
            if (c.type() == ExtractField.Type.DATE) {
                s.append("* ").append(name).append(": YYYY-MM-DD, or YYYY-MM when dates are coarsened to the month;")
                        .append(" generate ").append(name).append("_d = date(").append(name)
                        .append(", \"YMD\") for a Stata date\n");
            }
        }
        return s.toString();
    }

    /** SPSS: GET DATA reads the CSV with each column's format, then VARIABLE LABELS and VALUE LABELS. */
    static String spss(List<Column> columns, String csvFile) {
        StringBuilder s = new StringBuilder();
        s.append("* Data dictionary for ").append(csvFile).append(" (WorkHealth evaluation extract).\n");
        s.append("GET DATA /TYPE=TXT /FILE='").append(csvFile).append("' /ENCODING='UTF8'\n")
                .append("  /ARRANGEMENT=DELIMITED /DELIMITERS=',' /QUALIFIER='\"' /FIRSTCASE=2\n  /VARIABLES=\n");
        for (Column c : columns) {
            s.append("    ").append(c.name()).append(' ').append(switch (c.type()) {
                case INTEGER -> "F8.0";
                case DATE -> "A10";
                case STRING -> "A500";
            }).append('\n');
        }
        s.append(".\nVARIABLE LABELS\n");
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            s.append("  ").append(c.name()).append(" '").append(spssText(c.label())).append('\'')
                    .append(i == columns.size() - 1 ? ".\n" : "\n");
        }
        List<Column> coded = columns.stream()
                .filter(c -> c.type() == ExtractField.Type.INTEGER && !c.codes().isEmpty()).toList();
        if (!coded.isEmpty()) {
            s.append("VALUE LABELS\n");
            for (int i = 0; i < coded.size(); i++) {
                Column c = coded.get(i);
                s.append(i == 0 ? "  " : "  /").append(c.name());
                c.codes().forEach((k, v) -> s.append(' ').append(k).append(" '").append(spssText(v)).append('\''));
                s.append('\n');
            }
            s.append(".\n");
        }
        s.append("* Dates are text (YYYY-MM-DD, or YYYY-MM when coarsened): COMPUTE x = NUMBER(var, SDATE10) to convert.\n");
        s.append("EXECUTE.\n");
        return s.toString();
    }

    private static String stataText(String text) {
        return text.replace("\"", "'");
    }

    private static String spssText(String text) {
        return text.replace("'", "''");
    }
}

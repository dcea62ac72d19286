package org.workhealth.referral;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.workhealth.govuk.TypedText;

/**
 * The bulk referral file: its documented columns (docs/bulk-referrals.md), reading a file into rows
 * of {@link ReferralAnswers} with a report of every problem against its row and column, the
 * template, and the file of rows with errors to correct and upload again.
 */
final class ReferralFile {

    /** The documented limits. */
    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final String MAX_SIZE_TEXT = "5 MB";
    static final int MAX_ROWS = 100_000;

    /** The extra column of the file of rows with errors; ignored when that file comes back corrected. */
    static final String ERRORS_COLUMN = "errors";

    /** One column: its name in the header, the {@link ReferralRules} field it feeds, and what to put in it. */
    record Column(String name, String field, String required, String format, String example) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("first_name", "firstName", "Yes", "Letters, spaces, hyphens and apostrophes; up to 100 characters", "Sam"),
            new Column("last_name", "lastName", "Yes", "Letters, spaces, hyphens and apostrophes; up to 100 characters", "O'Neill"),
            new Column("date_of_birth", "dateOfBirth", "Yes", "YYYY-MM-DD or DD/MM/YYYY; aged " + ReferralRules.MIN_AGE
                    + " to " + ReferralRules.MAX_AGE, "1984-03-27"),
            new Column("nhs_number", "nhsNumber", "No", "10 digits, spaces allowed", "943 476 5919"),
            new Column("phone", "phone", "If contact_preference is phone or text", "A UK phone number", "07700 900982"),
            new Column("email", "email", "If contact_preference is email", "An email address", "sam@example.com"),
            new Column("address_line_1", "addressLine1", "If contact_preference is letter", "Up to 200 characters", "1 Market Street"),
            new Column("address_line_2", "addressLine2", "No", "Up to 200 characters", ""),
            new Column("town", "town", "No", "Up to 100 characters", "Bury"),
            new Column("postcode", "postcode", "Yes", "A UK postcode", "BL9 0EJ"),
            new Column("contact_preference", "contactPreference", "Yes", "phone, email, text or letter", "phone"),
            new Column("best_times", "bestTimes", "No", "Up to 200 characters", "Weekday mornings"),
            new Column("gp_practice", "gpPractice", "No", "The practice's name; up to 200 characters", "Townside Primary Care Centre"),
            new Column("gp_practice_code", "gpPracticeCode", "No", "The practice's ODS code", "P83010"),
            new Column("employment_status", "employmentStatus", "Yes",
                    "employed, self_employed, off_sick, unemployed or not_worked_recently", "off_sick"),
            new Column("unemployed_since", "unemployedSince", "If employment_status is unemployed",
                    "YYYY-MM-DD or DD/MM/YYYY", ""),
            new Column("employer_name", "employerName", "If employment_status is employed or off_sick",
                    "Up to 200 characters", "Bury Logistics Ltd"),
            new Column("has_fit_note", "hasFitNote", "No", "yes or no", "yes"),
            new Column("fit_note_since", "fitNoteSince", "If has_fit_note is yes", "YYYY-MM-DD or DD/MM/YYYY", "2026-10-05"),
            new Column("mental_health", "mentalHealth", "No", "yes or no (empty means no)", "no"),
            new Column("musculoskeletal", "musculoskeletal", "No", "yes or no (empty means no)", "yes"),
            new Column("other_condition", "otherCondition", "No", "yes or no (empty means no)", "no"),
            new Column("condition_details", "conditionDetails", "No", "Up to 2,000 characters", "Lower back pain since a fall at work"),
            new Column("waiting_for_treatment", "waitingForTreatment", "No", "yes, no or dont_know", "yes"),
            new Column("help_wanted", "helpWanted", "No", "Up to 2,000 characters", "Help to return to work gradually"),
            new Column("consent_to_contact", "consentToContact", "Yes",
                    "yes: the person agrees that the service can contact them and use their information", "yes"),
            new Column("consent_to_contact_employer", "consentToContactEmployer", "No",
                    "yes or no (empty means no)", "no"));

    private static final Map<String, String> COLUMN_OF_FIELD = COLUMNS.stream()
            .collect(Collectors.toMap(Column::field, Column::name));
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The file as a whole cannot be used; the message says why, in GOV.UK style. */
    static final class UnusableFile extends Exception {

        static final String NOT_CSV = "The selected file must be a CSV file";
        static final String SPREADSHEET = "The selected file must be a CSV file. Save a spreadsheet as 'CSV UTF-8' "
                + "and upload that";
        static final String NOT_UTF8 = "The selected file must use UTF-8 character encoding. Save it as 'CSV UTF-8' "
                + "and upload it again";
        static final String EMPTY = "The selected file is empty";
        static final String TOO_LARGE = "The selected file must be smaller than " + MAX_SIZE_TEXT;
        static final String TOO_MANY_ROWS = "The selected file must have " + String.format(Locale.UK, "%,d", MAX_ROWS)
                + " rows or fewer";
        static final String NO_ROWS = "The selected file has a header row but no referrals";

        UnusableFile(String message) {
            super(message);
        }
    }

    /** A problem with one value in one row. */
    record RowProblem(String column, String message) {
    }

    /**
     * One row of the file. {@code number} counts the header as row 1, as a spreadsheet does.
     * {@code values} are as given, in the order of {@link #COLUMNS}. {@code answers} is null when
     * the row could not be read at all.
     */
    record Row(int number, List<String> values, ReferralAnswers answers, List<RowProblem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private ReferralFile() {
    }

    /**
     * Reads and checks every row.
     *
     * @param referrerName the uploader's name, recorded as the referrer of every row
     * @throws UnusableFile when the file is not a UTF-8 CSV with the documented header and limits
     */
    static List<Row> read(byte[] content, String referrerName, LocalDate today) throws UnusableFile {
        String text = text(content);
        List<Row> rows = new ArrayList<>();
        // Empty lines are read (and then passed over) so that row numbers match the spreadsheet's.
        CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .skipEmptyLines(false).ofCsvRecord(text);
        try {
            int[] positions = null;
            int headerSize = 0;
            int number = 0;
            for (CsvRecord record : reader) {
                number++;
                if (blank(record)) {
                    // Spreadsheets often save empty rows as a line of commas.
                    continue;
                }
                if (positions == null) {
                    positions = header(record.getFields());
                    headerSize = record.getFieldCount();
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new UnusableFile(UnusableFile.TOO_MANY_ROWS);
                }
                rows.add(row(number, record, positions, headerSize, referrerName, today));
            }
            if (positions == null) {
                throw new UnusableFile(UnusableFile.EMPTY);
            }
        } catch (CsvParseException e) {
            throw new UnusableFile("The selected file could not be read as CSV. Check that every value containing "
                    + "a comma, quote or new line is in double quotes");
        }
        if (rows.isEmpty()) {
            throw new UnusableFile(UnusableFile.NO_ROWS);
        }
        return rows;
    }

    /** Checks the bytes are text in UTF-8 (a byte order mark is allowed and dropped). */
    static String text(byte[] content) throws UnusableFile {
        if (content.length == 0) {
            throw new UnusableFile(UnusableFile.EMPTY);
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04) || startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            // A zip (.xlsx, .ods) or an old Office file (.xls): a spreadsheet renamed or saved in the wrong format.
            throw new UnusableFile(UnusableFile.SPREADSHEET);
        }
        if (startsWith(content, 0xFE, 0xFF) || startsWith(content, 0xFF, 0xFE)) {
            throw new UnusableFile(UnusableFile.NOT_UTF8);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new UnusableFile(UnusableFile.NOT_UTF8);
        }
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (text.isBlank()) {
            throw new UnusableFile(UnusableFile.EMPTY);
        }
        return text;
    }

    /** Where each documented column is in the file; every one must be there, and nothing else. */
    private static int[] header(List<String> names) throws UnusableFile {
        Map<String, Integer> found = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        Set<String> known = COLUMNS.stream().map(Column::name).collect(Collectors.toSet());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.UK);
            if (name.isEmpty() || name.equals(ERRORS_COLUMN)) {
                continue;
            }
            if (!known.contains(name)) {
                unknown.add(names.get(i).strip());
            } else if (found.putIfAbsent(name, i) != null) {
                repeated.add(name);
            }
        }
        List<String> missing = COLUMNS.stream().map(Column::name).filter(n -> !found.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            if (found.isEmpty()) {
                throw new UnusableFile("The selected file must start with a header row naming the columns. "
                        + "Download the template to see them");
            }
            throw new UnusableFile("The selected file is missing " + (missing.size() == 1 ? "the column " : "the columns ")
                    + String.join(", ", missing));
        }
        if (!repeated.isEmpty()) {
            throw new UnusableFile("The selected file has more than one column named " + String.join(", ", repeated));
        }
        if (!unknown.isEmpty()) {
            throw new UnusableFile("The selected file has " + (unknown.size() == 1 ? "a column" : "columns")
                    + " this service does not recognise: " + String.join(", ", unknown));
        }
        int[] positions = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            positions[c] = found.get(COLUMNS.get(c).name());
        }
        return positions;
    }

    private static boolean blank(CsvRecord record) {
        for (String field : record.getFields()) {
            if (!field.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static Row row(int number, CsvRecord record, int[] positions, int headerSize, String referrerName,
            LocalDate today) {
        List<String> values = new ArrayList<>(COLUMNS.size());
        for (int position : positions) {
            values.add(position < record.getFieldCount() ? record.getField(position) : "");
        }
        List<RowProblem> problems = new ArrayList<>();
        Parser p = new Parser(values, problems);
        ReferralAnswers answers = new ReferralAnswers(true, Boolean.TRUE, referrerName, null,
                p.text("first_name"), p.text("last_name"), p.date("date_of_birth"), p.text("nhs_number"),
                p.text("phone"), p.text("email"), p.text("address_line_1"), p.text("address_line_2"), p.text("town"),
                p.text("postcode"),
                p.choice("contact_preference", ContactPreference::valueOf, "phone, email, text or letter"),
                p.text("best_times"), p.text("gp_practice"), p.text("gp_practice_code"),
                p.choice("employment_status", EmploymentStatus::valueOf,
                        "employed, self_employed, off_sick, unemployed or not_worked_recently"),
                p.date("unemployed_since"), p.text("employer_name"), p.yesNo("has_fit_note"),
                p.date("fit_note_since"), p.flag("mental_health"), p.flag("musculoskeletal"),
                p.flag("other_condition"), p.text("condition_details"), p.waiting("waiting_for_treatment"),
                p.text("help_wanted"), p.flag("consent_to_contact"), p.flag("consent_to_contact_employer"),
                null, null, null, null, null);
        if (record.getFieldCount() != headerSize) {
            problems.add(0, new RowProblem("", "Row has " + record.getFieldCount() + " values but the header has "
                    + headerSize + " columns"));
        }
        Set<String> unreadable = problems.stream().map(RowProblem::column).collect(Collectors.toSet());
        for (ReferralRules.Problem problem : ReferralRules.check(answers, today)) {
            String column = columnOf(problem.field());
            // A value that could not be read is reported once, not again as missing.
            if (!unreadable.contains(column)) {
                problems.add(new RowProblem(column, problem.message()));
            }
        }
        return new Row(number, values, answers, problems);
    }

    /** The CSV column a rule's field is reported against. */
    static String columnOf(String field) {
        return COLUMN_OF_FIELD.getOrDefault(field, field);
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The row's submission key: the same person's row from the same organisation gives the same key
     * in any later file, however it is spaced, cased or its dates written, so it is imported once.
     */
    static String submissionKey(long organisationId, ReferralAnswers a) {
        StringBuilder canonical = new StringBuilder().append("bulk|").append(organisationId);
        Object[] parts = {MatchKey.name(a.firstName()), MatchKey.name(a.lastName()), a.dateOfBirth(),
                ReferralRules.normaliseNhsNumber(a.nhsNumber()), ReferralRules.normalisePhone(a.phone()), a.email(),
                a.addressLine1(), a.addressLine2(), a.town(), ReferralRules.normalisePostcode(a.postcode()),
                a.contactPreference(), a.bestTimes(), a.gpPractice(), a.gpPracticeCode(), a.employmentStatus(),
                a.unemployedSince(), a.employerName(), a.hasFitNote(), a.fitNoteSince(), a.mentalHealth(),
                a.musculoskeletal(), a.otherCondition(), a.conditionDetails(), a.waitingForTreatment(),
                a.helpWanted(), a.consentToContact(), a.consentToContactEmployer()};
        for (Object part : parts) {
            canonical.append('\u001f');
            if (part != null) {
                canonical.append(part.toString().strip().replaceAll("\\s+", " ").toLowerCase(Locale.UK));
            }
        }
        return sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header and one example row. */
    static byte[] template() {
        return csv(writer -> {
            writer.writeRecord(COLUMNS.stream().map(Column::name).toList());
            writer.writeRecord(COLUMNS.stream().map(Column::example).toList());
        });
    }


    /** The rows with errors, as given, with an {@value #ERRORS_COLUMN} column saying what to correct. */
    static byte[] errorsFile(List<Row> rows) {
        return csv(writer -> {
            List<String> header = new ArrayList<>(COLUMNS.stream().map(Column::name).toList());
            header.add(ERRORS_COLUMN);
            writer.writeRecord(header);
            for (Row row : rows) {
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

    /** Reads one row's values, noting each value it cannot read against its column. */
    private static final class Parser {

        private static final Map<String, Integer> INDEX = new LinkedHashMap<>();

        static {
            for (int i = 0; i < COLUMNS.size(); i++) {
                INDEX.put(COLUMNS.get(i).name(), i);
            }
        }

        private final List<String> values;
        private final List<RowProblem> problems;

        Parser(List<String> values, List<RowProblem> problems) {
            this.values = values;
            this.problems = problems;
        }

        String text(String column) {
            String value = values.get(INDEX.get(column));
            if (TypedText.hasControlCharacters(value)) {
                problems.add(new RowProblem(column, label(column)
                        + " must only include letters, numbers, spaces and punctuation"));
                return null;
            }
            return value == null || value.isBlank() ? null : value.strip();
        }

        LocalDate date(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return value.contains("/") ? LocalDate.parse(value, UK_DATE) : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problems.add(new RowProblem(column, label(column)
                        + " must be a real date in the format YYYY-MM-DD or DD/MM/YYYY, like 1984-03-27"));
                return null;
            }
        }

        <E extends Enum<E>> E choice(String column, Function<String, E> valueOf, String allowed) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return valueOf.apply(value.toUpperCase(Locale.UK).replace('-', '_').replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                problems.add(new RowProblem(column, label(column) + " must be " + allowed));
                return null;
            }
        }

        /** yes or no; empty is "not answered". */
        Boolean yesNo(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            switch (value.toLowerCase(Locale.UK)) {
                case "yes", "y" -> {
                    return Boolean.TRUE;
                }
                case "no", "n" -> {
                    return Boolean.FALSE;
                }
                default -> {
                    problems.add(new RowProblem(column, label(column) + " must be yes or no"));
                    return null;
                }
            }
        }

        /** yes or no; empty means no. */
        boolean flag(String column) {
            return Boolean.TRUE.equals(yesNo(column));
        }

        String waiting(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            String code = value.toUpperCase(Locale.UK).replace('-', '_').replace(' ', '_').replace("'", "");
            return switch (code) {
                case "YES", "Y" -> "YES";
                case "NO", "N" -> "NO";
                case "DONT_KNOW", "DO_NOT_KNOW" -> "DONT_KNOW";
                default -> {
                    problems.add(new RowProblem(column, label(column) + " must be yes, no or dont_know"));
                    yield null;
                }
            };
        }

        private static String label(String column) {
            String words = column.replace('_', ' ');
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }
}

package org.workhealth.referral;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralRules;
import org.workhealth.referral.internal.ContactPreference;

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

    /** A line of nothing but separators: spreadsheets often save empty rows so. */
    static boolean blank(CsvRecord record) {
        return record.getFields().stream().allMatch(String::isBlank);
    }

    private static Row row(int number, CsvRecord record, int[] positions, int headerSize, String referrerName,
            LocalDate today) {
        List<String> values = new ArrayList<>(COLUMNS.size());
        for (int position : positions) {
            values.add(position < record.getFieldCount() ? record.getField(position) : "");
        }
        List<RowProblem> problems = new ArrayList<>();
        ReferralFileParser p = new ReferralFileParser(values, problems);
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
}

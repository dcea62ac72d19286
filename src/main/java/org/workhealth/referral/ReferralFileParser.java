package org.workhealth.referral;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.workhealth.govuk.TypedText;
/** Reads one row of a bulk referral file's values, noting each value it cannot read against its column. */
final class ReferralFileParser {


    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, Integer> INDEX = new LinkedHashMap<>();

    static {
        for (int i = 0; i < ReferralFile.COLUMNS.size(); i++) {
            INDEX.put(ReferralFile.COLUMNS.get(i).name(), i);
        }
    }

    private final List<String> values;
    private final List<ReferralFile.RowProblem> problems;

    ReferralFileParser(List<String> values, List<ReferralFile.RowProblem> problems) {
        this.values = values;
        this.problems = problems;
    }

    String text(String column) {
        String value = values.get(INDEX.get(column));
        if (TypedText.hasControlCharacters(value)) {
            problems.add(new ReferralFile.RowProblem(column, label(column)
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
            problems.add(new ReferralFile.RowProblem(column, label(column)
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
            problems.add(new ReferralFile.RowProblem(column, label(column) + " must be " + allowed));
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
                problems.add(new ReferralFile.RowProblem(column, label(column) + " must be yes or no"));
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
                problems.add(new ReferralFile.RowProblem(column, label(column) + " must be yes, no or dont_know"));
                yield null;
            }
        };
    }

    private static String label(String column) {
        String words = column.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

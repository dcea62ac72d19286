package org.workhealth.govuk;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A date entered in a GOV.UK date input as day, month and year, with the pattern's error messages
 * and which of the three boxes are wrong ({@code wrongParts}: "day", "month", "year", in that order),
 * so a page marks and links only those. Months may be given as numbers or as names ("4", "April", "apr").
 */
public record DateAnswer(LocalDate date, String error, List<String> wrongParts) {

    private static final List<String> ALL_PARTS = List.of("day", "month", "year");

    /** An answer whose error, if any, concerns the whole date. */
    public DateAnswer(LocalDate date, String error) {
        this(date, error, error == null ? List.of() : ALL_PARTS);
    }

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");

    /** @param label what the date is, like "Start date" */
    public static DateAnswer parse(String label, String day, String month, String year) {
        String d = clean(day);
        String m = clean(month);
        String y = clean(year);
        if (d == null && m == null && y == null) {
            return new DateAnswer(null, "Enter the " + label.toLowerCase(Locale.UK));
        }
        List<String> missing = new ArrayList<>();
        if (d == null) {
            missing.add("day");
        }
        if (m == null) {
            missing.add("month");
        }
        if (y == null) {
            missing.add("year");
        }
        if (!missing.isEmpty()) {
            return new DateAnswer(null, label + " must include a " + String.join(" and ", missing), missing);
        }
        if (!y.matches("\\d{4}")) {
            return new DateAnswer(null, "Year must include 4 numbers", List.of("year"));
        }
        Integer monthNumber = month(m);
        boolean dayWrong = !d.matches("\\d{1,2}") || Integer.parseInt(d) < 1 || Integer.parseInt(d) > 31;
        if (dayWrong || monthNumber == null) {
            List<String> wrong = new ArrayList<>();
            if (dayWrong) {
                wrong.add("day");
            }
            if (monthNumber == null) {
                wrong.add("month");
            }
            return new DateAnswer(null, label + " must be a real date", wrong);
        }
        try {
            return new DateAnswer(LocalDate.of(Integer.parseInt(y), monthNumber, Integer.parseInt(d)), null);
        } catch (DateTimeException e) {
            // 31 June, 29 February in a common year: the day does not exist in that month
            return new DateAnswer(null, label + " must be a real date", List.of("day"));
        }
    }

    /** Whether the person typed anything into any of the three boxes. */
    public static boolean answered(String day, String month, String year) {
        return clean(day) != null || clean(month) != null || clean(year) != null;
    }

    private static String clean(String answer) {
        return answer == null || answer.isBlank() ? null : answer.strip();
    }

    /** A date as GOV.UK pages show it: "1 April 2024". */
    public static String format(LocalDate date) {
        return date == null ? "" : DISPLAY.format(date);
    }

    public boolean valid() {
        return error == null;
    }

    /** The box the error summary links to: the first wrong one, or the day box. */
    public String firstWrongPart() {
        return wrongParts.isEmpty() ? "day" : wrongParts.get(0);
    }

    private static Integer month(String answer) {
        if (answer.matches("\\d{1,2}")) {
            int number = Integer.parseInt(answer);
            return number >= 1 && number <= 12 ? number : null;
        }
        String lower = answer.toLowerCase(Locale.UK);
        if (lower.length() >= 3) {
            int index = MONTHS.indexOf(lower.substring(0, 3));
            if (index >= 0 && Month.of(index + 1).getDisplayName(TextStyle.FULL, Locale.UK)
                    .toLowerCase(Locale.UK).startsWith(lower)) {
                return index + 1;
            }
        }
        return null;
    }
}

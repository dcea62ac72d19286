package org.workhealth.subjectaccess;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Everything held about a person, in words a person reads: labels from column names, dates and yes/no written out. */
record SubjectFileView(Subject subject, String heldBy, String title, List<Section> sections) {

    record Field(String label, String value) {
    }

    record Section(String title, List<List<Field>> records) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    static SubjectFileView of(SubjectAccessRequests.SubjectFile file) {
        List<Section> sections = new ArrayList<>();
        for (RecordSet set : file.sets()) {
            List<List<Field>> records = new ArrayList<>();
            for (Map<String, Object> row : set.rows()) {
                List<Field> fields = new ArrayList<>();
                row.forEach((column, value) -> fields.add(new Field(label(column), text(value))));
                records.add(fields);
            }
            sections.add(new Section(set.title(), records));
        }
        return new SubjectFileView(file.subject(), file.found().heldBy(), "Records held about " + file.subject().fullName(), sections);
    }

    /** {@code date_of_birth} reads as "Date of birth"; {@code nhs_number} as "NHS number". */
    static String label(String column) {
        String words = column.replace('_', ' ').strip();
        words = words.replaceAll("\\bnhs\\b", "NHS").replaceAll("\\bgp\\b", "GP").replaceAll("\\bid\\b", "id");
        return words.isEmpty() ? column : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String text(Object value) {
        if (value == null) {
            return "Not recorded";
        }
        if (value instanceof Boolean yes) {
            return yes ? "Yes" : "No";
        }
        if (value instanceof LocalDate date) {
            return DAY.format(date);
        }
        if (value instanceof Instant time) {
            return TIME.format(time.atZone(LONDON)).replace("AM", "am").replace("PM", "pm");
        }
        return String.valueOf(value);
    }
}

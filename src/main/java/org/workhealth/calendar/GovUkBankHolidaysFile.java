package org.workhealth.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a file in the shape GOV.UK publishes at https://www.gov.uk/bank-holidays.json:
 * {@code {"england-and-wales": {"division": ..., "events": [{"title", "date", "notes", "bunting"}]}, "scotland": ...}}.
 * Only England and Wales events are read: the programmes run there, and Scotland and Northern
 * Ireland have holidays of their own that must not stop the clock.
 */
final class GovUkBankHolidaysFile {

    static final String DIVISION = "england-and-wales";

    /** Why a file cannot be used, in words the upload page shows as they are. */
    static final class UnusableFile extends Exception {

        static final String NOT_JSON = "The selected file must be a JSON file";
        static final String WRONG_SHAPE =
                "The selected file must be the GOV.UK bank holidays file, with England and Wales bank holidays";

        UnusableFile(String message) {
            super(message);
        }
    }

    private GovUkBankHolidaysFile() {
    }

    /**
     * The England and Wales bank holidays in the file, in the file's order. All or nothing: one
     * event without a real date or a title makes the whole file unusable, rather than importing
     * part of a file that is not what the administrator thinks it is.
     */
    static List<BankHoliday> englandAndWales(byte[] content) throws UnusableFile {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(content);
        } catch (JacksonException e) {
            throw new UnusableFile(UnusableFile.NOT_JSON);
        }
        if (root == null || !root.isObject()) {
            throw new UnusableFile(UnusableFile.WRONG_SHAPE);
        }
        JsonNode events = root.path(DIVISION).path("events");
        if (!events.isArray()) {
            throw new UnusableFile(UnusableFile.WRONG_SHAPE);
        }
        List<BankHoliday> holidays = new ArrayList<>();
        for (JsonNode event : events) {
            holidays.add(holiday(event));
        }
        return holidays;
    }

    private static BankHoliday holiday(JsonNode event) throws UnusableFile {
        JsonNode date = event.path("date");
        JsonNode title = event.path("title");
        if (!date.isString() || !title.isString() || title.stringValue().isBlank()
                || title.stringValue().strip().length() > 200) {
            throw new UnusableFile(UnusableFile.WRONG_SHAPE);
        }
        try {
            return new BankHoliday(LocalDate.parse(date.stringValue()), title.stringValue().strip());
        } catch (DateTimeParseException e) {
            throw new UnusableFile(UnusableFile.WRONG_SHAPE);
        }
    }
}

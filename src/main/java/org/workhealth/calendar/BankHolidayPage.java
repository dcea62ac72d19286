package org.workhealth.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.workhealth.govuk.DateAnswer;

/** What the bank holidays page shows, shared by the controllers that return to it with errors. */
@Component
class BankHolidayPage {

    static final String VIEW = "calendar/bank-holidays";

    /** One row of a year's table. Only future holidays may be removed: past deadlines were counted with them. */
    record Row(LocalDate date, String dateText, String dayOfWeek, String title, boolean removable) {
    }

    record Year(int year, List<Row> holidays) {
    }

    private final BankHolidays bankHolidays;
    private final Clock clock;

    BankHolidayPage(BankHolidays bankHolidays, Clock clock) {
        this.bankHolidays = bankHolidays;
        this.clock = clock;
    }

    /** Fills the model for the page and names its view; a form already in the model is kept with its answers. */
    String show(Model model) {
        LocalDate today = LocalDate.now(clock);
        // Latest year first: the years an administrator is keeping up to date are at the top.
        Map<Integer, List<Row>> byYear = new TreeMap<>(Comparator.reverseOrder());
        for (BankHoliday holiday : bankHolidays.all()) {
            LocalDate date = holiday.date();
            byYear.computeIfAbsent(date.getYear(), year -> new ArrayList<>()).add(new Row(date,
                    DateAnswer.format(date), date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK),
                    holiday.title(), date.isAfter(today)));
        }
        model.addAttribute("years", byYear.entrySet().stream().map(e -> new Year(e.getKey(), e.getValue())).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", BankHolidaysController.HolidayForm.EMPTY);
        }
        return VIEW;
    }
}

package org.workhealth.calendar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Reading GOV.UK's file, and the file shipped with the service checked against the rules for bank holidays. */
class GovUkBankHolidaysFileTest {

    /** Bank holidays moved or added by proclamation, which no rule predicts. */
    private static final Map<Integer, Set<LocalDate>> MOVED_OUT = Map.of(
            2020, Set.of(LocalDate.of(2020, 5, 4)),    // early May moved to VE day, Friday 8 May
            2022, Set.of(LocalDate.of(2022, 5, 30)));  // spring moved to Thursday 2 June for the Platinum Jubilee
    private static final Map<Integer, Set<LocalDate>> ADDED = Map.of(
            2020, Set.of(LocalDate.of(2020, 5, 8)),
            2022, Set.of(LocalDate.of(2022, 6, 2), LocalDate.of(2022, 6, 3), LocalDate.of(2022, 9, 19)),
            2023, Set.of(LocalDate.of(2023, 5, 8)));   // the coronation of King Charles III

    @Test
    void theShippedFileHasEveryEnglandAndWalesBankHolidayFrom2018To2027() throws Exception {
        Map<Integer, Set<LocalDate>> shipped = BankHolidayLoader.shipped().stream().map(BankHoliday::date)
                .collect(Collectors.groupingBy(LocalDate::getYear, Collectors.toCollection(TreeSet::new)));

        assertThat(shipped.keySet()).containsExactlyInAnyOrder(2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
                2027);
        for (int year = 2018; year <= 2027; year++) {
            Set<LocalDate> expected = new TreeSet<>(byTheRules(year));
            expected.removeAll(MOVED_OUT.getOrDefault(year, Set.of()));
            expected.addAll(ADDED.getOrDefault(year, Set.of()));
            assertThat(shipped.get(year)).as("bank holidays in %d", year).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theShippedFileNamesHolidaysAsGovUkDoes() throws Exception {
        Map<LocalDate, String> titles = BankHolidayLoader.shipped().stream()
                .collect(Collectors.toMap(BankHoliday::date, BankHoliday::title));

        assertThat(titles).containsEntry(LocalDate.of(2025, 4, 18), "Good Friday")
                .containsEntry(LocalDate.of(2025, 4, 21), "Easter Monday")
                .containsEntry(LocalDate.of(2022, 1, 3), "New Year’s Day")
                .containsEntry(LocalDate.of(2021, 12, 27), "Christmas Day")
                .containsEntry(LocalDate.of(2021, 12, 28), "Boxing Day")
                .containsEntry(LocalDate.of(2022, 12, 27), "Christmas Day")
                .containsEntry(LocalDate.of(2020, 5, 8), "Early May bank holiday (VE day)")
                .containsEntry(LocalDate.of(2022, 6, 3), "Platinum Jubilee bank holiday")
                .containsEntry(LocalDate.of(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II")
                .containsEntry(LocalDate.of(2023, 5, 8), "Bank holiday for the coronation of King Charles III");
    }

    @Test
    void readsOnlyEnglandAndWales() throws Exception {
        List<BankHoliday> holidays = GovUkBankHolidaysFile.englandAndWales("""
                {"england-and-wales": {"division": "england-and-wales", "events": [
                   {"title": "Christmas Day", "date": "2030-12-25", "notes": "", "bunting": true}]},
                 "scotland": {"division": "scotland", "events": [
                   {"title": "St Andrew’s Day", "date": "2030-12-02", "notes": "Substitute day", "bunting": true}]}}
                """.getBytes(UTF_8));

        assertThat(holidays).containsExactly(new BankHoliday(LocalDate.of(2030, 12, 25), "Christmas Day"));
    }

    @Test
    void refusesAFileThatIsNotJson() {
        assertThatThrownBy(() -> GovUkBankHolidaysFile.englandAndWales("date,title\n2030-12-25,Christmas Day"
                .getBytes(UTF_8)))
                .isInstanceOf(GovUkBankHolidaysFile.UnusableFile.class)
                .hasMessage("The selected file must be a JSON file");
    }

    @Test
    void refusesJsonOfAnotherShape() {
        for (String json : List.of("[]", "{}", "{\"scotland\": {\"events\": []}}",
                "{\"england-and-wales\": {\"events\": {}}}",
                "{\"england-and-wales\": {\"events\": [{\"title\": \"Christmas Day\"}]}}",
                "{\"england-and-wales\": {\"events\": [{\"title\": \"Christmas\", \"date\": \"2030-02-30\"}]}}",
                "{\"england-and-wales\": {\"events\": [{\"title\": \" \", \"date\": \"2030-12-25\"}]}}")) {
            assertThatThrownBy(() -> GovUkBankHolidaysFile.englandAndWales(json.getBytes(UTF_8))).as(json)
                    .isInstanceOf(GovUkBankHolidaysFile.UnusableFile.class)
                    .hasMessageStartingWith("The selected file must be the GOV.UK bank holidays file");
        }
    }

    /**
     * The usual eight: New Year's Day, Good Friday, Easter Monday, the first and last Mondays in May,
     * the last Monday in August, Christmas Day and Boxing Day, each moved to the next free weekday
     * when it falls at a weekend.
     */
    private static Set<LocalDate> byTheRules(int year) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(nextFreeWeekday(LocalDate.of(year, 1, 1), days));
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(nextFreeWeekday(LocalDate.of(year, 12, 25), days));
        days.add(nextFreeWeekday(LocalDate.of(year, 12, 26), days));
        return days;
    }

    private static LocalDate nextFreeWeekday(LocalDate date, Set<LocalDate> taken) {
        LocalDate day = date;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || taken.contains(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The Gregorian computus (Meeus/Jones/Butcher). */
    private static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}

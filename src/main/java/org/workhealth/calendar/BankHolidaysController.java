package org.workhealth.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.FormErrors;
import org.workhealth.govuk.UploadForms;
import org.workhealth.organisation.OutOfScopeException;

/**
 * Administrators keep the England and Wales bank holidays up to date: they see them by year, add
 * one (a new or a one-off bank holiday) and remove a future one. Uploading GOV.UK's file is
 * {@link BankHolidayUploadController}.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class BankHolidaysController {

    /** date is never bound: it names the date input for its error message. */
    record HolidayForm(LocalDate date, String dateDay, String dateMonth, String dateYear, String title) {
        static final HolidayForm EMPTY = new HolidayForm(null, null, null, null, null);
    }

    private final BankHolidays bankHolidays;
    private final BankHolidayPage page;
    private final AuditLog audit;
    private final AccessPolicy access;
    private final Clock clock;
    private final UploadForms uploads;

    BankHolidaysController(BankHolidays bankHolidays, BankHolidayPage page, AuditLog audit, Clock clock,
            AccessPolicy access, UploadForms uploads) {
        this.uploads = uploads;
        this.access = access;
        this.bankHolidays = bankHolidays;
        this.page = page;
        this.audit = audit;
        this.clock = clock;
    }

    /** The calendar applies to every organisation's deadlines, so only national administrators change it. */
    @ModelAttribute
    void requireNationalAdministrator(CurrentUser user) {
        access.requireNationalAdministrator(user);
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("dateDay", "dateMonth", "dateYear", "title");
    }

    @GetMapping("/admin/bank-holidays")
    String list(@RequestParam(required = false) String error, Model model) {
        // Sent back here by the UploadTooLarge advice when the uploaded file was over the server's limit.
        FormErrors tooLarge = uploads.tooLarge(error, "file");
        if (tooLarge != null) {
            model.addAttribute("errors", tooLarge);
        }
        return page.show(model);
    }

    @PostMapping("/admin/bank-holidays")
    String add(@ModelAttribute("form") HolidayForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        DateAnswer date = DateAnswer.parse("Date", form.dateDay(), form.dateMonth(), form.dateYear());
        if (!date.valid()) {
            result.rejectValue("date", "invalid", date.error());
        } else if (date.date().isBefore(LocalDate.now(clock))) {
            // Adding a past holiday would move deadlines that have already passed.
            result.rejectValue("date", "past", "Date must be today or in the future");
        } else if (weekend(date.date())) {
            result.rejectValue("date", "weekend",
                    "Date must be a weekday – for a bank holiday at a weekend, enter its substitute day");
        } else if (bankHolidays.find(date.date()).isPresent()) {
            result.rejectValue("date", "taken", "There is already a bank holiday on this date");
        }
        String title = form.title() == null ? "" : form.title().strip();
        if (title.isEmpty()) {
            result.rejectValue("title", "required", "Enter the name of the bank holiday");
        } else if (title.length() > 200) {
            result.rejectValue("title", "tooLong", "Name must be 200 characters or fewer");
        }
        if (result.hasErrors()) {
            return page.show(model);
        }
        if (!bankHolidays.add(new BankHoliday(date.date(), title), BankHolidays.Source.ADMINISTRATOR)) {
            // Added by someone else since the check above.
            result.rejectValue("date", "taken", "There is already a bank holiday on this date");
            return page.show(model);
        }
        audit.recordChange("CREATE", "bank-holiday", date.date(), null, title);
        redirect.addFlashAttribute("notice", "Bank holiday added: " + title + ", " + DateAnswer.format(date.date()));
        return "redirect:/admin/bank-holidays";
    }

    @PostMapping("/admin/bank-holidays/remove")
    String remove(@RequestParam String date, RedirectAttributes redirect) {
        LocalDate day = parse(date);
        // The page offers only future holidays; any other date comes from an edited form.
        BankHoliday holiday = bankHolidays.find(day).filter(h -> h.date().isAfter(LocalDate.now(clock)))
                .orElseThrow(OutOfScopeException::new);
        bankHolidays.remove(day);
        audit.recordChange("DELETE", "bank-holiday", day, null, holiday.title());
        redirect.addFlashAttribute("notice", "Bank holiday removed: " + holiday.title() + ", " + DateAnswer.format(day));
        return "redirect:/admin/bank-holidays";
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new OutOfScopeException();
        }
    }
}

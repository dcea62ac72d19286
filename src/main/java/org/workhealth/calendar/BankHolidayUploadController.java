package org.workhealth.calendar;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;

/**
 * Administrators upload the file GOV.UK publishes at https://www.gov.uk/bank-holidays.json when new
 * years are announced. Its England and Wales holidays on dates not yet listed are added; those already
 * listed are left alone, so a file can be uploaded again safely.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class BankHolidayUploadController {

    record UploadForm(MultipartFile file) {
    }

    private final BankHolidays bankHolidays;
    private final BankHolidayPage page;
    private final AuditLog audit;
    private final AccessPolicy access;

    BankHolidayUploadController(BankHolidays bankHolidays, BankHolidayPage page, AuditLog audit, AccessPolicy access) {
        this.access = access;
        this.bankHolidays = bankHolidays;
        this.page = page;
        this.audit = audit;
    }

    /** The calendar applies to every organisation's deadlines, so only national administrators change it. */
    @ModelAttribute
    void requireNationalAdministrator(CurrentUser user) {
        access.requireNationalAdministrator(user);
    }

    @InitBinder("upload")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("file");
    }

    @PostMapping("/admin/bank-holidays/upload")
    String upload(@ModelAttribute("upload") UploadForm upload, BindingResult result, Model model,
            RedirectAttributes redirect) throws IOException {
        MultipartFile file = upload.file();
        List<BankHoliday> holidays = List.of();
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            result.rejectValue("file", "required", "Select a GOV.UK bank holidays file");
        } else if (file.isEmpty()) {
            result.rejectValue("file", "empty", "The selected file is empty");
        } else if (!file.getOriginalFilename().toLowerCase(Locale.UK).endsWith(".json")) {
            result.rejectValue("file", "type", GovUkBankHolidaysFile.UnusableFile.NOT_JSON);
        } else {
            try {
                holidays = GovUkBankHolidaysFile.englandAndWales(file.getBytes());
            } catch (GovUkBankHolidaysFile.UnusableFile e) {
                result.rejectValue("file", "unusable", e.getMessage());
            }
        }
        if (result.hasErrors()) {
            return page.show(model);
        }
        int added = bankHolidays.addAll(holidays, BankHolidays.Source.UPLOADED_FILE);
        audit.recordChange("IMPORT", "bank-holiday", null, null, "Uploaded " + file.getOriginalFilename() + ": "
                + holidays.size() + " England and Wales bank holidays, " + added + " added");
        redirect.addFlashAttribute("notice", notice(added, holidays.size() - added));
        return "redirect:/admin/bank-holidays";
    }

    private static String notice(int added, int alreadyListed) {
        String what = added == 1 ? "1 bank holiday added" : added + " bank holidays added";
        return alreadyListed == 0 ? what + "."
                : what + ". " + alreadyListed + " in the file " + (alreadyListed == 1 ? "was" : "were")
                        + " already listed.";
    }
}

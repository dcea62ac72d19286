package org.workhealth.referral;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.govuk.FormErrors;
import org.workhealth.govuk.UploadForm;
import org.workhealth.govuk.UploadForms;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;

/**
 * National administrators upload the area deprivation lookup (postcode to IMD decile). Every row is checked first;
 * a file with any bad row is refused with each row's problem and nothing saved, a good one replaces the lookup whole.
 */
@Controller
class DeprivationUploadController {

    static final String PAGE = "/admin/area-deprivation";
    static final String ACTION = "/admin/area-deprivation/upload";

    /** A file over the server's limit comes back to the page with the GOV.UK error. */
    @Configuration
    static class Form {
        @Bean
        UploadForm deprivationUpload() {
            return new UploadForm(ACTION, PAGE);
        }
    }

    private final PostcodeDeprivation deprivation;
    private final AccessPolicy access;
    private final UploadForms uploadForms;

    DeprivationUploadController(PostcodeDeprivation deprivation, AccessPolicy access, UploadForms uploadForms) {
        this.deprivation = deprivation;
        this.access = access;
        this.uploadForms = uploadForms;
    }

    /** The lookup serves every organisation's reports, so only national administrators replace it. */
    @ModelAttribute
    void requireNationalAdministrator(CurrentUser user) {
        access.requireNationalAdministrator(user);
    }

    @GetMapping(PAGE)
    String show(@RequestParam(required = false) String error, Model model) {
        FormErrors tooLarge = uploadForms.tooLarge(error, "file");
        if (tooLarge != null) {
            model.addAttribute("errors", tooLarge);
        }
        return page(model);
    }

    @PostMapping(ACTION)
    String upload(CurrentUser user, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename().strip();
        String lower = name.toLowerCase(Locale.UK);
        String problem = null;
        DeprivationFile.Result result = null;
        if (name.isEmpty()) {
            problem = "Select a CSV file of postcodes and IMD deciles";
        } else if (file.isEmpty()) {
            problem = "The selected file is empty";
        } else if (!lower.endsWith(".csv") && !lower.endsWith(".csv.gz")) {
            problem = "The selected file must be a CSV file (.csv), or one compressed with gzip (.csv.gz)";
        } else {
            try (InputStream in = file.getInputStream()) {
                result = DeprivationFile.read(in, lower.endsWith(".gz"));
            } catch (DeprivationFile.UnusableFile e) {
                problem = e.getMessage();
            }
        }
        if (problem == null && !result.usable()) {
            problem = "The selected file has " + count(result.problemCount(), "row", "rows")
                    + " with errors, listed below. Nothing has been saved: correct the file and upload it again";
            model.addAttribute("rowProblems", result.problems());
            model.addAttribute("moreProblems", result.problemCount() > result.problems().size());
            model.addAttribute("problemsShown", result.problems().size());
        }
        if (problem != null) {
            model.addAttribute("errors", FormErrors.single("file", problem));
            return page(model);
        }
        String fileName = name.replaceAll("\\p{Cntrl}", "");
        fileName = fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        deprivation.replace(result, fileName, user.id(), false);
        redirect.addFlashAttribute("notice", "The area deprivation lookup now has "
                + count(result.size(), "postcode", "postcodes") + " from " + fileName + ".");
        return "redirect:" + PAGE;
    }

    private String page(Model model) {
        model.addAttribute("current", deprivation.current().orElse(null));
        model.addAttribute("maxRows", String.format(Locale.UK, "%,d", DeprivationFile.MAX_ROWS));
        return "referral/area-deprivation";
    }

    private static String count(int n, String one, String many) {
        return String.format(Locale.UK, "%,d", n) + " " + (n == 1 ? one : many);
    }
}

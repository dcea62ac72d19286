package org.workhealth.referral;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.govuk.FormErrors;
import org.workhealth.govuk.UploadForm;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * Bulk referrals: upload a CSV file (for example a GP practice's search for patients with fit
 * notes), see every row's problems, import the valid rows and download the others to correct.
 * Open to people who make referrals as a provider manager or as a referrer (the issue names the
 * provider manager; a GP practice's own referrer uploads its search just as well).
 */
@Controller
class ReferralUploadController {

    /** More errors than this are in the downloadable file, not on the page. */
    static final int ERRORS_SHOWN = 1000;

    /** One line of the per-row report. */
    record ReportLine(int row, String column, String message) {
    }

    private final ReferralUploads uploads;

    ReferralUploadController(ReferralUploads uploads) {
        this.uploads = uploads;
    }

    @GetMapping("/referrals/upload")
    String form(CurrentUser user, @RequestParam(required = false) String error, Model model) {
        requireUploader(user);
        if (UploadForm.TOO_LARGE.equals(error)) {
            // Sent here by the UploadTooLarge advice when the file was over the limit before it reached this controller.
            model.addAttribute("errors", FormErrors.single("file", ReferralFile.UnusableFile.TOO_LARGE));
        }
        return uploadPage(model);
    }

    @PostMapping("/referrals/upload")
    String upload(CurrentUser user, @RequestParam(name = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        requireUploader(user);
        String problem = null;
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            problem = "Select a CSV file of referrals";
        } else if (file.isEmpty()) {
            problem = ReferralFile.UnusableFile.EMPTY;
        } else if (file.getSize() > ReferralFile.MAX_BYTES) {
            problem = ReferralFile.UnusableFile.TOO_LARGE;
        } else if (!file.getOriginalFilename().strip().toLowerCase(Locale.UK).endsWith(".csv")) {
            problem = ReferralFile.UnusableFile.NOT_CSV;
        }
        if (problem == null) {
            try {
                long id = uploads.upload(user, file.getOriginalFilename(), file.getBytes());
                return "redirect:/referrals/upload/" + id;
            } catch (ReferralFile.UnusableFile e) {
                problem = e.getMessage();
            }
        }
        model.addAttribute("errors", FormErrors.single("file", problem));
        return uploadPage(model);
    }

    @GetMapping("/referrals/upload/template.csv")
    ResponseEntity<byte[]> template(CurrentUser user) {
        requireUploader(user);
        return csv("referrals-template.csv", ReferralFileWriter.template());
    }

    @GetMapping("/referrals/upload/{id}")
    String report(CurrentUser user, @PathVariable long id, Model model) {
        ReferralUploads.Report report = uploads.report(user, id);
        List<ReportLine> lines = new ArrayList<>();
        for (ReferralFile.Row row : report.rows()) {
            for (ReferralFile.RowProblem problem : row.problems()) {
                if (lines.size() < ERRORS_SHOWN) {
                    lines.add(new ReportLine(row.number(), problem.column().isEmpty() ? "Whole row" : problem.column(),
                            problem.message()));
                }
            }
        }
        model.addAttribute("report", report);
        model.addAttribute("figures", figures(report));
        model.addAttribute("lines", lines);
        model.addAttribute("moreErrors", report.rows().stream().mapToInt(r -> r.problems().size()).sum() > lines.size());
        model.addAttribute("errorsShown", ERRORS_SHOWN);
        model.addAttribute("backLink", "/referrals/upload");
        return "referral/upload-result";
    }

    @PostMapping("/referrals/upload/{id}/import")
    String importValid(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        BulkReferralIntake.BatchResult result = uploads.importValid(user, id);
        StringBuilder notice = new StringBuilder(count(result.imported(), "referral", "referrals"))
                .append(" imported.");
        if (result.alreadyImported() > 0) {
            notice.append(' ').append(count(result.alreadyImported(), "row was", "rows were"))
                    .append(" already imported.");
        }
        redirect.addFlashAttribute("notice", notice.toString());
        return "redirect:/referrals/upload/" + id;
    }

    @GetMapping("/referrals/upload/{id}/errors.csv")
    ResponseEntity<byte[]> errors(CurrentUser user, @PathVariable long id) {
        return csv("referrals-with-errors.csv", uploads.errorsFile(user, id));
    }

    private String uploadPage(Model model) {
        model.addAttribute("columns", ReferralFile.COLUMNS);
        model.addAttribute("maxSize", ReferralFile.MAX_SIZE_TEXT);
        model.addAttribute("maxRows", String.format(Locale.UK, "%,d", ReferralFile.MAX_ROWS));
        model.addAttribute("backLink", "/referrals/mine");
        return "referral/upload";
    }

    private static ResponseEntity<byte[]> csv(String fileName, byte[] content) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                // Personal data: not to be kept by shared caches or the browser.
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content);
    }

    static String count(int n, String one, String many) {
        return String.format(Locale.UK, "%,d", n) + " " + (n == 1 ? one : many);
    }

    private static void requireUploader(CurrentUser user) {
        if (!ReferralUploads.mayUpload(user)) {
            throw new OutOfScopeException();
        }
    }

    /** The report's figures as summary list rows. */
    private static List<Map<String, Object>> figures(ReferralUploads.Report report) {
        return List.of(
                row("Rows in the file", String.format(Locale.UK, "%,d", report.total())),
                row("Valid rows not yet imported", String.format(Locale.UK, "%,d", report.toImport())),
                row("Rows already imported", String.format(Locale.UK, "%,d", report.alreadyImported())),
                row("Rows with errors", String.format(Locale.UK, "%,d", report.withErrors())));
    }

    private static Map<String, Object> row(String key, String value) {
        return Map.of("key", Map.of("text", key), "value", Map.of("text", value));
    }
}

package org.workhealth.subjectaccess;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.FormErrors;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.platform.PrintTemplatePdf;

/** Finding a person's records for a subject access request, seeing everything held and downloading it. */
@Controller
@PreAuthorize("hasAnyRole('PROVIDER_MANAGER', 'COMMISSIONER')")
class SubjectAccessController {

    /** What was typed, given back to the form as it was. */
    record SearchForm(String nhsNumber, String lastName, String bornDay, String bornMonth, String bornYear) {

        boolean asked() {
            return nhsNumber != null || lastName != null || bornDay != null || bornMonth != null || bornYear != null;
        }
    }

    private final SubjectAccessRequests requests;
    private final PrintTemplatePdf pdf;
    private final Clock clock;

    SubjectAccessController(SubjectAccessRequests requests, ITemplateEngine templates,
            @Value(PrintTemplatePdf.FONT_DIRECTORY) String fontDirectory, Clock clock) {
        this.requests = requests;
        this.pdf = new PrintTemplatePdf(templates, fontDirectory, "subjectaccess/file-pdf");
        this.clock = clock;
    }

    @GetMapping("/subject-access")
    String search(CurrentUser user, @RequestParam(required = false) String nhsNumber,
            @RequestParam(required = false) String lastName, @RequestParam(required = false) String bornDay,
            @RequestParam(required = false) String bornMonth, @RequestParam(required = false) String bornYear,
            Model model) {
        SearchForm form = new SearchForm(nhsNumber, lastName, bornDay, bornMonth, bornYear);
        model.addAttribute("form", form);
        if (!form.asked()) {
            return "subjectaccess/search";
        }
        SearchAnswer answer = SearchAnswer.of(form);
        if (answer.error() != null) {
            model.addAttribute("errors", FormErrors.single(answer.errorField(), answer.error()));
            return "subjectaccess/search";
        }
        model.addAttribute("results", requests.search(user, answer.query()));
        return "subjectaccess/search";
    }

    @GetMapping("/subject-access/{referral}")
    String file(CurrentUser user, @PathVariable("referral") long referralId, Model model) {
        SubjectFileView view = SubjectFileView.of(requests.file(user, referralId));
        model.addAttribute("view", view);
        model.addAttribute("backLink", "/subject-access");
        return "subjectaccess/file";
    }

    @GetMapping("/subject-access/{referral}/records.pdf")
    ResponseEntity<byte[]> downloadPdf(CurrentUser user, @PathVariable("referral") long referralId) {
        SubjectFileView view = SubjectFileView.of(requests.export(user, referralId, "PDF"));
        return download(pdf.render(view), MediaType.APPLICATION_PDF,
                view.subject().reference() + "-records.pdf");
    }

    @GetMapping(path = "/subject-access/{referral}/records.json")
    ResponseEntity<Map<String, Object>> downloadJson(CurrentUser user, @PathVariable("referral") long referralId) {
        SubjectAccessRequests.SubjectFile file = requests.export(user, referralId, "JSON");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("referenceOfReferral", file.subject().reference());
        body.put("heldBy", file.found().heldBy());
        body.put("exportedOn", LocalDate.now(clock).toString());
        body.put("records", file.sets().stream().map(set -> Map.of("title", set.title(), "rows",
                set.rows().stream().map(SubjectAccessController::plain).toList())).toList());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.subject().reference() + "-records.json").build().toString())
                .body(body);
    }

    /** Dates and times as ISO 8601 text, so the file reads the same whatever reads it. */
    private static Map<String, Object> plain(Map<String, Object> row) {
        Map<String, Object> plain = new LinkedHashMap<>();
        row.forEach((column, value) -> plain.put(column, value instanceof Temporal ? value.toString() : value));
        return plain;
    }

    private static <T> ResponseEntity<T> download(T body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString()).body(body);
    }

    /** The search, checked: an NHS number, or a surname with a date of birth. */
    record SearchAnswer(SubjectQuery query, String errorField, String error) {

        static SearchAnswer of(SearchForm form) {
            String nhs = form.nhsNumber() == null ? "" : form.nhsNumber().replaceAll("[\\s-]", "");
            if (!nhs.isEmpty()) {
                return nhs.matches("\\d{10}") ? new SearchAnswer(new SubjectQuery(nhs, null, null), null, null)
                        : new SearchAnswer(null, "nhsNumber", "NHS number must be 10 digits, like 999 000 0018");
            }
            String lastName = form.lastName() == null ? "" : form.lastName().strip();
            if (lastName.isEmpty()) {
                return new SearchAnswer(null, "nhsNumber", "Enter an NHS number, or a last name and date of birth");
            }
            if (lastName.length() > 100) {
                return new SearchAnswer(null, "lastName", "Last name must be 100 characters or fewer");
            }
            DateAnswer born = DateAnswer.parse("Date of birth", form.bornDay(), form.bornMonth(), form.bornYear());
            if (!born.valid()) {
                return new SearchAnswer(null, "born-day", born.error());
            }
            return new SearchAnswer(new SubjectQuery(null, lastName, born.date()), null, null);
        }
    }
}

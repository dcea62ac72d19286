package org.workhealth.performance;

import java.util.List;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import org.workhealth.calendar.Quarter;
import org.workhealth.govuk.Choices;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.programme.Programme;

/**
 * The board report: choose programmes and a quarter, then read the KPI tables as a page or download
 * them as PDF or XLSX. Every step is a GET so that a report's address can be bookmarked and shared;
 * whoever opens it sees only the figures their own organisation may see.
 */
@Controller
class BoardReportController {

    static final String FORM = "/performance/reports";
    static final String REPORT = "/performance/reports/board";
    private static final String BEFORE_CONTRACTS = "beforeContracts";

    /** {@code programme} is repeated, one per chosen programme's code; {@code quarter} is like "2023-Q3". */
    record ReportForm(List<String> programme, String quarter) {

        List<String> programmes() {
            return programme == null ? List.of()
                    : programme.stream().filter(code -> code != null && !code.isBlank()).toList();
        }
    }

    private final BoardReports reports;
    private final BoardReportPdf pdf;
    private final BoardReportXlsx xlsx;

    BoardReportController(BoardReports reports, BoardReportPdf pdf, BoardReportXlsx xlsx) {
        this.reports = reports;
        this.pdf = pdf;
        this.xlsx = xlsx;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("programme", "quarter");
    }

    /** The question page; "Choose other programmes" comes back here with the report's choices filled in. */
    @GetMapping(FORM)
    String choose(CurrentUser user, @ModelAttribute("form") ReportForm form, Model model) {
        if (BoardReport.parseParameter(form.quarter()) == null) {
            model.addAttribute("form", new ReportForm(form.programmes(), BoardReport.parameter(reports.lastFinished())));
        }
        return formPage(user, model);
    }

    @GetMapping(REPORT)
    String report(CurrentUser user, @ModelAttribute("form") ReportForm form, BindingResult result, Model model) {
        Quarter quarter = validate(user, form, result);
        if (result.hasErrors()) {
            return formPage(user, model);
        }
        BoardReport report = reports.report(user, form.programmes(), quarter);
        model.addAttribute("report", report);
        model.addAttribute("title", report.title());
        model.addAttribute("quarterDescription", BoardReport.describe(quarter));
        model.addAttribute("asOf", BoardReportView.of(report).asOf());
        model.addAttribute("pdfHref", link(REPORT + ".pdf", report));
        model.addAttribute("xlsxHref", link(REPORT + ".xlsx", report));
        model.addAttribute("changeHref", link(FORM, report));
        model.addAttribute("backLink", FORM);
        return "performance/board-report";
    }

    @GetMapping(REPORT + ".pdf")
    ResponseEntity<byte[]> pdf(CurrentUser user, @ModelAttribute("form") ReportForm form, BindingResult result) {
        BoardReport report = downloadable(user, form, result);
        return download(pdf.write(report), BoardReportPdf.CONTENT_TYPE, report.fileName("pdf"));
    }

    @GetMapping(REPORT + ".xlsx")
    ResponseEntity<byte[]> xlsx(CurrentUser user, @ModelAttribute("form") ReportForm form, BindingResult result) {
        BoardReport report = downloadable(user, form, result);
        return download(xlsx.write(report), BoardReportXlsx.CONTENT_TYPE, report.fileName("xlsx"));
    }

    /** Downloads are reached by the page's links: a hand-edited address that is not valid is a bad request. */
    private BoardReport downloadable(CurrentUser user, ReportForm form, BindingResult result) {
        Quarter quarter = validate(user, form, result);
        if (result.hasErrors()) {
            FieldError error = result.getFieldError("quarter");
            if (error != null && BEFORE_CONTRACTS.equals(error.getCode())) {
                // A well-formed address for a quarter with nothing in it: there is no such report.
                throw new OutOfScopeException();
            }
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose programmes and a quarter");
        }
        return reports.report(user, form.programmes(), quarter);
    }

    private Quarter validate(CurrentUser user, ReportForm form, BindingResult result) {
        // Checks the person may see figures at all (404 otherwise) before saying anything about the form.
        reports.programmes(user);
        if (form.programmes().isEmpty()) {
            result.rejectValue("programme", "required", "Select at least one programme");
        }
        Quarter quarter = BoardReport.parseParameter(form.quarter());
        if (quarter == null) {
            result.rejectValue("quarter", "required", "Select a quarter");
        } else if (!reports.started(quarter)) {
            result.rejectValue("quarter", "future", "Select a quarter that has started");
        } else if (!form.programmes().isEmpty()) {
            Optional<Quarter> first = reports.firstQuarter(user, form.programmes());
            if (first.isPresent() && quarter.compareTo(first.get()) < 0) {
                result.rejectValue("quarter", BEFORE_CONTRACTS, "Select a quarter from "
                        + BoardReport.describe(first.get()) + ", when the programmes you chose had their first contract");
            }
        }
        return quarter;
    }

    private String formPage(CurrentUser user, Model model) {
        ReportForm form = (ReportForm) model.getAttribute("form");
        List<Programme> programmes = reports.programmes(user);
        model.addAttribute("noProgrammes", programmes.isEmpty());
        model.addAttribute("programmeItems", Choices.options(programmes, Programme::code, Programme::name, null,
                form.programmes()));
        List<Quarter> quarters = reports.quartersOffered(user);
        Quarter chosen = BoardReport.parseParameter(form.quarter());
        model.addAttribute("quarterItems", Choices.select(null, quarters, BoardReport::parameter,
                q -> BoardReport.describe(q) + (q.contains(reports.today()) ? ", in progress" : ""),
                chosen == null ? null : BoardReport.parameter(chosen)));
        model.addAttribute("action", REPORT);
        return "performance/board-report-form";
    }

    private static String link(String path, BoardReport report) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        report.tables().forEach(table -> uri.queryParam("programme", table.programmeCode()));
        return uri.queryParam("quarter", BoardReport.parameter(report.quarter())).encode().build().toUriString();
    }

    private static ResponseEntity<byte[]> download(byte[] body, String contentType, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}

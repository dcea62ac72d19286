package org.workhealth.returns;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.govuk.FormErrors;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * The person's quarterly data returns, and one return's page: compile it with one action, its figures, what
 * validation found, the first rows of the extract and the whole extract as CSV.
 */
@Controller
class ReturnController {

    static final String PATH = "/returns/{programme}/{year}/{quarter}";
    static final int PREVIEW_ROWS = 50;

    private final Returns returns;
    private final ReturnSubmission submission;
    private final ReturnVersions versions;

    ReturnController(Returns returns, ReturnSubmission submission, ReturnVersions versions) {
        this.returns = returns;
        this.submission = submission;
        this.versions = versions;
    }

    @GetMapping(PATH)
    String show(CurrentUser user, @PathVariable String programme, @PathVariable int year, @PathVariable int quarter,
            Model model) {
        return page(user, returns.period(user, programme, year, quarter), null, model);
    }

    @PostMapping(PATH + "/submit")
    String submit(CurrentUser user, @PathVariable String programme, @PathVariable int year, @PathVariable int quarter,
            @RequestParam(name = "return", required = false) Long returnId, Model model,
            RedirectAttributes redirect) {
        Returns.Period period = returns.period(user, programme, year, quarter);
        try {
            DataReturn r = submission.submit(user, period, returnId == null ? -1 : returnId);
            redirect.addFlashAttribute("notice", "Version " + r.version() + " of the return for "
                    + period.quarter().label() + " submitted to the hub");
        } catch (ReturnStateException e) {
            return page(user, period, e.getMessage(), model);
        }
        return "redirect:" + ReturnPaths.of(period.programme().code(), period.quarter());
    }

    private String page(CurrentUser user, Returns.Period period, String problem, Model model) {
        Optional<DataReturn> compiled = returns.find(user, period);
        model.addAttribute("period", period);
        model.addAttribute("base", ReturnPaths.of(period.programme().code(), period.quarter()));
        model.addAttribute("compiled", compiled.orElse(null));
        model.addAttribute("overdue", compiled.map(DataReturn::draft).orElse(true)
                && returns.today().isAfter(period.dueOn()));
        List<ReturnIssue> issues = compiled.map(returns::issues).orElse(List.of());
        List<String> errorTexts = issues.stream().filter(ReturnIssue::isError).map(ReturnIssue::message).toList();
        model.addAttribute("errorTexts", errorTexts);
        List<String[]> problems = new java.util.ArrayList<>();
        if (problem != null) {
            problems.add(new String[] {"submit", problem, "submit"});
        }
        if (compiled.map(DataReturn::draft).orElse(false)) {
            errorTexts.forEach(e -> problems.add(new String[] {"validation-" + e.hashCode(), e, "validation"}));
        }
        model.addAttribute("errors", FormErrors.ofProblems(problems));
        model.addAttribute("canSubmit", compiled.map(r -> submission.problem(period, r) == null).orElse(false));
        model.addAttribute("mayCompile", compiled.map(r -> r.draft() || r.is(DataReturn.RETURNED)).orElse(true));
        model.addAttribute("diff", compiled.flatMap(r -> versions.diff(r, period.template())).orElse(null));
        model.addAttribute("events", compiled.map(versions::events).orElse(List.of()));
        model.addAttribute("comment", compiled.flatMap(versions::comment).orElse(null));
        model.addAttribute("warnings", issues.stream().filter(i -> !i.isError()).map(ReturnIssue::message).toList());
        model.addAttribute("figures", compiled.map(returns::figures).orElse(List.of()));
        model.addAttribute("rows", compiled.map(r -> returns.preview(r, PREVIEW_ROWS)).orElse(List.of()));
        model.addAttribute("columns", period.template().knownColumns());
        return "returns/return";
    }

    @PostMapping(PATH + "/compile")
    String compile(CurrentUser user, @PathVariable String programme, @PathVariable int year,
            @PathVariable int quarter, RedirectAttributes redirect) {
        Returns.Period period = returns.period(user, programme, year, quarter);
        Optional<DataReturn> compiled;
        try {
            compiled = returns.compile(user, period);
        } catch (DuplicateKeyException e) {
            // Someone compiled the same return, or a return sharing its participants, at the same moment: the
            // unique keys let theirs through and roll this one back whole.
            redirect.addFlashAttribute("notice", "The return was being compiled by someone else at the same moment: "
                    + "check it, or compile it again");
            return "redirect:" + ReturnPaths.of(period.programme().code(), period.quarter());
        }
        redirect.addFlashAttribute("notice", compiled.map(r -> "Version " + r.version() + " of the return for "
                + period.quarter().label() + " compiled: " + r.rowCount() + (r.rowCount() == 1 ? " participant" : " participants"))
                .orElse("The return has been submitted, so it was not compiled again"));
        return "redirect:" + ReturnPaths.of(period.programme().code(), period.quarter());
    }

    @GetMapping(PATH + "/extract.csv")
    ResponseEntity<byte[]> extract(CurrentUser user, @PathVariable String programme, @PathVariable int year,
            @PathVariable int quarter) {
        Returns.Period period = returns.period(user, programme, year, quarter);
        DataReturn compiled = returns.find(user, period).orElseThrow(OutOfScopeException::new);
        byte[] csv = ReturnCsv.of(period.template(), returns.extract(compiled));
        String name = period.programme().code() + "-return-" + year + "-Q" + quarter + ".csv";
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(csv);
    }
}

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

    ReturnController(Returns returns) {
        this.returns = returns;
    }

    @GetMapping("/returns")
    String index(CurrentUser user, Model model) {
        model.addAttribute("returns", returns.listFor(user));
        model.addAttribute("today", returns.today());
        return "returns/index";
    }

    @GetMapping(PATH)
    String show(CurrentUser user, @PathVariable String programme, @PathVariable int year, @PathVariable int quarter,
            Model model) {
        Returns.Period period = returns.period(user, programme, year, quarter);
        Optional<DataReturn> compiled = returns.find(user, period);
        model.addAttribute("period", period);
        model.addAttribute("base", ReturnPaths.of(period.programme().code(), period.quarter()));
        model.addAttribute("compiled", compiled.orElse(null));
        model.addAttribute("overdue", compiled.map(DataReturn::draft).orElse(true)
                && returns.today().isAfter(period.dueOn()));
        List<ReturnIssue> issues = compiled.map(returns::issues).orElse(List.of());
        model.addAttribute("errors", FormErrors.ofProblems(issues.stream().filter(ReturnIssue::isError)
                .map(i -> new String[] {"validation-" + i.message().hashCode(), i.message(), "validation"}).toList()));
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
        redirect.addFlashAttribute("notice", compiled.map(r -> "Return for " + period.quarter().label()
                + " compiled: " + r.rowCount() + (r.rowCount() == 1 ? " participant" : " participants"))
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

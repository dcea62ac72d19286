package org.workhealth.trial.consort;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workhealth.audit.AuditLog;
import org.workhealth.govuk.TypedText;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.programme.Programmes;
import org.workhealth.trial.Trial;
import org.workhealth.trial.Trials;

/**
 * A trial's CONSORT flow diagram, its numbers as a table and as CSV, for anyone who may view the trial. Counts
 * only, but of the trial's participants, so each look is audited.
 */
@Controller
class ConsortController {

    private final Trials trials;
    private final Consort consort;
    private final Programmes programmes;
    private final AuditLog audit;

    ConsortController(Trials trials, Consort consort, Programmes programmes, AuditLog audit) {
        this.trials = trials;
        this.consort = consort;
        this.programmes = programmes;
        this.audit = audit;
    }

    @GetMapping("/trials/{trialId}/consort")
    String page(CurrentUser user, @PathVariable long trialId, Model model) {
        Trial trial = trials.visible(user, trialId);
        ConsortCounts counts = counted(trial);
        model.addAttribute("trial", trial);
        model.addAttribute("programme", programmes.find(trial.programmeId()).orElseThrow());
        model.addAttribute("counts", counts);
        model.addAttribute("svg", ConsortDiagram.svg(trial.title(), counts));
        model.addAttribute("rows", ConsortDiagram.rows(counts));
        model.addAttribute("backLink", "/trials/" + trialId);
        return "trial/consort";
    }

    @GetMapping("/trials/{trialId}/consort.svg")
    ResponseEntity<byte[]> svg(CurrentUser user, @PathVariable long trialId) {
        Trial trial = trials.visible(user, trialId);
        String svg = ConsortDiagram.svg(trial.title(), counted(trial));
        return download(svg, "image/svg+xml", trial.code() + "-consort.svg");
    }

    @GetMapping("/trials/{trialId}/consort.csv")
    ResponseEntity<byte[]> csv(CurrentUser user, @PathVariable long trialId) {
        Trial trial = trials.visible(user, trialId);
        List<String[]> rows = ConsortDiagram.rows(counted(trial));
        String csv = "stage,arm,box,count\r\n" + rows.stream()
                .map(r -> String.join(",", cell(r[0]), cell(r[1]), cell(r[2]), r[3]))
                .collect(Collectors.joining("\r\n")) + "\r\n";
        return download(csv, "text/csv;charset=UTF-8", trial.code() + "-consort.csv");
    }

    private ConsortCounts counted(Trial trial) {
        ConsortCounts counts = consort.counts(trial);
        audit.recordView("trial_consort", trial.id(), trial.ownerOrganisationId());
        return counts;
    }

    private static ResponseEntity<byte[]> download(String body, String type, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9.-]", "") + "\"")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Arm names are typed by people: quoted, and made inert for spreadsheets. */
    private static String cell(String value) {
        return "\"" + TypedText.inert(value).replace("\"", "\"\"") + "\"";
    }
}

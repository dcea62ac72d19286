package org.workhealth.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * The downloads of an agreement: extracts (a POST, because each is logged), the data dictionary in CSV, Stata and
 * SPSS form (GETs: they describe columns and hold nobody's data), and reproducing a logged extract.
 */
@Controller
class ExtractController {

    private final Agreements agreements;
    private final Extracts extracts;
    private final ParticipantExtract participantExtract;
    private final ExtractLog log;

    ExtractController(Agreements agreements, Extracts extracts, ParticipantExtract participantExtract,
            ExtractLog log) {
        this.agreements = agreements;
        this.extracts = extracts;
        this.participantExtract = participantExtract;
        this.log = log;
    }

    /** Streamed to the response as it is written: never held whole in memory. Evaluators only. */
    @PostMapping("/evaluation/agreements/{dsaId}/extract")
    void participants(CurrentUser user, @PathVariable long dsaId, HttpServletResponse response) throws IOException {
        Agreement agreement = agreements.receivable(user, dsaId);
        download(user, agreement, ExtractLog.Kind.PARTICIPANTS, response);
    }

    @PostMapping("/evaluation/agreements/{dsaId}/aggregate")
    void aggregate(CurrentUser user, @PathVariable long dsaId, HttpServletResponse response) throws IOException {
        Agreement agreement = agreements.receivable(user, dsaId);
        download(user, agreement, ExtractLog.Kind.AGGREGATE, response);
    }

    private void download(CurrentUser user, Agreement agreement, ExtractLog.Kind kind, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName(agreement, kind == ExtractLog.Kind.PARTICIPANTS ? "participants" : "aggregate")
                        + ".csv").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        extracts.make(user, agreement, kind, response.getOutputStream());
        response.flushBuffer();
    }

    @PostMapping("/evaluation/agreements/{dsaId}/extracts/{extractId}/reproduce")
    String reproduce(CurrentUser user, @PathVariable long dsaId, @PathVariable long extractId,
            RedirectAttributes redirect) {
        Agreement shown = agreements.visible(user, dsaId);
        ExtractLog.Entry original = log.find(extractId).orElseThrow(OutOfScopeException::new);
        Agreement madeUnder = agreements.versions(shown).stream().filter(a -> a.id() == original.agreementId())
                .findFirst().orElseThrow(OutOfScopeException::new);
        ExtractLog.Entry again = extracts.reproduce(user, madeUnder, original);
        redirect.addFlashAttribute("notice", Boolean.TRUE.equals(again.matched())
                ? "Extract " + original.id() + " reproduced: the checksum matches (" + again.rowCount() + " rows)"
                : "Extract " + original.id() + " re-run: the checksum differs (" + again.rowCount() + " rows now, "
                        + original.rowCount() + " then). The data may have changed since, or consent been withdrawn");
        return "redirect:/evaluation/agreements/" + dsaId;
    }

    @GetMapping("/evaluation/agreements/{dsaId}/dictionary.csv")
    ResponseEntity<String> dictionaryCsv(CurrentUser user, @PathVariable long dsaId) {
        Agreement agreement = agreements.visible(user, dsaId);
        return file(fileName(agreement, "dictionary") + ".csv", "text/csv",
                DataDictionary.csv(participantExtract.columns(agreement)));
    }

    @GetMapping("/evaluation/agreements/{dsaId}/dictionary.do")
    ResponseEntity<String> dictionaryStata(CurrentUser user, @PathVariable long dsaId) {
        Agreement agreement = agreements.visible(user, dsaId);
        return file(fileName(agreement, "dictionary") + ".do", "text/plain", DataDictionary.stata(
                participantExtract.columns(agreement), fileName(agreement, "participants") + ".csv"));
    }

    @GetMapping("/evaluation/agreements/{dsaId}/dictionary.sps")
    ResponseEntity<String> dictionarySpss(CurrentUser user, @PathVariable long dsaId) {
        Agreement agreement = agreements.visible(user, dsaId);
        return file(fileName(agreement, "dictionary") + ".sps", "text/plain", DataDictionary.spss(
                participantExtract.columns(agreement), fileName(agreement, "participants") + ".csv"));
    }

    /** The same name for a version's files every day it is used, so the syntax files find the CSV. */
    static String fileName(Agreement agreement, String what) {
        return "agreement-" + agreement.seriesId() + "-v" + agreement.version() + "-" + what;
    }

    private static ResponseEntity<String> file(String name, String type, String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.valueOf(type), StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(body);
    }
}

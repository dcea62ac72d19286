package org.workhealth.returns;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workhealth.organisation.CurrentUser;

/** A return a hub has sent: its figures and pseudonymous rows, and the downloads national users take away. */
@Controller
class NationalReturnController {

    static final String PATH = "/returns/sent/{id}";

    private final NationalReturns returns;

    NationalReturnController(NationalReturns returns) {
        this.returns = returns;
    }

    @GetMapping(PATH)
    String show(CurrentUser user, @PathVariable long id, Model model) {
        NationalReturns.Sent sent = returns.sent(user, id);
        ReturnTemplate template = returns.template(sent);
        model.addAttribute("sent", sent);
        model.addAttribute("title", NationalReturnFiles.title(sent));
        model.addAttribute("figures", returns.figures(sent));
        model.addAttribute("rows", returns.rows(sent, ReturnController.PREVIEW_ROWS));
        model.addAttribute("columns", template.knownColumns());
        return "returns/sent";
    }

    @GetMapping(PATH + "/participants.csv")
    ResponseEntity<byte[]> participants(CurrentUser user, @PathVariable long id) {
        NationalReturns.Sent sent = returns.sent(user, id);
        return file(NationalReturnFiles.rowsCsv(returns.template(sent), returns.rows(sent, Integer.MAX_VALUE)),
                name(sent, "participants", "csv"), new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping(PATH + "/figures.csv")
    ResponseEntity<byte[]> figures(CurrentUser user, @PathVariable long id) {
        NationalReturns.Sent sent = returns.sent(user, id);
        return file(NationalReturnFiles.figuresCsv(returns.figures(sent)), name(sent, "figures", "csv"),
                new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping(PATH + "/return.xlsx")
    ResponseEntity<byte[]> xlsx(CurrentUser user, @PathVariable long id) {
        NationalReturns.Sent sent = returns.sent(user, id);
        return file(NationalReturnFiles.xlsx(sent, returns.template(sent), returns.figures(sent),
                returns.rows(sent, Integer.MAX_VALUE)), name(sent, "return", "xlsx"),
                MediaType.parseMediaType(NationalReturnFiles.XLSX));
    }

    private static String name(NationalReturns.Sent sent, String what, String extension) {
        DataReturn r = sent.dataReturn();
        return sent.programme().code() + "-" + r.quarter().financialYear().startYear() + "-Q" + r.quarter().number()
                + "-v" + r.version() + "-" + what + "." + extension;
    }

    private static ResponseEntity<byte[]> file(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString()).body(body);
    }
}

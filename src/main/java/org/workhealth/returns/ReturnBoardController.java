package org.workhealth.returns;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.govuk.FormErrors;
import org.workhealth.organisation.CurrentUser;

/**
 * The hub's status board for a programme and year, and a quarter's collation: the localities' returns, collating
 * the approved ones into the hub's return, and marking it sent to the national department.
 */
@Controller
class ReturnBoardController {

    static final String BOARD = "/returns/board/{programme}/{year}";
    static final String COLLATION = BOARD + "/{quarter}";

    private final ReturnBoard board;
    private final ReturnCollation collation;
    private final ReturnStore store;

    ReturnBoardController(ReturnBoard board, ReturnCollation collation, ReturnStore store) {
        this.board = board;
        this.collation = collation;
        this.store = store;
    }

    @GetMapping(BOARD)
    String board(CurrentUser user, @PathVariable String programme, @PathVariable int year, Model model) {
        model.addAttribute("board", board.board(user, programme, year));
        return "returns/board";
    }

    @GetMapping(COLLATION)
    String collation(CurrentUser user, @PathVariable String programme, @PathVariable int year,
            @PathVariable int quarter, Model model) {
        model.addAttribute("errors", FormErrors.none());
        return page(collation.collation(user, programme, year, quarter), model);
    }

    @PostMapping(COLLATION + "/collate")
    String collate(CurrentUser user, @PathVariable String programme, @PathVariable int year,
            @PathVariable int quarter, Model model, RedirectAttributes redirect) {
        ReturnCollation.Collation c = collation.collation(user, programme, year, quarter);
        try {
            DataReturn collated = collation.collate(user, c);
            redirect.addFlashAttribute("notice", c.parts().size() + " returns collated: " + collated.rowCount()
                    + (collated.rowCount() == 1 ? " participant" : " participants"));
        } catch (ReturnStateException e) {
            model.addAttribute("errors", FormErrors.single("collate", e.getMessage()));
            return page(c, model);
        }
        return "redirect:" + path(c);
    }

    @PostMapping(COLLATION + "/send")
    String send(CurrentUser user, @PathVariable String programme, @PathVariable int year, @PathVariable int quarter,
            Model model, RedirectAttributes redirect) {
        ReturnCollation.Collation c = collation.collation(user, programme, year, quarter);
        try {
            collation.send(user, c);
        } catch (ReturnStateException e) {
            model.addAttribute("errors", FormErrors.single("send", e.getMessage()));
            return page(c, model);
        }
        redirect.addFlashAttribute("notice", "Return for " + c.quarter().label()
                + " sent to the national department");
        return "redirect:" + path(c);
    }

    private String page(ReturnCollation.Collation c, Model model) {
        DataReturn collated = c.collated();
        List<ReturnIssue> issues = collated == null ? List.of() : store.issues(collated.id());
        model.addAttribute("c", c);
        model.addAttribute("collated", collated);
        model.addAttribute("figures", collated == null ? List.of() : store.figures(collated.id()));
        model.addAttribute("errorTexts", issues.stream().filter(ReturnIssue::isError).map(ReturnIssue::message)
                .toList());
        model.addAttribute("warnings", issues.stream().filter(i -> !i.isError()).map(ReturnIssue::message).toList());
        model.addAttribute("action", path(c));
        model.addAttribute("boardHref", "/returns/board/" + c.programme().code() + "/"
                + c.quarter().financialYear().startYear());
        return "returns/collation";
    }

    private static String path(ReturnCollation.Collation c) {
        return "/returns/board/" + c.programme().code() + "/" + c.quarter().financialYear().startYear() + "/"
                + c.quarter().number();
    }
}

package org.workhealth.returns;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/**
 * The data returns a person deals with: a locality's own returns to compile and submit, a hub's status boards of
 * its localities' returns, and the returns hubs have sent, each shown to the roles that work with them.
 */
@Controller
class ReturnIndexController {

    private final Returns returns;
    private final ReturnBoard board;
    private final NationalReturns sent;

    ReturnIndexController(Returns returns, ReturnBoard board, NationalReturns sent) {
        this.returns = returns;
        this.board = board;
        this.sent = sent;
    }

    @GetMapping("/returns")
    String index(CurrentUser user, Model model) {
        boolean submits = user.has(Permission.SUBMIT_RETURNS_AND_CLAIMS);
        boolean approves = user.has(Permission.APPROVE_RETURNS_AND_CLAIMS);
        boolean receives = user.has(Permission.RECEIVE_RETURNS);
        if (!submits && !approves && !receives) {
            throw new OutOfScopeException();
        }
        model.addAttribute("submits", submits);
        model.addAttribute("returns", submits ? returns.listFor(user) : java.util.List.of());
        model.addAttribute("boards", board.boardsFor(user));
        model.addAttribute("sent", NationalReturns.mayRead(user) ? sent.list(user) : java.util.List.of());
        model.addAttribute("receives", receives);
        return "returns/index";
    }
}

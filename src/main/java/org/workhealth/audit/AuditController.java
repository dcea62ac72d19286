package org.workhealth.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.FormErrors;

/** Administrators search the audit log by person, record and date. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AuditController {

    private final AuditSearch search;
    private final AuditScope scope;
    private final AuditLog audit;

    AuditController(AuditSearch search, AuditScope scope, AuditLog audit) {
        this.search = search;
        this.scope = scope;
        this.audit = audit;
    }

    @GetMapping("/audit")
    String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String recordType,
            @RequestParam(required = false) String recordId,
            @RequestParam(required = false) String fromDay, @RequestParam(required = false) String fromMonth,
            @RequestParam(required = false) String fromYear, @RequestParam(required = false) String toDay,
            @RequestParam(required = false) String toMonth, @RequestParam(required = false) String toYear,
            @RequestParam(defaultValue = "1") int page, Model model) {
        Set<Long> visible = scope.organisationsVisibleToCurrentUser();
        DateAnswer fromAnswer = DateAnswer.answered(fromDay, fromMonth, fromYear)
                ? DateAnswer.parse("Date from", fromDay, fromMonth, fromYear) : new DateAnswer(null, null);
        DateAnswer toAnswer = DateAnswer.answered(toDay, toMonth, toYear)
                ? DateAnswer.parse("Date to", toDay, toMonth, toYear) : new DateAnswer(null, null);
        if (!fromAnswer.valid()) {
            model.addAttribute("errors", FormErrors.single("from-day", fromAnswer.error()));
        } else if (!toAnswer.valid()) {
            model.addAttribute("errors", FormErrors.single("to-day", toAnswer.error()));
        }
        LocalDate from = fromAnswer.date();
        LocalDate to = toAnswer.date();
        int currentPage = AuditSearch.pageNumber(page);
        List<AuditEntry> entries = visible.isEmpty() ? List.of()
                : search.search(new AuditQuery(actor, recordType, recordId, from, to), visible, currentPage);
        List<AuditEntry> shown = entries.stream().limit(AuditSearch.PAGE_SIZE).toList();
        // The entries name staff and the records they touched: the page is logged naming the entries it showed.
        audit.recordListView("audit-log", AuditedRecord.all("audit_event", shown.stream().map(AuditEntry::id).toList()));
        model.addAttribute("entries", shown);
        model.addAttribute("hasNext", entries.size() > AuditSearch.PAGE_SIZE);
        model.addAttribute("page", currentPage);
        model.addAttribute("query", new Echo(actor, recordType, recordId, fromDay, fromMonth, fromYear, toDay, toMonth,
                toYear));
        return "audit/search";
    }

    /** What was searched for, to fill the form in again. */
    record Echo(String actor, String recordType, String recordId, String fromDay, String fromMonth, String fromYear,
            String toDay, String toMonth, String toYear) {
    }

}

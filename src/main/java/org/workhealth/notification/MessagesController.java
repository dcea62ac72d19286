package org.workhealth.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.workhealth.audit.AuditLog;
import org.workhealth.audit.AuditedRecord;
import org.workhealth.govuk.Paging;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/** The messages kept for the organisations an administrator manages, newest first, as they would read. */
@Controller
class MessagesController {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK);

    record MessageView(long id, String channel, String recipient, String subject, String body, String created) {
    }

    private final Messages messages;
    private final AccessPolicy access;
    private final AuditLog audit;

    MessagesController(Messages messages, AccessPolicy access, AuditLog audit) {
        this.messages = messages;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/admin/messages")
    String list(CurrentUser user, @RequestParam(required = false) String page, Model model) {
        if (!user.has(Permission.MANAGE_PEOPLE)) {
            throw new OutOfScopeException();
        }
        Set<Long> scope = access.scope(user);
        int total = messages.count(scope);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(Paging.pageNumber(page), pages);
        List<MessageView> shown = messages.newest(scope, (number - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                .map(m -> new MessageView(m.id(), m.channel() == NewMessage.Channel.EMAIL ? "Email" : "Text message",
                        m.recipient(), m.subject(), m.body(), WHEN.format(m.createdAt().atZone(ZoneId.of(
                                "Europe/London"))).replace("AM", "am").replace("PM", "pm")))
                .toList();
        audit.recordListView("messages", shown.stream().map(m -> AuditedRecord.of("notification_message", m.id()))
                .toList());
        model.addAttribute("messages", shown);
        model.addAttribute("total", total);
        model.addAttribute("pagination", Paging.pagination(number, pages, n -> "/admin/messages?page=" + n,
                "Pages of messages"));
        return "notification/messages";
    }
}

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

    /** A message on the page; {@code status} is the code the page picks the tag's words and colour by. */
    record MessageView(long id, String channel, String recipient, String subject, String body, String created,
            String status, String statusAt, String why) {
    }

    private final Messages messages;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final NotifySettings settings;

    MessagesController(Messages messages, AccessPolicy access, AuditLog audit, NotifySettings settings) {
        this.messages = messages;
        this.access = access;
        this.audit = audit;
        this.settings = settings;
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
                        m.recipient(), m.subject(), m.body(), when(m.createdAt()), m.status().name(),
                        when(m.statusAt()), why(m.failureReason())))
                .toList();
        audit.recordListView("messages", shown.stream().map(m -> AuditedRecord.of("notification_message", m.id()))
                .toList());
        model.addAttribute("sending", settings.sending());
        model.addAttribute("messages", shown);
        model.addAttribute("total", total);
        model.addAttribute("pagination", Paging.pagination(number, pages, n -> "/admin/messages?page=" + n,
                "Pages of messages"));
        return "notification/messages";
    }

    private static String when(java.time.Instant instant) {
        return WHEN.format(instant.atZone(ZoneId.of("Europe/London"))).replace("AM", "am").replace("PM", "pm");
    }

    /** Why the service's own sending failed or is being tried again, from the reason code it recorded. */
    static String why(String reason) {
        if (reason == null) {
            return null;
        }
        if (reason.equals("NO_ANSWER")) {
            return "GOV.UK Notify did not answer";
        }
        if (reason.equals("HTTP_429")) {
            return "GOV.UK Notify was sent too many messages at once";
        }
        if (reason.equals("NO_TEMPLATE")) {
            return "No GOV.UK Notify template is set for this message";
        }
        if (reason.startsWith("HTTP_5")) {
            return "GOV.UK Notify had a problem (HTTP " + reason.substring(5) + ")";
        }
        if (reason.startsWith("HTTP_")) {
            return "GOV.UK Notify refused the message (HTTP " + reason.substring(5) + ")";
        }
        return "The service could not send it";
    }
}

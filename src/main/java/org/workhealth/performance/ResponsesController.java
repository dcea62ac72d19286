package org.workhealth.performance;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.workhealth.audit.AuditLog;
import org.workhealth.audit.AuditedRecord;
import org.workhealth.calendar.Quarter;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.referral.ReferralResponses;
import org.workhealth.referral.ReferralResponses.Response;

/**
 * Response within 2 working days, for a programme's year: per quarter of receipt, how many referrals were received
 * and how many got their first contact attempt, decision or route by the due time (the KPI's figures), and the
 * list of the late ones, by reference, for managers to follow up. Scoped as the funnel is.
 */
@Controller
class ResponsesController {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, h:mma", Locale.UK);

    /** One quarter's figures; {@code share} as the KPI shows it, or "Not applicable" with nothing received. */
    record QuarterRow(String quarter, int received, int onTime, int late, int waiting, String share) {
    }

    record LateRow(String reference, String organisation, String received, String due, String responded) {
    }

    private final FunnelAccess access;
    private final ReferralResponses responses;
    private final Organisations organisations;

    private final AuditLog audit;

    ResponsesController(FunnelAccess access, ReferralResponses responses, Organisations organisations,
            AuditLog audit) {
        this.audit = audit;
        this.access = access;
        this.responses = responses;
        this.organisations = organisations;
    }

    @GetMapping("/performance/{programmeCode}/{yearStart}/responses")
    String show(CurrentUser user, @PathVariable String programmeCode, @PathVariable String yearStart,
            @RequestParam(required = false) String organisation, Model model) {
        FunnelAccess.Scope scope = access.resolve(user, programmeCode, yearStart, organisation);
        List<Response> all = responses.responses(scope.programme().id(), scope.organisationIds(),
                scope.year().start(), scope.year().end());
        Instant now = responses.now();
        List<QuarterRow> quarters = new ArrayList<>();
        for (Quarter quarter : scope.year().quarters()) {
            List<Response> in = all.stream().filter(r -> !r.receivedOn().isBefore(quarter.start())
                    && !r.receivedOn().isAfter(quarter.end())).toList();
            quarters.add(row("Q" + quarter.number(), in, now));
        }
        quarters.add(row("Year", all, now));
        Map<Long, String> names = organisations.namesById();
        List<LateRow> late = all.stream().filter(r -> r.late(now))
                .map(r -> new LateRow(r.reference(), names.get(r.organisationId()), when(r.receivedAt()),
                        when(r.dueAt()), r.respondedAt() == null ? "No response yet" : when(r.respondedAt())))
                .toList();
        // The late referrals are listed by reference: one entry naming them.
        audit.recordListView("late-responses", AuditedRecord.all("referral",
                all.stream().filter(r -> r.late(now)).map(Response::referralId).toList()));
        model.addAttribute("title", scope.programme().name() + " responses within 2 working days, "
                + scope.year().label());
        model.addAttribute("scope", scope);
        model.addAttribute("quarters", quarters);
        model.addAttribute("late", late);
        return "performance/responses";
    }

    static QuarterRow row(String name, List<Response> responses, Instant now) {
        int onTime = (int) responses.stream().filter(r -> Boolean.TRUE.equals(r.onTime())).count();
        int late = (int) responses.stream().filter(r -> r.late(now)).count();
        int waiting = responses.size() - onTime - late;
        return new QuarterRow(name, responses.size(), onTime, late, waiting,
                FunnelController.conversion(onTime, responses.size()));
    }

    private static String when(Instant at) {
        return WHEN.format(at.atZone(LONDON)).replace("AM", "am").replace("PM", "pm");
    }
}

package org.workhealth.referral;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.workhealth.audit.AuditLog;
import org.workhealth.audit.AuditedRecord;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.Paging;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OrganisationSummary;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;

/** The triage queue: open referrals routed to the person's organisations, earliest due first. */
@Controller
class TriageQueueController {

    record Item(long id, String reference, String fullName, String received, String due, String organisationName,
            ReferralStatus status, boolean overdue) {
    }

    /** What was asked for, to fill the filters in again and keep them on page links. */
    record Echo(String organisation, String status, boolean overdue, String q) {
    }

    private final TriageQueue queue;
    private final AccessPolicy access;
    private final Organisations organisations;
    private final AuditLog audit;
    private final java.time.Clock clock;

    TriageQueueController(TriageQueue queue, AccessPolicy access, Organisations organisations, AuditLog audit,
            java.time.Clock clock) {
        this.queue = queue;
        this.access = access;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    private static final List<ReferralStatus> FILTERABLE = List.of(ReferralStatus.RECEIVED, ReferralStatus.IN_TRIAGE,
            ReferralStatus.TRIAL_CONTROL);

    @GetMapping("/triage")
    String queue(CurrentUser user, @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String status, @RequestParam(required = false) String overdue,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") String page, Model model) {
        Triage.requireTriager(user);
        Set<Long> scope = access.scope(user);
        List<OrganisationSummary> offered = organisations.within(scope).stream()
                .filter(o -> !"REFERRER".equals(o.typeCode())).toList();
        Set<Long> organisationIds = scope;
        Long chosenOrganisation = parseId(organisation);
        if (chosenOrganisation != null) {
            if (offered.stream().noneMatch(o -> o.id() == chosenOrganisation)) {
                throw new OutOfScopeException();
            }
            organisationIds = access.scopeOf(chosenOrganisation).stream().filter(scope::contains)
                    .collect(Collectors.toSet());
        }
        Set<ReferralStatus> statuses = EnumSet.of(ReferralStatus.RECEIVED, ReferralStatus.IN_TRIAGE);
        String chosenStatus = null;
        // Besides the open ones, the queue can list referrals a trial closed into its control arm (issue 16).
        for (ReferralStatus open : FILTERABLE) {
            if (open.name().equals(status)) {
                chosenStatus = open.name();
            }
        }
        if (chosenStatus != null) {
            statuses = EnumSet.of(ReferralStatus.valueOf(chosenStatus));
        }
        boolean overdueOnly = "yes".equals(overdue);
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        TriageQueue.Page result = queue.find(new TriageQueue.Filter(organisationIds, statuses, overdueOnly, q), now,
                Paging.pageNumber(page));
        audit.recordListView("referral-queue", AuditedRecord.all("referral",
                result.rows().stream().map(r -> r.id()).toList()));

        Echo echo = new Echo(chosenOrganisation == null ? null : chosenOrganisation.toString(), chosenStatus,
                overdueOnly, q);
        model.addAttribute("items", result.rows().stream()
                .map(r -> new Item(r.id(), r.reference(), r.fullName(), TriageViews.dateTime(r.receivedAt(), zone),
                        TriageViews.dateTime(r.responseDueAt(), zone), r.organisationName(), r.status(),
                        r.status().open() && r.responseDueAt().isBefore(now)))
                .toList());
        model.addAttribute("total", result.total());
        model.addAttribute("moreThanCounted", result.moreThanCounted());
        model.addAttribute("filters", echo);
        model.addAttribute("organisationItems", Choices.select("All your organisations", offered,
                OrganisationSummary::id, o -> o.name() + " (" + o.typeName() + ")", chosenOrganisation));
        model.addAttribute("statusItems", Choices.select("Received or in triage",
                FILTERABLE, ReferralStatus::name,
                ReferralStatus::label, chosenStatus));
        model.addAttribute("overdueItems", Choices.options(List.of("yes"), v -> v, v -> "Overdue only", null,
                overdueOnly ? List.of("yes") : List.of()));
        model.addAttribute("pagination", Paging.pagination(result.number(), result.pages(),
                n -> href(echo, n), "Pages of referrals"));
        return "referral/triage-queue";
    }

    private static String href(Echo echo, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/triage");
        if (echo.organisation() != null) {
            uri.queryParam("organisation", echo.organisation());
        }
        if (echo.status() != null) {
            uri.queryParam("status", echo.status());
        }
        if (echo.overdue()) {
            uri.queryParam("overdue", "yes");
        }
        if (echo.q() != null && !echo.q().isBlank()) {
            uri.queryParam("q", echo.q().strip());
        }
        uri.queryParam("page", page);
        return uri.encode().build().toUriString();
    }

    private static Long parseId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new OutOfScopeException();
        }
    }
}

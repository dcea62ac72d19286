package org.workhealth.performance;

import java.util.List;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.workhealth.audit.AuditLog;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.referral.ReferralEquality;
import org.workhealth.performance.internal.EqualityCsv;

/**
 * Equality monitoring for a programme and financial year: referrals, engagements and job outcomes by age at
 * referral, sex, ethnic group, disability and area deprivation, on the page and as CSV. Counts only, with small
 * numbers hidden ({@link EqualitySuppression}), so people who see figures but never names (national) may see it.
 */
@Controller
class EqualityController {

    static final List<String> STAGES = List.of("Referrals", "Engagements", "Job outcomes");
    private static final List<Set<MilestoneType>> STAGE_TYPES = List.of(Set.of(MilestoneType.REFERRAL_RECEIVED),
            Set.of(MilestoneType.ENGAGEMENT), Set.of(MilestoneType.JOB_START, MilestoneType.JOB_RETENTION));

    private final FunnelAccess access;
    private final ReferralEquality equality;
    private final AuditLog audit;

    EqualityController(FunnelAccess access, ReferralEquality equality, AuditLog audit) {
        this.access = access;
        this.equality = equality;
        this.audit = audit;
    }

    @GetMapping("/performance/{programmeCode}/{yearStart}/equality")
    String show(CurrentUser user, @PathVariable String programmeCode, @PathVariable String yearStart,
            @RequestParam(required = false) String organisation, Model model) {
        FunnelAccess.Scope scope = access.resolve(user, programmeCode, yearStart, organisation);
        model.addAttribute("title", scope.programme().name() + " equality monitoring, " + scope.year().label());
        model.addAttribute("scope", scope);
        model.addAttribute("stages", STAGES);
        model.addAttribute("tables", tables(user, scope));
        model.addAttribute("threshold", EqualitySuppression.THRESHOLD);
        model.addAttribute("csvHref", "/performance/" + scope.programme().code() + "/" + scope.year().startYear()
                + "/equality.csv" + (scope.organisationId() == null ? "" : "?organisation=" + scope.organisationId()));
        return "performance/equality";
    }

    /** The same tables, hidden the same way, for a spreadsheet: one line per group of each breakdown. */
    @GetMapping("/performance/{programmeCode}/{yearStart}/equality.csv")
    ResponseEntity<byte[]> csv(CurrentUser user, @PathVariable String programmeCode, @PathVariable String yearStart,
            @RequestParam(required = false) String organisation) {
        FunnelAccess.Scope scope = access.resolve(user, programmeCode, yearStart, organisation);
        byte[] body = EqualityCsv.of(STAGES, tables(user, scope));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("equality-"
                        + scope.programme().code() + "-" + scope.year().startYear() + ".csv").build().toString())
                .body(body);
    }

    private List<EqualityTable> tables(CurrentUser user, FunnelAccess.Scope scope) {
        var breakdowns = equality.count(scope.programme().id(), scope.organisationIds(), scope.year().start(),
                scope.year().end(), STAGE_TYPES);
        // Counts drawn from special category data, though no one can be named from them: the read is recorded.
        audit.recordView("equality-breakdown", scope.programme().code() + " " + scope.year().label(),
                scope.organisationId() == null ? user.organisationId() : scope.organisationId());
        return EqualityTable.of(breakdowns, STAGES.size());
    }
}

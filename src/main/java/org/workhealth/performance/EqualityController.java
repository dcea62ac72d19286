package org.workhealth.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.workhealth.audit.AuditLog;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.referral.EqualityBreakdown;
import org.workhealth.referral.ReferralEquality;

/**
 * Equality monitoring for a programme and financial year: referrals, engagements and job outcomes
 * by age at referral, sex, ethnic group and disability. Counts only, with small numbers hidden
 * ({@link EqualitySuppression}), so people who see figures but never names (national) may see it.
 */
@Controller
class EqualityController {

    static final List<String> STAGES = List.of("Referrals", "Engagements", "Job outcomes");
    private static final List<Set<MilestoneType>> STAGE_TYPES = List.of(Set.of(MilestoneType.REFERRAL_RECEIVED),
            Set.of(MilestoneType.ENGAGEMENT), Set.of(MilestoneType.JOB_START, MilestoneType.JOB_RETENTION));

    /** @param cells one shown value per stage */
    record Row(String group, List<String> cells) {
    }

    record Table(String id, String caption, String heading, List<Row> rows, Row total) {
    }

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
        List<EqualityBreakdown> breakdowns = equality.count(scope.programme().id(), scope.organisationIds(),
                scope.year().start(), scope.year().end(), STAGE_TYPES);
        // Counts drawn from special category data, though no one can be named from them: the read is recorded.
        audit.recordView("equality-breakdown", scope.programme().code() + " " + scope.year().label(),
                scope.organisationId() == null ? user.organisationId() : scope.organisationId());
        List<Table> tables = new ArrayList<>();
        for (EqualityBreakdown breakdown : breakdowns) {
            tables.add(table(breakdown));
        }
        model.addAttribute("title", scope.programme().name() + " equality monitoring, " + scope.year().label());
        model.addAttribute("scope", scope);
        model.addAttribute("stages", STAGES);
        model.addAttribute("tables", tables);
        model.addAttribute("threshold", EqualitySuppression.THRESHOLD);
        return "performance/equality";
    }

    static Table table(EqualityBreakdown breakdown) {
        int groups = breakdown.groups().size();
        List<List<String>> columns = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        for (int stage = 0; stage < STAGES.size(); stage++) {
            int s = stage;
            List<Long> counts = breakdown.groups().stream().map(g -> g.counts().get(s)).toList();
            columns.add(EqualitySuppression.cells(counts));
            totals.add(EqualitySuppression.total(counts.stream().mapToLong(Long::longValue).sum()));
        }
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<String> cells = new ArrayList<>();
            for (List<String> column : columns) {
                cells.add(column.get(g));
            }
            rows.add(new Row(breakdown.groups().get(g).name(), cells));
        }
        String id = "equality-" + breakdown.dimension().toLowerCase().replaceAll("[^a-z]+", "-");
        return new Table(id, breakdown.dimension(), breakdown.dimension().equals(ReferralEquality.AGE)
                ? "Age" : breakdown.dimension(), rows, new Row("Total", totals));
    }
}

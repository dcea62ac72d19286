package org.workhealth.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.programme.Programme;
import org.workhealth.referral.ReferralFunnel;
import org.workhealth.referral.ReferralResponses;
import org.workhealth.referral.ReferralStageCount;
import org.workhealth.performance.internal.ChartSvg;

/**
 * The referral funnel of a programme for a financial year: how many distinct referrals reached each
 * stage in the year (referred, eligible, engaged, action plan agreed, job start, job retention), per cohort and in
 * total, and what share of the stage before each stage is; and how many of the year's referrals were responded to
 * within 2 working days. Each stage counts the referrals whose
 * milestone for it fell in the year, so a stage can exceed the one before it when people referred
 * last year move on this year.
 */
@Controller
class FunnelController {

    static final String NO_COHORT = "No cohort";
    static final String TOTAL = "Total";
    static final List<FunnelStage> STAGES = List.of(FunnelStage.values());

    /** @param conversions one per stage: the first is always blank */
    record Row(String name, boolean total, List<Long> counts, List<String> conversions) {
    }

    private final FunnelAccess access;
    private final ReferralFunnel funnel;
    private final ReferralResponses responses;

    FunnelController(FunnelAccess access, ReferralFunnel funnel, ReferralResponses responses) {
        this.access = access;
        this.funnel = funnel;
        this.responses = responses;
    }

    @GetMapping("/performance/{programmeCode}/{yearStart}/funnel")
    String show(CurrentUser user, @PathVariable String programmeCode, @PathVariable String yearStart,
            @RequestParam(required = false) String organisation, Model model) {
        FunnelAccess.Scope scope = access.resolve(user, programmeCode, yearStart, organisation);
        Programme programme = scope.programme();
        List<ReferralStageCount> counts = funnel.count(programme.id(), scope.organisationIds(),
                scope.year().start(), scope.year().end(), FunnelStage.typesInOrder(STAGES));

        Map<Long, long[]> byCohort = new LinkedHashMap<>();
        programme.cohortsInOrder().forEach(c -> byCohort.put(c.id(), new long[STAGES.size()]));
        long[] none = new long[STAGES.size()];
        long[] total = new long[STAGES.size()];
        for (ReferralStageCount count : counts) {
            long[] row = count.cohortId() == null ? none
                    : byCohort.computeIfAbsent(count.cohortId(), id -> new long[STAGES.size()]);
            row[count.stage()] += count.referrals();
            // Cohorts do not overlap: each referral has one, so the total is the sum.
            total[count.stage()] += count.referrals();
        }
        Map<Long, String> names = new LinkedHashMap<>();
        programme.cohortsInOrder().forEach(c -> names.put(c.id(), c.name()));
        List<Row> rows = new ArrayList<>();
        byCohort.forEach((id, row) -> rows.add(row(names.getOrDefault(id, "Cohort no longer offered"), false, row)));
        rows.add(row(NO_COHORT, false, none));
        rows.add(row(TOTAL, true, total));

        List<ChartSvg.Bar> bars = new ArrayList<>();
        for (int i = 0; i < STAGES.size(); i++) {
            bars.add(new ChartSvg.Bar(STAGES.get(i).label(), total[i]));
        }
        String title = programme.name() + " referral funnel, " + scope.year().label();
        model.addAttribute("title", title);
        model.addAttribute("scope", scope);
        model.addAttribute("stages", STAGES.stream().map(FunnelStage::label).toList());
        model.addAttribute("conversionHeaders", STAGES.stream().skip(1)
                .map(s -> s.label() + " (of " + s.from().label() + ")").toList());
        List<ReferralResponses.Response> received = responses.responses(programme.id(), scope.organisationIds(),
                scope.year().start(), scope.year().end());
        model.addAttribute("response", ResponsesController.row("Year", received, responses.now()));
        model.addAttribute("responsesHref", "/performance/" + programme.code() + "/" + scope.year().startYear()
                + "/responses" + (scope.organisationId() == null ? "" : "?organisation=" + scope.organisationId()));
        model.addAttribute("rows", rows);
        model.addAttribute("chart", ChartSvg.horizontal("funnel-chart",
                "Referrals reaching each stage in " + scope.year().label() + ", all cohorts", bars));
        return "performance/funnel";
    }

    private static Row row(String name, boolean total, long[] counts) {
        List<String> conversions = new ArrayList<>();
        conversions.add("");
        for (int i = 1; i < counts.length; i++) {
            conversions.add(conversion(counts[i], counts[STAGES.get(i).from().ordinal()]));
        }
        return new Row(name, total, Arrays.stream(counts).boxed().toList(), conversions);
    }

    /** "40.0%" to one decimal place; "Not applicable" when the stage before has nobody. */
    static String conversion(long count, long previous) {
        if (previous == 0) {
            return "Not applicable";
        }
        return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(previous), 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}

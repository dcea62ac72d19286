package org.workhealth.funding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.funding.internal.ClaimLine;
import org.workhealth.funding.internal.Expenditure;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.LineKind;
import org.workhealth.funding.internal.Money;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.milestone.FirstMilestone;
import org.workhealth.milestone.MilestoneType;

/**
 * Works out a quarter's claim from the agreement, the expenditure entered, the milestone record and the
 * claims already made. It reads nothing itself, so the same inputs always give the same statement.
 *
 * <ul>
 * <li>The management budget and (block plus results) the block share are paid in equal instalments over the
 * year's quarters of the contract.</li>
 * <li>Basic plus performance: expenditure is paid up to what is left of the year's basic share; each participant
 * whose engagement and agreed action plan are both recorded earns the performance price in the quarter of the
 * later of the two.</li>
 * <li>Block plus results: each priced outcome milestone (first per case) earns its price in its quarter.</li>
 * <li>Earned payments never pass what is left of the year's earned share.</li>
 * <li>An approved claim is never changed: when the evidence behind it changes, the difference is paid or taken
 * back by adjustment lines in the claim being made now.</li>
 * </ul>
 */
final class ClaimCalculator {

    static final String ENGAGED_WITH_PLAN = "ENGAGED_WITH_PLAN";
    
    private static final Comparator<LineKind> ORDER = Comparator.naturalOrder();

    /** A participant's evidence for an earned payment. */
    record Evidence(long caseId, String payable, LocalDate on, String why, long pricePence) {
        Quarter quarter() {
            return Quarter.containing(on);
        }

        Key key() {
            return new Key(caseId, payable);
        }
    }

    record Key(long caseId, String payable) {
    }

    /** A line of a claim already submitted or approved. */
    record PriorLine(ClaimLine line, Quarter claimQuarter) {
    }

    record Computed(List<ClaimLine> lines, List<String> notes) {
    }

    private ClaimCalculator() {
    }

    static List<MilestoneType> evidenceTypes(FundingAgreement agreement) {
        return agreement.model() == PaymentModel.BASIC_AND_PERFORMANCE
                ? List.of(MilestoneType.ENGAGEMENT, MilestoneType.ACTION_PLAN_AGREED)
                : List.copyOf(agreement.outcomePrices().keySet());
    }

    /** Every participant's evidence under the agreement, from each case's first milestones. */
    static List<Evidence> evidence(FundingAgreement agreement, List<FirstMilestone> firsts) {
        List<Evidence> evidence = new ArrayList<>();
        if (agreement.model() == PaymentModel.BASIC_AND_PERFORMANCE) {
            Long price = agreement.performancePricePence();
            Map<Long, LocalDate> engaged = new HashMap<>();
            Map<Long, LocalDate> planned = new HashMap<>();
            for (FirstMilestone first : firsts) {
                (first.type() == MilestoneType.ENGAGEMENT ? engaged : planned).put(first.caseId(), first.occurredOn());
            }
            engaged.forEach((caseId, engagedOn) -> {
                LocalDate plannedOn = planned.get(caseId);
                if (plannedOn != null && price != null) {
                    LocalDate on = engagedOn.isAfter(plannedOn) ? engagedOn : plannedOn;
                    evidence.add(new Evidence(caseId, ENGAGED_WITH_PLAN, on, "engaged on " + Dates.format(engagedOn)
                            + " and action plan agreed on " + Dates.format(plannedOn), price));
                }
            });
        } else {
            for (FirstMilestone first : firsts) {
                Long price = agreement.outcomePrices().get(first.type());
                if (price != null) {
                    evidence.add(new Evidence(first.caseId(), first.type().name(), first.occurredOn(),
                            first.type().label().toLowerCase(Locale.UK) + " on " + Dates.format(first.occurredOn()),
                            price));
                }
            }
        }
        return evidence.stream().filter(e -> agreement.contract().liveOn(e.on()))
                .sorted(Comparator.comparing(Evidence::on).thenComparing(Evidence::caseId)).toList();
    }

    static Computed compute(FundingAgreement agreement, Quarter quarter, List<Expenditure> spent,
            List<PriorLine> prior, Set<Quarter> approved, List<Evidence> evidence, Map<Long, String> references) {
        List<ClaimLine> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Optional<FundingYear> year = agreement.year(quarter.financialYear());
        if (year.isEmpty()) {
            notes.add("No funding is set for " + quarter.financialYear().label()
                    + ": ask the commissioner to add the year to the funding agreement.");
            return new Computed(List.of(), notes);
        }
        FundingYear funding = year.get();
        int percent = agreement.guaranteedPercent();
        int instalments = agreement.quartersIn(quarter.financialYear()).size();
        int number = agreement.quartersIn(quarter.financialYear()).indexOf(quarter) + 1;
        if (funding.managementPence() > 0) {
            lines.add(fixed(LineKind.MANAGEMENT, quarter, "Management and team budget for "
                    + quarter.financialYear().label() + " (" + Money.format(funding.managementPence())
                    + "), instalment " + number + " of " + instalments,
                    agreement.instalment(funding.managementPence(), quarter)));
        }
        if (agreement.model() == PaymentModel.BLOCK_AND_RESULTS) {
            long block = funding.guaranteedPence(percent);
            lines.add(fixed(LineKind.BLOCK, quarter, percent + "% of the " + quarter.financialYear().label()
                    + " contract value (" + Money.format(block) + "), instalment " + number + " of " + instalments,
                    agreement.instalment(block, quarter)));
        } else {
            long basicLeft = funding.guaranteedPence(percent) - prior.stream()
                    .filter(p -> p.line().kind() == LineKind.BASIC && p.line().forQuarter().financialYear()
                            .equals(quarter.financialYear()))
                    .mapToLong(p -> p.line().amountPence()).sum();
            for (Expenditure item : spent) {
                long paid = Math.max(0, Math.min(item.amountPence(), basicLeft));
                basicLeft -= paid;
                String description = item.description() + (paid < item.amountPence() ? " (" + item.amount()
                        + " entered; the basic share for " + quarter.financialYear().label() + " has only "
                        + Money.format(paid) + " left)" : "");
                lines.add(fixed(LineKind.BASIC, quarter, description, paid));
            }
        }
        earned(agreement, quarter, prior, approved, evidence, references, lines);
        lines.sort(Comparator.comparing(ClaimLine::kind, ORDER));
        return new Computed(List.copyOf(lines), notes);
    }

    /** Earned payments for the quarter's evidence, and adjustments for approved claims whose evidence changed. */
    private static void earned(FundingAgreement agreement, Quarter quarter, List<PriorLine> prior,
            Set<Quarter> approved, List<Evidence> evidence, Map<Long, String> references, List<ClaimLine> lines) {
        Map<FinancialYear, Long> left = new HashMap<>();
        for (FundingYear y : agreement.years()) {
            left.put(y.year(), y.earnedPence(agreement.guaranteedPercent()));
        }
        for (PriorLine p : prior) {
            if (p.line().kind().earned()) {
                left.merge(p.line().forQuarter().financialYear(), -p.line().amountPence(), Long::sum);
            }
        }
        Map<Key, Evidence> byKey = new LinkedHashMap<>();
        evidence.forEach(e -> byKey.put(e.key(), e));
        LineKind kind = agreement.model() == PaymentModel.BASIC_AND_PERFORMANCE ? LineKind.PERFORMANCE
                : LineKind.RESULT;

        // Taking back comes first, so that what it frees of the earned share can pay for what is due now.
        List<Evidence> late = new ArrayList<>();
        for (Quarter was : approved.stream().filter(q -> !q.equals(quarter)).sorted().toList()) {
            Map<Key, Long> paid = new LinkedHashMap<>();
            // Whether the participant stands counted in the quarter: a line paying them counts them even when
            // the share had run out and it paid nothing; a line taking them back uncounts them.
            Map<Key, Integer> counted = new HashMap<>();
            for (PriorLine p : prior) {
                ClaimLine line = p.line();
                if (line.kind().earned() && line.caseId() != null && line.forQuarter().equals(was)) {
                    Key key = new Key(line.caseId(), line.payable());
                    paid.merge(key, line.amountPence(), Long::sum);
                    counted.merge(key, line.amountPence() < 0 ? -1 : 1, Integer::sum);
                }
            }
            Set<Key> keys = new LinkedHashSet<>(paid.keySet());
            evidence.stream().filter(e -> e.quarter().equals(was)).forEach(e -> keys.add(e.key()));
            for (Key key : keys) {
                Evidence now = byKey.get(key);
                long already = paid.getOrDefault(key, 0L);
                boolean due = now != null && now.quarter().equals(was);
                if (!due && already > 0) {
                    String where = now == null ? "the evidence for it is no longer recorded"
                            : "it is now " + now.why() + ", in " + now.quarter().label();
                    lines.add(new ClaimLine(LineKind.ADJUSTMENT, was, key.caseId(), references.get(key.caseId()),
                            key.payable(), now == null ? null : now.on(), "Taken back from the approved claim for "
                                    + was.label() + ": " + where, -already));
                    left.merge(was.financialYear(), already, Long::sum);
                } else if (due && counted.getOrDefault(key, 0) <= 0) {
                    late.add(now);
                }
            }
        }
        for (Evidence e : evidence) {
            if (e.quarter().equals(quarter)) {
                lines.add(earnedLine(kind, quarter, e, references, left, capitalise(e.why())));
            }
        }
        for (Evidence e : late) {
            lines.add(earnedLine(LineKind.ADJUSTMENT, e.quarter(), e, references, left, "Added to the approved claim for "
                    + e.quarter().label() + ", recorded after it was approved: " + e.why()));
        }
    }

    private static ClaimLine earnedLine(LineKind kind, Quarter forQuarter, Evidence e, Map<Long, String> references,
            Map<FinancialYear, Long> left, String description) {
        long available = Math.max(0, left.getOrDefault(forQuarter.financialYear(), 0L));
        long amount = Math.min(e.pricePence(), available);
        left.merge(forQuarter.financialYear(), -amount, Long::sum);
        String capped = amount < e.pricePence() ? " (" + Money.format(e.pricePence()) + " due; the share earned by "
                + "evidence for " + forQuarter.financialYear().label() + " has only " + Money.format(amount) + " left)"
                : "";
        return new ClaimLine(kind, forQuarter, e.caseId(), references.get(e.caseId()), e.payable(), e.on(),
                description + capped, amount);
    }

    private static ClaimLine fixed(LineKind kind, Quarter quarter, String description, long amount) {
        return new ClaimLine(kind, quarter, null, null, null, null, description, amount);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

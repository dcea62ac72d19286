package org.workhealth.casework;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.workhealth.classification.SicSection;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.milestone.Milestone;

/**
 * A milestone's details as the case timeline shows them: each code as its label ("plan type: Back to
 * Work plan", "sector: Construction"), yes or no for true and false, dates as GOV.UK writes them.
 * The milestone keeps its codes, which counting and returns read.
 */
final class MilestoneDetails {

    private MilestoneDetails() {
    }

    static String text(Milestone milestone) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> attribute : milestone.attributes().entrySet()) {
            String shown = shown(attribute.getKey(), attribute.getValue());
            if (shown != null) {
                parts.add(attribute.getKey().replace('_', ' ') + ": " + shown);
            }
        }
        return String.join(", ", parts);
    }

    /** What a correction changed besides the date, as "employer: Acme → Acme Ltd"; the type first if it changed. */
    static List<String> changes(Milestone before, Milestone after) {
        List<String> changes = new ArrayList<>();
        if (before.type() != after.type()) {
            changes.add(before.type().label() + " → " + after.type().label());
        }
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(before.attributes().keySet());
        keys.addAll(after.attributes().keySet());
        for (String key : keys) {
            String was = before.attribute(key) == null ? null : shown(key, before.attribute(key));
            String now = after.attribute(key) == null ? null : shown(key, after.attribute(key));
            if ((was != null || now != null) && !java.util.Objects.equals(was, now)) {
                changes.add(key.replace('_', ' ') + ": " + (was == null ? "none" : was) + " → "
                        + (now == null ? "none" : now));
            }
        }
        return changes;
    }

    private static String shown(String key, String value) {
        return switch (key) {
            // Which job start a sustainment check follows: a link between records, nothing to read.
            case "job_start_milestone_id" -> null;
            case "plan_type" -> label(PlanType.class, value, PlanType::label);
            case "agreed_how" -> label(AgreedHow.class, value, AgreedHow::label);
            case "sector" -> label(SicSection.class, value, SicSection::label);
            case "contract_type" -> label(JobContractType.class, value, JobContractType::label);
            case "reason" -> label(ExitReason.class, value, ExitReason::label);
            case "point" -> label(Measures.Point.class, value, Measures.Point::label);
            // The referral module owns the statuses' labels and depends on casework, so casework words the code.
            case "employment_status" -> words(value);
            case "in_work", "in_work_at_referral", "paid" -> "true".equals(value) ? "yes" : "no";
            case "checked_on", "in_work_on" -> date(value);
            default -> value;
        };
    }

    /** The code's label; an unknown code (from an older version, say) as it is. */
    private static <E extends Enum<E>> String label(Class<E> type, String code, Function<E, String> label) {
        for (E each : type.getEnumConstants()) {
            if (each.name().equals(code)) {
                return label.apply(each);
            }
        }
        return code;
    }

    /** A code written as words: "OFF_SICK" as "Off sick". */
    static String words(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.UK);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String date(String value) {
        try {
            return DateAnswer.format(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}

package org.workhealth.milestone;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What to count with {@link Milestones#count}. Only current milestones (not superseded) are counted;
 * every part left null (or empty, for {@code attributeEquals}) matches everything.
 *
 * @param types           the milestone types to count; null for all
 * @param contractIds     the contracts to include; null for all (an empty set counts nothing)
 * @param organisationIds the delivering organisations to include, for example a person's scope; null for all
 *                        (an empty set counts nothing)
 * @param from            first day of {@code occurred_on}, inclusive
 * @param to              last day of {@code occurred_on}, inclusive
 * @param attributeEquals attributes that must be present with exactly this value, like {@code in_work=true}
 * @param byMonth         also group by the calendar month the milestone occurred in
 * @param firstPerCase    count a case's milestone of a type only when it is the case's first current one of
 *                        that type (ever, not only in the range), so that a job start recorded twice, or
 *                        recorded again in a later period, counts once. Milestones without a case always count.
 * @param sumQuantity     instead of counting milestones, add up their quantity ({@link MilestoneType#quantityAttribute()},
 *                        such as an engagement's attendees): one engagement of 40 people is one milestone that counts
 *                        40. Only for types that have a quantity.
 */
public record MilestoneCountQuery(Set<MilestoneType> types, Set<Long> contractIds, Set<Long> organisationIds,
        LocalDate from, LocalDate to, Map<String, String> attributeEquals, boolean byMonth, boolean firstPerCase,
        boolean sumQuantity) {

    public MilestoneCountQuery {
        types = types == null ? null : Set.copyOf(types);
        contractIds = contractIds == null ? null : Set.copyOf(contractIds);
        organisationIds = organisationIds == null ? null : Set.copyOf(organisationIds);
        attributeEquals = attributeEquals == null ? Map.of() : Map.copyOf(attributeEquals);
        if (sumQuantity && (types == null || types.isEmpty()
                || types.stream().anyMatch(type -> !type.hasQuantity()))) {
            throw new IllegalArgumentException("Only milestone types with a quantity can be summed: " + types);
        }
    }

    /** A count of milestones (not a sum of their quantities). */
    public MilestoneCountQuery(Set<MilestoneType> types, Set<Long> contractIds, Set<Long> organisationIds,
            LocalDate from, LocalDate to, Map<String, String> attributeEquals, boolean byMonth, boolean firstPerCase) {
        this(types, contractIds, organisationIds, from, to, attributeEquals, byMonth, firstPerCase, false);
    }

    /** Counts of {@code types} per contract between two dates, each case's first only. */
    public static MilestoneCountQuery forContracts(Set<MilestoneType> types, Set<Long> contractIds, LocalDate from,
            LocalDate to) {
        return new MilestoneCountQuery(types, contractIds, null, from, to, Map.of(), false, true);
    }

    /** The same query, counting only milestones with {@code key=value} among their attributes. */
    public MilestoneCountQuery withAttribute(String key, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(attributeEquals);
        more.put(key, value);
        return new MilestoneCountQuery(types, contractIds, organisationIds, from, to, more, byMonth, firstPerCase,
                sumQuantity);
    }

    /** The same query, grouped by month as well. */
    public MilestoneCountQuery perMonth() {
        return new MilestoneCountQuery(types, contractIds, organisationIds, from, to, attributeEquals, true,
                firstPerCase, sumQuantity);
    }

    /** The same query, adding up each milestone's quantity instead of counting milestones. */
    public MilestoneCountQuery summingQuantity() {
        return new MilestoneCountQuery(types, contractIds, organisationIds, from, to, attributeEquals, byMonth,
                firstPerCase, true);
    }
}

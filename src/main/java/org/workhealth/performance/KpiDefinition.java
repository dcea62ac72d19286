package org.workhealth.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.workhealth.milestone.MilestoneType;
import org.workhealth.performance.internal.KpiDisplay;

/**
 * One KPI of a programme, as data: what it counts and how it is shown.
 *
 * @param milestoneType    for {@link KpiSource#MILESTONES}: the milestone type counted
 * @param attributeFilter  for {@link KpiSource#MILESTONES}: attributes a milestone must have, like {@code in_work=true}
 * @param numeratorCode    for {@link KpiSource#RATIO}: one KPI code, or several separated by commas that are summed
 * @param denominatorCode  for {@link KpiSource#RATIO}: likewise
 * @param targetPercent    for {@link KpiSource#RATIO}: the target percentage, which is also each quarter's forecast
 * @param countedFrom      for {@link KpiSource#MILESTONES}: the day the service began counting this KPI from the
 *                         record, or null when it always has. Before it, the figures are those entered by hand (a
 *                         baseline per quarter, kept and shown as entered); milestones dated before it do not count,
 *                         so nothing is counted twice.
 */
public record KpiDefinition(long id, long programmeId, String code, String name, int position, KpiSource source,
        MilestoneType milestoneType, Map<String, String> attributeFilter, CountingRule countingRule,
        KpiDisplay display, String numeratorCode, String denominatorCode, BigDecimal targetPercent,
        LocalDate countedFrom) {

    public KpiDefinition {
        attributeFilter = attributeFilter == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(attributeFilter));
        if (source != KpiSource.MILESTONES) {
            countedFrom = null;
        }
    }

    /** A KPI with no figures entered before the record counts it. */
    public KpiDefinition(long id, long programmeId, String code, String name, int position, KpiSource source,
            MilestoneType milestoneType, Map<String, String> attributeFilter, CountingRule countingRule,
            KpiDisplay display, String numeratorCode, String denominatorCode, BigDecimal targetPercent) {
        this(id, programmeId, code, name, position, source, milestoneType, attributeFilter, countingRule, display,
                numeratorCode, denominatorCode, targetPercent, null);
    }

    /** Whether figures are entered by hand for this quarter: always for an entered KPI, else before counting began. */
    public boolean takesEnteredFigure(org.workhealth.calendar.Quarter quarter) {
        return source == KpiSource.ENTERED
                || source == KpiSource.MILESTONES && countedFrom != null && quarter.start().isBefore(countedFrom);
    }

    public KpiUnit unit() {
        return source == KpiSource.RATIO ? KpiUnit.PERCENT : KpiUnit.COUNT;
    }

    /** The KPI codes whose sum is the numerator; empty unless a ratio. */
    public List<String> numeratorCodes() {
        return codes(numeratorCode);
    }

    public List<String> denominatorCodes() {
        return codes(denominatorCode);
    }

    /** The attribute filter as stored: {@code key=value;key=value}, or null when there is none. */
    public String attributeFilterText() {
        return encode(attributeFilter);
    }

    static String encode(Map<String, String> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        return attributes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    /** Reads {@code key=value} pairs separated by semicolons or new lines. */
    static Map<String, String> decode(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (text == null) {
            return attributes;
        }
        for (String pair : text.split("[;\\r\\n]+")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                attributes.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        return attributes;
    }

    private static List<String> codes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

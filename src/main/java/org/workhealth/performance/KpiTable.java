package org.workhealth.performance;

import java.time.LocalDate;
import java.util.List;

import org.workhealth.calendar.FinancialYear;

/**
 * A programme's KPI table for one financial year across the contracts a person may see (or one
 * organisation's or one contract's part of them): what the dashboard, the board report and its
 * PDF and XLSX all show.
 *
 * @param scopeName   whose figures these are, for example "NHS Greater Manchester" or a contract reference
 * @param contractIds the contracts whose targets and actuals are summed
 * @param asOf        the day the table was drawn up: quarters after it are not started
 */
public record KpiTable(long programmeId, String programmeCode, String programmeName, String scopeName,
        List<Long> contractIds, FinancialYear year, LocalDate asOf, List<KpiRow> rows) {

    public KpiTable {
        contractIds = List.copyOf(contractIds);
        rows = List.copyOf(rows);
    }

    /**
     * Which figures include ones entered by hand for the time before the service counted them from the record, as
     * "Sign-ups (Q1, Q2, Q3, Q4); Engagements (Q1)"; null when none do. Pages show it under the table, so an entered
     * baseline is never taken for a count.
     */
    public String enteredBeforeCounting() {
        String text = rows.stream().filter(row -> !row.enteredQuarters().isEmpty())
                .map(row -> row.name() + " (" + String.join(", ", row.enteredQuarters()) + ")")
                .collect(java.util.stream.Collectors.joining("; "));
        return text.isEmpty() ? null : text;
    }
}

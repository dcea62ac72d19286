package org.workhealth.returns;

import java.time.LocalDate;
import java.util.List;

import org.workhealth.calendar.Quarter;

/**
 * A programme's data return, as data: the KPI figures it carries, the columns of its participant-level extract,
 * and the rule for each quarter's due date.
 *
 * @param dueDaysAfterEnd a quarter's return is due this many days after the quarter's last day
 * @param kpiCodes        the programme's KPI codes the return carries, in order
 * @param columns         the extract's columns in order; a column code the compiler does not know is kept, so
 *                        validation can say so
 */
record ReturnTemplate(long id, long programmeId, String name, int dueDaysAfterEnd, List<String> kpiCodes,
        List<Column> columns) {

    /** An extract column: one of {@link ReturnColumn}'s codes, and whether every row needs a value in it. */
    record Column(String code, boolean required) {

        /** The column the compiler fills, or null when the template names one it does not know. */
        ReturnColumn known() {
            return ReturnColumn.byCode(code).orElse(null);
        }

        public String heading() {
            ReturnColumn column = known();
            return column == null ? code : column.heading();
        }

        public String description() {
            ReturnColumn column = known();
            return column == null ? "Not a column the service can compile" : column.description();
        }
    }

    ReturnTemplate {
        kpiCodes = List.copyOf(kpiCodes);
        columns = List.copyOf(columns);
    }

    public LocalDate dueOn(Quarter quarter) {
        return quarter.end().plusDays(dueDaysAfterEnd);
    }

    /** The columns the compiler can fill, in the template's order. */
    List<ReturnColumn> knownColumns() {
        return columns.stream().map(Column::known).filter(c -> c != null).toList();
    }

    /** "30 days after the quarter ends". */
    public String dueRule() {
        return dueDaysAfterEnd + (dueDaysAfterEnd == 1 ? " day" : " days") + " after the quarter ends";
    }
}

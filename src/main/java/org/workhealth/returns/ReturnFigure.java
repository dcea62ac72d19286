package org.workhealth.returns;

import java.math.BigDecimal;

import org.workhealth.milestone.MilestoneType;

/**
 * One KPI figure of a return, as the performance tables count it for the quarter.
 *
 * @param percent       a ratio shown as a percentage (a running total), not a count
 * @param figure        null when nothing was counted or entered
 * @param checkedColumn when the figure counts each case's first milestone of a type with no other condition, the
 *                      extract's date column for that type: the figure must equal the rows dated in the quarter
 */
record ReturnFigure(String code, String name, boolean percent, BigDecimal figure, ReturnColumn checkedColumn) {

    public String text() {
        if (figure == null) {
            return "–";
        }
        return percent ? figure.stripTrailingZeros().toPlainString() + "%" : figure.stripTrailingZeros().toPlainString();
    }

    static ReturnColumn checkable(MilestoneType type, boolean firstPerCase, boolean unfiltered) {
        return type != null && firstPerCase && unfiltered ? ReturnColumn.forMilestone(type).orElse(null) : null;
    }
}

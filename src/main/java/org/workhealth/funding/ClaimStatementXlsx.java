package org.workhealth.funding;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;
import org.workhealth.funding.internal.ClaimEvent;
import org.workhealth.funding.internal.ClaimLine;
import org.workhealth.funding.internal.ClaimStatement;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.Money;
import org.workhealth.platform.XlsxWorkbook;

/**
 * A claim statement as a spreadsheet: the sheet "Claim" has the summary, the lines and the total; "History" has
 * what happened to the claim. Amounts are numbers in pounds, exact to the penny ({@link Money#pounds}), and
 * evidence dates are dates, so that a commissioner can sum, sort and filter them; the total is the statement's
 * own, which the lines' amounts sum to. Participants appear only as their case reference.
 */
@Component
class ClaimStatementXlsx {

    static final String CONTENT_TYPE = XlsxWorkbook.CONTENT_TYPE;
    static final String CLAIM_SHEET = "Claim";
    static final String HISTORY_SHEET = "History";

    static final int FIRST_SUMMARY_ROW = 2;

    static final int KIND_COLUMN = 0;
    static final int QUARTER_COLUMN = 1;
    static final int CASE_COLUMN = 2;
    static final int EVIDENCE_COLUMN = 3;
    static final int DESCRIPTION_COLUMN = 4;
    static final int AMOUNT_COLUMN = 5;

    static final String LINES_HEADING = "Kind of line";
    static final String TOTAL_LABEL = "Total claimed";

    private static final String MONEY = "£#,##0.00;-£#,##0.00";
    private static final String DATE = "d mmmm yyyy";
    private static final String DATE_TIME = "d mmmm yyyy h:mm AM/PM";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    byte[] write(ClaimStatement statement) {
        return XlsxWorkbook.write(ClaimStatementView.title(statement), workbook -> {
            writeClaim(workbook.newWorksheet(CLAIM_SHEET), statement);
            writeHistory(workbook.newWorksheet(HISTORY_SHEET), statement);
        });
    }

    private void writeClaim(Worksheet sheet, ClaimStatement statement) {
        FundingAgreement agreement = statement.agreement();
        sheet.value(0, 0, ClaimStatementView.title(statement));
        sheet.style(0, 0).bold().fontSize(14).set();

        List<String[]> summary = new ArrayList<>();
        summary.add(new String[] {"Contract", agreement.contract().reference()});
        summary.add(new String[] {"Programme", agreement.programmeName()});
        summary.add(new String[] {"Provider", agreement.providerName()});
        summary.add(new String[] {"Commissioner", agreement.commissionerName()});
        summary.add(new String[] {"Payment model", agreement.model().label()});
        summary.add(new String[] {"Quarter", statement.quarter().label() + " (" + Dates.format(statement.quarter()
                .start()) + " to " + Dates.format(statement.quarter().end()) + ")"});
        summary.add(new String[] {"Status", statement.status().label()});
        if (statement.returnReason() != null) {
            summary.add(new String[] {"Returned because", statement.returnReason()});
        }
        int row = FIRST_SUMMARY_ROW;
        for (String[] pair : summary) {
            sheet.value(row, 0, pair[0]);
            sheet.value(row, 1, pair[1]);
            sheet.style(row, 0).bold().set();
            row++;
        }
        sheet.value(row, 0, TOTAL_LABEL);
        sheet.style(row, 0).bold().set();
        money(sheet, row, 1, statement.totalPence());
        row += 2;

        int header = row;
        sheet.value(header, KIND_COLUMN, LINES_HEADING);
        sheet.value(header, QUARTER_COLUMN, "Quarter paid for");
        sheet.value(header, CASE_COLUMN, "Case reference");
        sheet.value(header, EVIDENCE_COLUMN, "Evidence date");
        sheet.value(header, DESCRIPTION_COLUMN, "Why");
        sheet.value(header, AMOUNT_COLUMN, "Amount (£)");
        sheet.range(header, KIND_COLUMN, header, AMOUNT_COLUMN).style().bold().wrapText(true).set();
        row++;
        for (ClaimLine line : statement.lines()) {
            sheet.value(row, KIND_COLUMN, line.kind().label());
            sheet.value(row, QUARTER_COLUMN, line.forQuarter().label());
            if (line.caseReference() != null) {
                sheet.value(row, CASE_COLUMN, line.caseReference());
            }
            if (line.evidenceOn() != null) {
                sheet.value(row, EVIDENCE_COLUMN, line.evidenceOn());
                sheet.style(row, EVIDENCE_COLUMN).format(DATE).set();
            }
            sheet.value(row, DESCRIPTION_COLUMN, line.description());
            sheet.style(row, DESCRIPTION_COLUMN).wrapText(true).verticalAlignment("top").set();
            money(sheet, row, AMOUNT_COLUMN, line.amountPence());
            row++;
        }
        // The statement's total, not a formula: a formula has no value until a spreadsheet program
        // recalculates it, and readers that do not (or a quick preview) would show it blank.
        sheet.value(row, KIND_COLUMN, TOTAL_LABEL);
        sheet.style(row, KIND_COLUMN).bold().set();
        sheet.value(row, AMOUNT_COLUMN, Money.pounds(statement.totalPence()));
        sheet.style(row, AMOUNT_COLUMN).bold().format(MONEY).set();
        row += 2;

        List<String> notes = new ArrayList<>(statement.notes());
        notes.add("Participants are shown by case reference only.");
        notes.add("Amounts are in pounds; a negative amount is money taken back from an approved claim.");
        sheet.value(row, 0, "Notes");
        sheet.style(row, 0).bold().set();
        row++;
        for (String note : notes) {
            sheet.value(row++, 0, note);
        }

        sheet.width(KIND_COLUMN, 30);
        sheet.width(QUARTER_COLUMN, 16);
        sheet.width(CASE_COLUMN, 16);
        sheet.width(EVIDENCE_COLUMN, 18);
        sheet.width(DESCRIPTION_COLUMN, 70);
        sheet.width(AMOUNT_COLUMN, 16);
    }

    private void writeHistory(Worksheet sheet, ClaimStatement statement) {
        String[] headings = {"When", "What", "By", "Total (£)", "Reason"};
        for (int c = 0; c < headings.length; c++) {
            sheet.value(0, c, headings[c]);
        }
        sheet.range(0, 0, 0, headings.length - 1).style().bold().set();
        int row = 1;
        for (ClaimEvent event : statement.history()) {
            sheet.value(row, 0, event.at().atZone(LONDON).toLocalDateTime());
            sheet.style(row, 0).format(DATE_TIME).set();
            sheet.value(row, 1, event.action());
            if (event.personName() != null) {
                sheet.value(row, 2, event.personName());
            }
            money(sheet, row, 3, event.totalPence());
            if (event.reason() != null) {
                sheet.value(row, 4, event.reason());
                sheet.style(row, 4).wrapText(true).set();
            }
            row++;
        }
        if (statement.history().isEmpty()) {
            sheet.value(1, 0, "This claim has not been submitted.");
        }
        sheet.width(0, 24);
        sheet.width(1, 14);
        sheet.width(2, 24);
        sheet.width(3, 16);
        sheet.width(4, 60);
    }

    private static void money(Worksheet sheet, int row, int column, long pence) {
        sheet.value(row, column, Money.pounds(pence));
        sheet.style(row, column).format(MONEY).set();
    }
}

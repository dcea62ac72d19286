package org.workhealth.funding;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.workhealth.funding.internal.ClaimEvent;
import org.workhealth.funding.internal.ClaimLine;
import org.workhealth.funding.internal.ClaimStatement;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.LineKind;
import org.workhealth.funding.internal.Money;

/**
 * A claim statement in words, ready for the print template: money through {@link Money#format} (with a minus
 * sign for what is taken back), dates through {@link Dates#format}. Participants appear only as the case
 * reference their line carries. Numbers for the spreadsheet come straight from the {@link ClaimStatement}.
 */
record ClaimStatementView(String title, String contractReference, String programme, String provider,
        String commissioner, String paymentModel, String quarter, String quarterDates, String status,
        String returnReason, String total, List<Section> sections, List<Subtotal> subtotals, List<Event> history,
        List<String> notes) {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    /**
     * One kind of line's table. Columns that no line of the kind fills are left out, so that fixed payments
     * are not shown with empty case and evidence columns; the quarter paid for is shown for adjustments,
     * the only lines that pay for a quarter other than the claim's own.
     */
    record Section(String heading, boolean caseColumn, boolean quarterColumn, boolean evidenceColumn,
            List<Line> lines, String subtotal) {

        /** Columns before the amount, for the subtotal row's label cell. */
        public int labelColumns() {
            return 1 + (caseColumn ? 1 : 0) + (quarterColumn ? 1 : 0) + (evidenceColumn ? 1 : 0);
        }
    }

    record Line(String caseReference, String forQuarter, String evidenceOn, String description, String amount) {
    }

    record Subtotal(String kind, String amount) {
    }

    record Event(String when, String action, String by, String total, String reason) {
    }

    static String title(ClaimStatement statement) {
        return "Claim for " + statement.quarter().label() + " \u2014 " + statement.agreement().contract().reference();
    }

    static ClaimStatementView of(ClaimStatement statement) {
        FundingAgreement agreement = statement.agreement();
        List<Section> sections = new ArrayList<>();
        List<Subtotal> subtotals = new ArrayList<>();
        for (LineKind kind : statement.kinds()) {
            List<ClaimLine> lines = statement.lines(kind);
            String subtotal = Money.format(statement.subtotalPence(kind));
            sections.add(new Section(kind.label(), lines.stream().anyMatch(l -> l.caseReference() != null),
                    kind == LineKind.ADJUSTMENT, lines.stream().anyMatch(l -> l.evidenceOn() != null),
                    lines.stream().map(ClaimStatementView::line).toList(), subtotal));
            subtotals.add(new Subtotal(kind.label(), subtotal));
        }
        return new ClaimStatementView(title(statement), agreement.contract().reference(), agreement.programmeName(),
                agreement.providerName(), agreement.commissionerName(), agreement.model().label(),
                statement.quarter().label(), Dates.format(statement.quarter().start()) + " to "
                        + Dates.format(statement.quarter().end()),
                statement.status().label(), statement.returnReason(), statement.total(), sections, subtotals,
                statement.history().stream().map(ClaimStatementView::event).toList(), statement.notes());
    }

    private static Line line(ClaimLine line) {
        return new Line(Objects.requireNonNullElse(line.caseReference(), ""), line.forQuarter().label(),
                Dates.format(line.evidenceOn()), line.description(), line.amount());
    }

    private static Event event(ClaimEvent event) {
        return new Event(when(event.at()), event.action(), Objects.requireNonNullElse(event.personName(), ""),
                event.total(), event.reason());
    }

    /** "12 January 2026, 3:05pm", in UK time whatever the server's zone. */
    static String when(Instant at) {
        var local = at.atZone(LONDON);
        return Dates.format(local.toLocalDate()) + ", " + TIME.format(local).toLowerCase(Locale.UK);
    }
}

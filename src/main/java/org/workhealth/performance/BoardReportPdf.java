package org.workhealth.performance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.workhealth.platform.PrintTemplatePdf;

/**
 * The board report as an A4 landscape PDF, from the print template {@code performance/board-report-pdf}, rendered
 * by {@link PrintTemplatePdf}: tagged to PDF/UA with DejaVu Sans when the font directory has it, untagged in Helvetica
 * otherwise.
 */
@Component
class BoardReportPdf {

    static final String CONTENT_TYPE = PrintTemplatePdf.CONTENT_TYPE;
    static final String FONT_FAMILY = PrintTemplatePdf.FONT_FAMILY;

    private final PrintTemplatePdf print;

    BoardReportPdf(ITemplateEngine templates, @Value(PrintTemplatePdf.FONT_DIRECTORY) String fontDirectory) {
        this.print = new PrintTemplatePdf(templates, fontDirectory, "performance/board-report-pdf");
    }

    boolean accessible() {
        return print.accessible();
    }

    byte[] write(BoardReport report) {
        return print.render(BoardReportView.of(report));
    }

    String xhtml(BoardReport report) {
        return print.xhtml(BoardReportView.of(report));
    }
}

package org.workhealth.performance;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.workhealth.platform.XhtmlPdf;

/**
 * The board report as an A4 landscape PDF, from the print template {@code performance/board-report-pdf}
 * (XHTML with its CSS inline), rendered by {@link XhtmlPdf}: tagged to PDF/UA with DejaVu Sans when the
 * font directory has it, untagged in Helvetica otherwise.
 */
@Component
class BoardReportPdf {

    static final String CONTENT_TYPE = XhtmlPdf.CONTENT_TYPE;
    static final String FONT_FAMILY = XhtmlPdf.FONT_FAMILY;

    private final ITemplateEngine templates;
    private final XhtmlPdf renderer;

    BoardReportPdf(ITemplateEngine templates,
            @Value("${workhealth.performance.pdf-font-directory:/usr/share/fonts/truetype/dejavu}") String fontDirectory) {
        this.templates = templates;
        this.renderer = new XhtmlPdf(fontDirectory);
    }

    /** Whether PDFs are tagged to PDF/UA: only when the font can be embedded. */
    boolean accessible() {
        return renderer.accessible();
    }

    byte[] write(BoardReport report) {
        return renderer.render(xhtml(report));
    }

    /** The print template filled in: well-formed XHTML, as the PDF renderer's XML parser needs. */
    String xhtml(BoardReport report) {
        Context context = new Context(Locale.UK);
        context.setVariable("view", BoardReportView.of(report));
        context.setVariable("fontFamily", renderer.fontFamily());
        return templates.process("performance/board-report-pdf", context);
    }
}

package org.workhealth.funding;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.workhealth.funding.internal.ClaimStatement;
import org.workhealth.platform.XhtmlPdf;

/**
 * A claim statement as an A4 portrait PDF, from the print template {@code funding/claim-statement-pdf}
 * (XHTML with its CSS inline), rendered like the board report: tagged to PDF/UA with DejaVu Sans when the font
 * directory has it. It reads the same font setting as the board report, so that one setting serves every PDF.
 */
@Component
class ClaimStatementPdf {

    static final String CONTENT_TYPE = XhtmlPdf.CONTENT_TYPE;

    private final ITemplateEngine templates;
    private final XhtmlPdf renderer;

    ClaimStatementPdf(ITemplateEngine templates,
            @Value("${workhealth.performance.pdf-font-directory:/usr/share/fonts/truetype/dejavu}") String fontDirectory) {
        this.templates = templates;
        this.renderer = new XhtmlPdf(fontDirectory);
    }

    boolean accessible() {
        return renderer.accessible();
    }

    byte[] write(ClaimStatement statement) {
        return renderer.render(xhtml(statement));
    }

    /** The print template filled in: well-formed XHTML, as the PDF renderer's XML parser needs. */
    String xhtml(ClaimStatement statement) {
        Context context = new Context(Locale.UK);
        context.setVariable("view", ClaimStatementView.of(statement));
        context.setVariable("fontFamily", renderer.fontFamily());
        return templates.process("funding/claim-statement-pdf", context);
    }
}

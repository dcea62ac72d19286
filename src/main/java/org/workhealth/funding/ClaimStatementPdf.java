package org.workhealth.funding;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.workhealth.funding.internal.ClaimStatement;
import org.workhealth.platform.PrintTemplatePdf;

/**
 * A claim statement as an A4 portrait PDF, from the print template {@code funding/claim-statement-pdf}, rendered
 * like the board report: tagged to PDF/UA with DejaVu Sans when the font directory has it.
 */
@Component
class ClaimStatementPdf {

    static final String CONTENT_TYPE = PrintTemplatePdf.CONTENT_TYPE;

    private final PrintTemplatePdf print;

    ClaimStatementPdf(ITemplateEngine templates, @Value(PrintTemplatePdf.FONT_DIRECTORY) String fontDirectory) {
        this.print = new PrintTemplatePdf(templates, fontDirectory, "funding/claim-statement-pdf");
    }

    boolean accessible() {
        return print.accessible();
    }

    byte[] write(ClaimStatement statement) {
        return print.render(ClaimStatementView.of(statement));
    }

    String xhtml(ClaimStatement statement) {
        return print.xhtml(ClaimStatementView.of(statement));
    }
}

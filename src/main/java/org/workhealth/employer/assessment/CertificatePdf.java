package org.workhealth.employer.assessment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.workhealth.platform.PrintTemplatePdf;

/**
 * An award's certificate as an A4 PDF from the print template {@code employer/assessment/certificate-pdf}, in the
 * service's shared page style (fragments/pdf.html), tagged to PDF/UA when the font directory has DejaVu Sans.
 */
@Component
class CertificatePdf {

    /** What the certificate says. */
    record View(String title, String employer, String level, String awardedOn, String expiresOn, String hub,
            String framework) {
    }

    private final PrintTemplatePdf pdf;

    CertificatePdf(ITemplateEngine templates, @Value(PrintTemplatePdf.FONT_DIRECTORY) String fontDirectory) {
        this.pdf = new PrintTemplatePdf(templates, fontDirectory, "employer/assessment/certificate-pdf");
    }

    byte[] write(View view) {
        return pdf.render(view);
    }
}

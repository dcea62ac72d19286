package org.workhealth.employer.assessment;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.workhealth.platform.XhtmlPdf;

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

    private final ITemplateEngine templates;
    private final XhtmlPdf renderer;

    CertificatePdf(ITemplateEngine templates,
            @Value("${workhealth.performance.pdf-font-directory:/usr/share/fonts/truetype/dejavu}") String fontDirectory) {
        this.templates = templates;
        this.renderer = new XhtmlPdf(fontDirectory);
    }

    byte[] write(View view) {
        Context context = new Context(Locale.UK);
        context.setVariable("view", view);
        context.setVariable("fontFamily", renderer.fontFamily());
        return renderer.render(templates.process("employer/assessment/certificate-pdf", context));
    }
}

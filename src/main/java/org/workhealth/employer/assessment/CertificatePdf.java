package org.workhealth.employer.assessment;

import org.springframework.stereotype.Component;
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

    CertificatePdf(PrintTemplatePdf pdf) {
        this.pdf = pdf;
    }

    byte[] write(View view) {
        return pdf.write("employer/assessment/certificate-pdf", view);
    }
}

package org.workhealth.subjectaccess;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.workhealth.platform.XhtmlPdf;

/** Everything held about a person as an A4 PDF to send them, rendered like the other PDFs (PDF/UA when it can). */
@Component
class SubjectFilePdf {

    private final ITemplateEngine templates;
    private final XhtmlPdf renderer;

    SubjectFilePdf(ITemplateEngine templates,
            @Value("${workhealth.performance.pdf-font-directory:/usr/share/fonts/truetype/dejavu}") String fontDirectory) {
        this.templates = templates;
        this.renderer = new XhtmlPdf(fontDirectory);
    }

    byte[] write(SubjectFileView view) {
        Context context = new Context(Locale.UK);
        context.setVariable("view", view);
        context.setVariable("fontFamily", renderer.fontFamily());
        return renderer.render(templates.process("subjectaccess/file-pdf", context));
    }
}

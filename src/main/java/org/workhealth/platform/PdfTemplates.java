package org.workhealth.platform;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A4 PDFs made from a Thymeleaf template and the record it shows, all in the same font (tagged to PDF/UA when the
 * font is installed), so that a module sending a PDF needs only its template.
 */
@Component
public class PdfTemplates {

    private final ITemplateEngine templates;
    private final XhtmlPdf renderer;

    PdfTemplates(ITemplateEngine templates,
            @Value("${workhealth.performance.pdf-font-directory:/usr/share/fonts/truetype/dejavu}") String fontDirectory) {
        this.templates = templates;
        this.renderer = new XhtmlPdf(fontDirectory);
    }

    /** The template rendered with {@code view} and the {@code fontFamily} its CSS names. */
    public byte[] render(String template, Object view) {
        Context context = new Context(Locale.UK);
        context.setVariable("view", view);
        context.setVariable("fontFamily", renderer.fontFamily());
        return renderer.render(templates.process(template, context));
    }
}

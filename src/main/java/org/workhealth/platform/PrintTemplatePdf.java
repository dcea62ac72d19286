package org.workhealth.platform;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A print template filled in with one {@code view} and rendered to an A4 PDF by {@link XhtmlPdf}, in the font the
 * font directory has: the way every simple download (one view, one template) is made.
 */
@Component
public class PrintTemplatePdf {

    private final ITemplateEngine templates;
    private final XhtmlPdf renderer;

    PrintTemplatePdf(ITemplateEngine templates,
            @Value("${workhealth.performance.pdf-font-directory:/usr/share/fonts/truetype/dejavu}") String fontDirectory) {
        this.templates = templates;
        this.renderer = new XhtmlPdf(fontDirectory);
    }

    public byte[] write(String template, Object view) {
        Context context = new Context(Locale.UK);
        context.setVariable("view", view);
        context.setVariable("fontFamily", renderer.fontFamily());
        return renderer.render(templates.process(template, context));
    }
}

package org.workhealth.platform;

import java.util.Locale;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * One print template (XHTML with its CSS inline) filled in with a view and rendered by {@link XhtmlPdf}, so that a
 * PDF download names only its template and its view. The template gets {@code view} and {@code fontFamily}.
 */
public final class PrintTemplatePdf {

    /** What a PDF download is sent as. */
    public static final String CONTENT_TYPE = XhtmlPdf.CONTENT_TYPE;

    /** The font PDFs are drawn in when the font directory has it (tagged to PDF/UA); Helvetica otherwise. */
    public static final String FONT_FAMILY = XhtmlPdf.FONT_FAMILY;

    /** The one font setting every PDF reads (the board report's, the first PDF). */
    public static final String FONT_DIRECTORY =
            "${workhealth.performance.pdf-font-directory:/usr/share/fonts/truetype/dejavu}";

    private final ITemplateEngine templates;
    private final XhtmlPdf renderer;
    private final String template;

    public PrintTemplatePdf(ITemplateEngine templates, String fontDirectory, String template) {
        this.templates = templates;
        this.renderer = new XhtmlPdf(fontDirectory);
        this.template = template;
    }

    /** Whether PDFs are tagged to PDF/UA: only when the font can be embedded. */
    public boolean accessible() {
        return renderer.accessible();
    }

    public byte[] render(Object view) {
        return renderer.render(xhtml(view));
    }

    /** The print template filled in: well-formed XHTML, as the PDF renderer's XML parser needs. */
    public String xhtml(Object view) {
        Context context = new Context(Locale.UK);
        context.setVariable("view", view);
        context.setVariable("fontFamily", renderer.fontFamily());
        return templates.process(template, context);
    }
}

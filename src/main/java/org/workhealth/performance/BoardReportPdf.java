package org.workhealth.performance;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.logging.Level;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * The board report as an A4 landscape PDF, from the print template {@code performance/board-report-pdf}
 * (XHTML with its CSS inline). The PDF is tagged to PDF/UA, so that screen readers can read its
 * tables, when a TrueType font can be embedded (PDF/UA forbids the unembedded standard fonts):
 * DejaVu Sans, which Debian's fonts-dejavu-core installs, unless the font directory says otherwise.
 * Without the font the PDF is still made, untagged, with the standard Helvetica.
 */
@Component
class BoardReportPdf {

    static final String CONTENT_TYPE = "application/pdf";
    static final String FONT_FAMILY = "DejaVu Sans";

    private static final Logger log = LoggerFactory.getLogger(BoardReportPdf.class);

    static {
        // The renderer logs every stage at INFO through java.util.logging: only its warnings matter.
        for (String name : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(name, Level.WARNING);
        }
    }

    private final ITemplateEngine templates;
    private final File regularFont;
    private final File boldFont;

    BoardReportPdf(ITemplateEngine templates,
            @Value("${workhealth.performance.pdf-font-directory:/usr/share/fonts/truetype/dejavu}") String fontDirectory) {
        this.templates = templates;
        this.regularFont = new File(fontDirectory, "DejaVuSans.ttf");
        this.boldFont = new File(fontDirectory, "DejaVuSans-Bold.ttf");
        if (!accessible()) {
            log.warn("No {} in {}: board report PDFs will not be tagged for accessibility (PDF/UA)", regularFont.getName(),
                    fontDirectory);
        }
    }

    /** Whether PDFs are tagged to PDF/UA: only when the font can be embedded. */
    boolean accessible() {
        return regularFont.canRead() && boldFont.canRead();
    }

    byte[] write(BoardReport report) {
        String xhtml = xhtml(report);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(xhtml, null);
        builder.withProducer("WorkHealth");
        // The template carries everything inline: nothing is fetched, from the network or the disk.
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        if (accessible()) {
            builder.useFont(regularFont, FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(boldFont, FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.usePdfUaAccessibility(true);
        }
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The print template filled in: well-formed XHTML, as the PDF renderer's XML parser needs. */
    String xhtml(BoardReport report) {
        Context context = new Context(Locale.UK);
        context.setVariable("view", BoardReportView.of(report));
        context.setVariable("fontFamily", accessible() ? FONT_FAMILY : "Helvetica");
        return templates.process("performance/board-report-pdf", context);
    }
}

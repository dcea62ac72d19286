package org.workhealth.platform;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * Renders a print template's well-formed XHTML (CSS inline) to PDF with openhtmltopdf, the same way for
 * every download. The PDF is tagged to PDF/UA, so that screen readers can read its tables, when a TrueType
 * font can be embedded (PDF/UA forbids the unembedded standard fonts): DejaVu Sans from the font directory,
 * which Debian's fonts-dejavu-core fills. Without the font the PDF is still made, untagged, in Helvetica;
 * templates name {@link #fontFamily()} in their CSS so that they use whichever font is there.
 */
final class XhtmlPdf {

    public static final String CONTENT_TYPE = "application/pdf";
    public static final String FONT_FAMILY = "DejaVu Sans";

    private static final Logger log = LoggerFactory.getLogger(XhtmlPdf.class);

    static {
        // The renderer logs every stage at INFO through java.util.logging: only its warnings matter.
        for (String name : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(name, Level.WARNING);
        }
    }

    private final File regularFont;
    private final File boldFont;

    public XhtmlPdf(String fontDirectory) {
        this.regularFont = new File(fontDirectory, "DejaVuSans.ttf");
        this.boldFont = new File(fontDirectory, "DejaVuSans-Bold.ttf");
        if (!accessible()) {
            log.warn("No {} in {}: PDFs will not be tagged for accessibility (PDF/UA)", regularFont.getName(),
                    fontDirectory);
        }
    }

    /** Whether PDFs are tagged to PDF/UA: only when the font can be embedded. */
    public boolean accessible() {
        return regularFont.canRead() && boldFont.canRead();
    }

    /** The font family the template's CSS should name. */
    public String fontFamily() {
        return accessible() ? FONT_FAMILY : "Helvetica";
    }

    public byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(accessible() ? xhtml : standardFontText(xhtml), null);
        builder.withProducer("WorkHealth");
        // Templates carry everything inline: nothing is fetched, from the network or the disk.
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

    /**
     * Helvetica has no minus sign (U+2212), which GOV.UK style writes before negative amounts: the renderer
     * would print "#" in its place, and "−£515.38" would read "#£515.38". A hyphen keeps the sign.
     */
    static String standardFontText(String xhtml) {
        return xhtml.replace('\u2212', '-');
    }
}

package org.workhealth.employer.assessment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of file accepted as evidence, each recognised by its content (its first bytes, and for Word the parts
 * inside its zip), not only by its name: a file whose content is not what its name says is refused.
 */
enum EvidenceFileType {
    PDF("application/pdf", List.of("pdf")),
    WORD("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
    PNG("image/png", List.of("png")),
    JPEG("image/jpeg", List.of("jpg", "jpeg"));

    static final String ALLOWED = "a PDF, Word document (.docx), PNG or JPEG";

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** Enough zip entries to find a Word document's main part; a zip with more is not looked through. */
    private static final int ZIP_ENTRIES_LOOKED_AT = 200;

    private final String contentType;
    private final List<String> extensions;

    EvidenceFileType(String contentType, List<String> extensions) {
        this.contentType = contentType;
        this.extensions = extensions;
    }

    String contentType() {
        return contentType;
    }

    /** The type the name claims, from its extension. */
    static Optional<EvidenceFileType> byName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.UK);
        return Arrays.stream(values()).filter(t -> t.extensions.contains(extension)).findFirst();
    }

    /** The type the content is, from its bytes. */
    static Optional<EvidenceFileType> byContent(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, ZIP_MAGIC) && isWordDocument(content)) {
            return Optional.of(WORD);
        }
        return Optional.empty();
    }

    private static boolean isWordDocument(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int looked = 0;
            while ((entry = zip.getNextEntry()) != null && looked++ < ZIP_ENTRIES_LOOKED_AT) {
                if (entry.getName().equals("word/document.xml")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}

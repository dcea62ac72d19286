package org.workhealth.returns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Every text a spreadsheet holds, shared strings and inline strings alike, unescaped; for scanning. */
final class XlsxText {

    private static final Pattern TEXT = Pattern.compile("<t[^>]*>([^<]*)</t>");

    private XlsxText() {
    }

    static List<String> cells(byte[] xlsx) {
        List<String> cells = new ArrayList<>();
        try {
            // ZipFile reads the central directory, which a streamed workbook's entries need.
            Path file = Files.createTempFile("return", ".xlsx");
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    if (!entry.getName().startsWith("xl/")) {
                        continue;
                    }
                    Matcher m = TEXT.matcher(new String(zip.getInputStream(entry).readAllBytes(),
                            StandardCharsets.UTF_8));
                    while (m.find()) {
                        cells.add(m.group(1).replace("&apos;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                                .replace("&gt;", ">").replace("&amp;", "&"));
                    }
                }
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cells;
    }
}

package org.workhealth.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import org.dhatim.fastexcel.Workbook;

/** A spreadsheet download made the same way everywhere: a titled FastExcel workbook, as the bytes of an .xlsx file. */
public final class XlsxWorkbook {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxWorkbook() {
    }

    /** The workbook with this title, its sheets written by fill. */
    public static byte[] write(String title, Consumer<Workbook> fill) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            // FastExcel wants the application version as "major.minor".
            Workbook workbook = new Workbook(out, "WorkHealth", "1.0");
            workbook.properties().setTitle(title);
            fill.accept(workbook);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package org.workhealth.govuk;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** Every upload form the modules declare, and the message a file over the server's limit is given. */
@Component
public class UploadForms {

    private final List<UploadForm> forms;
    private final DataSize limit;

    UploadForms(List<UploadForm> forms, MultipartProperties multipart) {
        this.forms = List.copyOf(forms);
        this.limit = multipart.getMaxFileSize();
    }

    public List<UploadForm> all() {
        return forms;
    }

    /** The form whose file is posted to this path, if any. */
    public Optional<UploadForm> postedTo(String path) {
        return forms.stream().filter(f -> f.action().equals(path)).findFirst();
    }

    /** The GOV.UK error message for a file over the limit, as the pattern words it. */
    public String tooLargeMessage() {
        long megabytes = limit.toMegabytes();
        String size = megabytes > 0 && DataSize.ofMegabytes(megabytes).equals(limit) ? megabytes + " MB"
                : limit.toKilobytes() + " KB";
        return "The selected file must be smaller than " + size;
    }

    /**
     * The errors for the upload page when it was sent back with {@code ?error=too-large}: the message on the file
     * field; otherwise none (null), so that the page shows its own.
     */
    public FormErrors tooLarge(String error, String fileField) {
        return UploadForm.TOO_LARGE.equals(error) ? FormErrors.single(fileField, tooLargeMessage()) : null;
    }
}

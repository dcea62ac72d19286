package org.workhealth.govuk;

/**
 * An upload form, declared as a bean by the module that owns it: where its file is posted ({@code action}) and the
 * page that shows the form ({@code page}). A file over the server's size limit is refused before any controller
 * runs; {@link UploadTooLarge} then sends the person back to {@code page} with {@code ?error=too-large}, and the page
 * shows {@link UploadForms#tooLarge} as the GOV.UK error on its file field, not an error page.
 */
public record UploadForm(String action, String page) {

    /** The value of the {@code error} parameter that says the file was over the limit. */
    public static final String TOO_LARGE = "too-large";
}

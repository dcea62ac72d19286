package org.workhealth.govuk;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file over {@code spring.servlet.multipart.max-file-size} is refused while the request is read, before any
 * controller runs (so no controller's own exception handler applies). For every declared {@link UploadForm}, send
 * the person back to the form's page with the GOV.UK error instead of an error page. The forms carry their CSRF
 * token in the URL, so the token still arrives when the oversized body is not read. A post to any other path keeps
 * Spring's handling: the GOV.UK "file too large" error page (413).
 */
@ControllerAdvice
class UploadTooLarge {

    private final UploadForms forms;

    UploadTooLarge(UploadForms forms) {
        this.forms = forms;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, MaxUploadSizeExceededException e) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        UploadForm form = forms.postedTo(path).orElseThrow(() -> e);
        return "redirect:" + form.page() + "?error=" + UploadForm.TOO_LARGE;
    }
}

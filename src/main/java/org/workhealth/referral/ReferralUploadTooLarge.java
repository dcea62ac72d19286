package org.workhealth.referral;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file over {@code spring.servlet.multipart.max-file-size} is refused while the request is
 * read, before any controller runs (so no controller's own exception handler applies). For the
 * bulk referral upload, send the person back to the upload page with the GOV.UK error instead
 * of an error page. The page's form carries its CSRF token in the URL, so the token still
 * arrives when the oversized body is not read.
 */
@ControllerAdvice
class ReferralUploadTooLarge {

    static final String ERROR = "too-large";

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, MaxUploadSizeExceededException e) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/referrals/upload")) {
            // Another page's upload: leave it to Spring's default handling (413).
            throw e;
        }
        return "redirect:/referrals/upload?error=" + ERROR;
    }
}

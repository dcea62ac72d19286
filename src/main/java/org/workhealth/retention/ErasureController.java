package org.workhealth.retention;

import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/**
 * Erasure on request: an administrator of the organisation holding the record (or one above it) finds it by its
 * reference, sees whether it may be erased, and erases it with the reason. The page shows no personal data.
 */
@Controller
class ErasureController {

    record ErasureForm(String reference, String reason, String confirm) {
    }

    static final int MAX_REASON = 500;

    private final ErasureRequests requests;
    private final AuditLog audit;

    ErasureController(ErasureRequests requests, AuditLog audit) {
        this.requests = requests;
        this.audit = audit;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("reference", "reason", "confirm");
    }

    @GetMapping("/admin/erasure")
    String show(CurrentUser user, @ModelAttribute("form") ErasureForm form, BindingResult result, Model model) {
        requireRetention(user);
        Optional<ErasureSubject> subject = Optional.empty();
        if (form.reference() != null) {
            subject = find(user, form.reference(), result);
        }
        return page(subject, model);
    }

    @PostMapping("/admin/erasure")
    String erase(CurrentUser user, @ModelAttribute("form") ErasureForm form, BindingResult result, Model model) {
        requireRetention(user);
        Optional<ErasureSubject> subject = find(user, form.reference(), result);
        if (subject.isEmpty() || subject.get().refusal() != null) {
            return page(subject, model);
        }
        String reason = form.reason() == null ? "" : form.reason().strip();
        if (reason.isEmpty()) {
            result.rejectValue("reason", "required", "Enter why the records are being erased");
        } else if (reason.length() > MAX_REASON) {
            result.rejectValue("reason", "tooLong", "The reason must be " + MAX_REASON + " characters or fewer");
        }
        if (!"yes".equals(form.confirm())) {
            result.rejectValue("confirm", "required", "Confirm that the law allows these records to be erased");
        }
        if (result.hasErrors()) {
            return page(subject, model);
        }
        long runId = requests.erase(user, subject.get().reference(), reason);
        return "redirect:/admin/retention/runs/" + runId;
    }

    private Optional<ErasureSubject> find(CurrentUser user, String reference, BindingResult result) {
        String text = reference == null ? "" : reference.strip();
        if (text.isEmpty()) {
            result.rejectValue("reference", "required", "Enter the reference of the referral or case");
            return Optional.empty();
        }
        if (text.length() > 12) {
            result.rejectValue("reference", "tooLong", "The reference must be 12 characters or fewer");
            return Optional.empty();
        }
        Optional<ErasureSubject> subject = requests.find(user, text);
        if (subject.isEmpty()) {
            result.rejectValue("reference", "notFound",
                    "There is no referral or case with that reference in your organisations");
        } else {
            audit.recordView("erasure-check", subject.get().reference(), subject.get().organisationId());
        }
        return subject;
    }

    private String page(Optional<ErasureSubject> subject, Model model) {
        model.addAttribute("subject", subject.orElse(null));
        model.addAttribute("backLink", "/admin/retention");
        return "retention/erasure";
    }

    private static void requireRetention(CurrentUser user) {
        if (!user.has(Permission.MANAGE_RETENTION)) {
            throw new OutOfScopeException();
        }
    }
}

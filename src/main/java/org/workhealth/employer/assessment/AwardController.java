package org.workhealth.employer.assessment;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.audit.AuditLog;
import org.workhealth.employer.Employer;
import org.workhealth.employer.framework.Frameworks;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;

/** An award's certificate, and withdrawing an award with a reason. */
@Controller
class AwardController {

    record WithdrawForm(String reason) {
    }

    private final AccreditationAccess access;
    private final Awards awards;
    private final CertificatePdf pdf;
    private final SelfAssessment selfAssessment;
    private final Organisations organisations;
    private final AuditLog audit;

    AwardController(AccreditationAccess access, Awards awards, CertificatePdf pdf, SelfAssessment selfAssessment,
            Organisations organisations, AuditLog audit) {
        this.access = access;
        this.awards = awards;
        this.pdf = pdf;
        this.selfAssessment = selfAssessment;
        this.organisations = organisations;
        this.audit = audit;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("reason");
    }

    @GetMapping("/thrive-at-work/employers/{employerId}/accreditation/awards/{awardId}/certificate.pdf")
    ResponseEntity<byte[]> certificate(CurrentUser user, @PathVariable long employerId, @PathVariable long awardId) {
        Employer employer = access.readable(user, employerId);
        Award award = awards.find(employerId, awardId).filter(a -> !a.withdrawn())
                .orElseThrow(OutOfScopeException::new);
        String hub = organisations.find(employer.hubOrganisationId()).map(o -> o.name()).orElse("");
        byte[] body = pdf.write(new CertificatePdf.View("Thrive at Work " + award.levelName() + " award",
                employer.name(), award.levelName(), AccreditationController.DAY.format(award.awardedOn()),
                AccreditationController.DAY.format(award.expiresOn()), hub,
                selfAssessment.framework(employer).version().name()));
        audit.recordView("employer-award", awardId, employer.hubOrganisationId());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("thrive-at-work-" + award.levelCode().toLowerCase() + "-certificate.pdf").build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    @GetMapping("/thrive-at-work/employers/{employerId}/accreditation/awards/{awardId}/withdraw")
    String withdrawForm(CurrentUser user, @PathVariable long employerId, @PathVariable long awardId, Model model) {
        Employer employer = withdrawer(user, employerId);
        Award award = awards.find(employerId, awardId).filter(a -> !a.withdrawn())
                .orElseThrow(OutOfScopeException::new);
        model.addAttribute("form", new WithdrawForm(null));
        return page(employer, award, model);
    }

    @PostMapping("/thrive-at-work/employers/{employerId}/accreditation/awards/{awardId}/withdraw")
    String withdraw(CurrentUser user, @PathVariable long employerId, @PathVariable long awardId,
            @ModelAttribute("form") WithdrawForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Employer employer = withdrawer(user, employerId);
        Award award = awards.find(employerId, awardId).filter(a -> !a.withdrawn())
                .orElseThrow(OutOfScopeException::new);
        TextAnswer.required(result, "reason", form.reason(),
                "Enter why the award is being withdrawn", "Reason", Award.REASON_MAX);
        if (result.hasErrors()) {
            return page(employer, award, model);
        }
        awards.withdraw(award, form.reason().strip(), user.id());
        redirect.addFlashAttribute("notice", award.levelName() + " award withdrawn");
        return "redirect:" + TaskLists.base(employerId);
    }

    private Employer withdrawer(CurrentUser user, long employerId) {
        Employer employer = access.readable(user, employerId);
        if (!access.mayWithdraw(user, employer)) {
            throw new OutOfScopeException();
        }
        return employer;
    }

    private String page(Employer employer, Award award, Model model) {
        model.addAttribute("employer", employer);
        model.addAttribute("award", award);
        model.addAttribute("awardedOn", AccreditationController.DAY.format(award.awardedOn()));
        model.addAttribute("backLink", TaskLists.base(employer.id()));
        return "employer/assessment/withdraw";
    }
}

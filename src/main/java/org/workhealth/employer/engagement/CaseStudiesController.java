package org.workhealth.employer.engagement;

import java.util.List;

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
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * Case studies: the list, writing a draft for an employer, and a case study's page, from which a draft is approved
 * with the employer's consent to publish and an approved one is published. The name of whoever gave consent is
 * personal data: a page showing it writes one view entry.
 */
@Controller
class CaseStudiesController {

    static final String LIST = "/thrive-at-work/case-studies";

    record DraftForm(String employer, String title, String body) {
    }

    record ApproveForm(String consentGivenBy, String consent, String version) {
    }

    record Row(String title, String employer, CaseStudyStatus state, String status, String published, String href) {
    }

    private final CaseStudies caseStudies;
    private final Engagements engagements;
    private final AuditLog audit;

    CaseStudiesController(CaseStudies caseStudies, Engagements engagements, AuditLog audit) {
        this.caseStudies = caseStudies;
        this.engagements = engagements;
        this.audit = audit;
    }

    @InitBinder("form")
    void draftFields(WebDataBinder binder) {
        binder.setAllowedFields("employer", "title", "body");
    }

    @InitBinder("approveForm")
    void approveFields(WebDataBinder binder) {
        binder.setAllowedFields("consentGivenBy", "consent", "version");
    }

    @GetMapping(LIST)
    String list(CurrentUser user, Model model) {
        model.addAttribute("caseStudies", caseStudies.recent(user).stream().map(s -> new Row(s.title(),
                s.employerName(), s.status(), s.status().label(),
                s.publishedOn() == null ? "" : DateAnswer.format(s.publishedOn()), LIST + "/" + s.id())).toList());
        model.addAttribute("mayWrite", !engagements.recordableFor(user).isEmpty());
        return "employer/case-studies";
    }

    @GetMapping(LIST + "/new")
    String newDraft(CurrentUser user, Model model) {
        List<Employer> employers = writable(user);
        model.addAttribute("form", new DraftForm(null, null, null));
        return draftPage(employers, null, model);
    }

    @PostMapping(LIST + "/new")
    String write(CurrentUser user, @ModelAttribute("form") DraftForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        List<Employer> employers = writable(user);
        Employer employer = employers.stream().filter(e -> String.valueOf(e.id()).equals(
                form.employer() == null ? "" : form.employer().strip())).findFirst().orElse(null);
        if (employer == null) {
            result.rejectValue("employer", "required", "Select the employer the case study is about");
        }
        String title = TextAnswer.required(result, "title", form.title(),
                "Enter a title", "Title", CaseStudy.TITLE_MAX);
        String body = TextAnswer.required(result, "body", form.body(),
                "Enter the case study", "Case study", CaseStudy.BODY_MAX);
        if (result.hasErrors()) {
            return draftPage(employers, form.employer(), model);
        }
        long id = caseStudies.write(user, employer.id(), title, body);
        redirect.addFlashAttribute("notice", "Draft case study saved");
        return "redirect:" + LIST + "/" + id;
    }

    @GetMapping(LIST + "/{caseStudyId}")
    String caseStudy(CurrentUser user, @PathVariable long caseStudyId, Model model) {
        CaseStudy study = caseStudies.readable(user, caseStudyId);
        model.addAttribute("approveForm", new ApproveForm(null, null, String.valueOf(study.version())));
        return page(user, study, model);
    }

    @PostMapping(LIST + "/{caseStudyId}/approve")
    String approve(CurrentUser user, @PathVariable long caseStudyId,
            @ModelAttribute("approveForm") ApproveForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CaseStudy study = caseStudies.changeable(user, caseStudyId);
        String name = TextAnswer.required(result, "consentGivenBy", form.consentGivenBy(),
                "Enter the name of the person at the employer who agreed", "Name", CaseStudy.CONSENT_NAME_MAX);
        if (!"yes".equals(form.consent())) {
            result.rejectValue("consent", "required",
                    "Confirm that the employer agreed to the case study being published");
        }
        if (result.hasErrors()) {
            return page(user, study, model);
        }
        try {
            caseStudies.approve(user, caseStudyId, version(form.version()), name);
        } catch (CaseStudies.ChangedException changed) {
            result.rejectValue("consentGivenBy", "changed", changed.getMessage());
            return page(user, caseStudies.readable(user, caseStudyId), model);
        }
        redirect.addFlashAttribute("notice", "Case study approved for publishing");
        return "redirect:" + LIST + "/" + caseStudyId;
    }

    @PostMapping(LIST + "/{caseStudyId}/publish")
    String publish(CurrentUser user, @PathVariable long caseStudyId,
            @ModelAttribute("approveForm") ApproveForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        caseStudies.changeable(user, caseStudyId);
        try {
            caseStudies.publish(user, caseStudyId, version(form.version()));
        } catch (CaseStudies.ChangedException changed) {
            result.rejectValue("version", "changed", changed.getMessage());
            return page(user, caseStudies.readable(user, caseStudyId), model);
        }
        redirect.addFlashAttribute("notice", "Case study published");
        return "redirect:" + LIST + "/" + caseStudyId;
    }

    private String page(CurrentUser user, CaseStudy study, Model model) {
        // The page may name who gave consent: one view entry each time it is shown.
        audit.recordView("employer_case_study", study.id(), study.hubOrganisationId());
        boolean mayChange = engagements.mayRecordFor(user, study.employerId());
        model.addAttribute("study", study);
        model.addAttribute("paragraphs", java.util.Arrays.stream(study.body().split("\\R\\s*\\R"))
                .map(String::strip).filter(p -> !p.isEmpty()).toList());
        model.addAttribute("statusLabel", study.status().label());
        model.addAttribute("consent", study.consentGivenBy() == null ? "Not yet recorded"
                : study.consentGivenBy() + (study.consentRecordedAt() == null ? ""
                        : ", recorded " + DateAnswer.format(study.consentRecordedAt()
                                .atZone(java.time.ZoneId.of("Europe/London")).toLocalDate())));
        model.addAttribute("published", study.publishedOn() == null ? "Not published"
                : DateAnswer.format(study.publishedOn()));
        model.addAttribute("mayApprove", mayChange && study.status() == CaseStudyStatus.DRAFT);
        model.addAttribute("mayPublish", mayChange && study.status() == CaseStudyStatus.APPROVED);
        model.addAttribute("consentItems", Choices.options(List.of("yes"), v -> v,
                v -> "The employer agreed to this case study being published", null, List.of()));
        model.addAttribute("version", study.version());
        model.addAttribute("backLink", LIST);
        return "employer/case-study";
    }

    private List<Employer> writable(CurrentUser user) {
        List<Employer> employers = engagements.recordableFor(user);
        if (employers.isEmpty()) {
            throw new OutOfScopeException();
        }
        return employers;
    }

    private String draftPage(List<Employer> employers, String chosen, Model model) {
        model.addAttribute("employerItems", Choices.select("Select an employer", employers, Employer::id,
                Employer::name, chosen));
        model.addAttribute("action", LIST + "/new");
        model.addAttribute("backLink", LIST);
        return "employer/case-study-new";
    }

    /** The version the form carried; a tampered one is a version no case study has, so it is refused as changed. */
    private static int version(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

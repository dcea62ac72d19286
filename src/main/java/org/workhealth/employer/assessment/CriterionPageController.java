package org.workhealth.employer.assessment;

import java.io.IOException;
import java.util.List;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.audit.AuditLog;
import org.workhealth.employer.Employer;
import org.workhealth.employer.framework.Criterion;
import org.workhealth.employer.framework.Framework;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * One criterion of an employer's framework: the employer's answer and whether it is ready, its evidence (text and
 * files), and the assessor's latest feedback. The employer's own people change it; its advisor, assessors and the
 * programme's managers read it. Files open only for the employer's people, its advisor and assessors.
 */
@Controller
class CriterionPageController {

    record AnswerForm(String answer, String ready) {
    }

    record EvidenceForm(String description, MultipartFile file) {
    }

    private final AccreditationAccess access;
    private final SelfAssessment selfAssessment;
    private final AssessmentRounds assessments;
    private final AccreditationSettings settings;
    private final AuditLog audit;

    CriterionPageController(AccreditationAccess access, SelfAssessment selfAssessment, AssessmentRounds assessments,
            AccreditationSettings settings, AuditLog audit) {
        this.access = access;
        this.selfAssessment = selfAssessment;
        this.assessments = assessments;
        this.settings = settings;
        this.audit = audit;
    }

    @InitBinder("answerForm")
    void allowAnswer(WebDataBinder binder) {
        binder.setAllowedFields("answer", "ready");
    }

    @InitBinder("evidenceForm")
    void allowEvidence(WebDataBinder binder) {
        binder.setAllowedFields("description", "file");
    }

    @GetMapping("/thrive-at-work/employers/{employerId}/accreditation/criteria/{criterionCode}")
    String show(CurrentUser user, @PathVariable long employerId, @PathVariable String criterionCode, Model model) {
        Employer employer = access.readable(user, employerId);
        Progress progress = selfAssessment.progress(employerId, criterionCode);
        model.addAttribute("answerForm", new AnswerForm(progress.answer(),
                progress.status() == CriterionStatus.READY ? "yes" : progress.answer() == null ? null : "no"));
        model.addAttribute("evidenceForm", new EvidenceForm(null, null));
        return page(user, employer, criterionCode, model);
    }

    @PostMapping("/thrive-at-work/employers/{employerId}/accreditation/criteria/{criterionCode}")
    String answer(CurrentUser user, @PathVariable long employerId, @PathVariable String criterionCode,
            @ModelAttribute("answerForm") AnswerForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Employer employer = access.own(user, employerId);
        criterion(employer, criterionCode);
        requireChangeable(employerId, criterionCode);
        TextAnswer.required(result, "answer", form.answer(),
                "Enter how your organisation meets this criterion", "Your answer", Progress.ANSWER_MAX);
        if (!"yes".equals(form.ready()) && !"no".equals(form.ready())) {
            result.rejectValue("ready", "required", "Select whether this criterion is ready for assessment");
        }
        if (result.hasErrors()) {
            model.addAttribute("evidenceForm", new EvidenceForm(null, null));
            return page(user, employer, criterionCode, model);
        }
        selfAssessment.answer(employer, criterionCode, form.answer().strip(), "yes".equals(form.ready()), user.id());
        redirect.addFlashAttribute("notice", "yes".equals(form.ready()) ? "Criterion " + criterionCode
                + " is ready for assessment" : "Your answer to " + criterionCode + " has been saved");
        return "redirect:" + back(selfAssessment.framework(employer), employerId, criterionCode);
    }

    @PostMapping("/thrive-at-work/employers/{employerId}/accreditation/criteria/{criterionCode}/evidence")
    String addEvidence(CurrentUser user, @PathVariable long employerId, @PathVariable String criterionCode,
            @ModelAttribute("evidenceForm") EvidenceForm form, BindingResult result, Model model,
            RedirectAttributes redirect) throws IOException {
        Employer employer = access.own(user, employerId);
        criterion(employer, criterionCode);
        requireChangeable(employerId, criterionCode);
        TextAnswer.required(result, "description", form.description(),
                "Enter what this evidence shows", "Description", Evidence.DESCRIPTION_MAX);
        MultipartFile file = form.file();
        boolean hasFile = file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
        EvidenceFileType type = null;
        byte[] content = null;
        String fileName = null;
        if (hasFile) {
            fileName = cleanName(file.getOriginalFilename());
            if (file.isEmpty()) {
                result.rejectValue("file", "empty", "The selected file is empty");
            } else if (file.getSize() > settings.evidenceMaxSize().toBytes()) {
                result.rejectValue("file", "size", "The selected file must be smaller than "
                        + settings.evidenceMaxSize().toMegabytes() + " MB");
            } else if (fileName.length() > Evidence.FILE_NAME_MAX) {
                result.rejectValue("file", "name", "The file's name must be " + Evidence.FILE_NAME_MAX
                        + " characters or fewer");
            } else {
                content = file.getBytes();
                type = EvidenceFileType.byContent(content).orElse(null);
                if (type == null || EvidenceFileType.byName(fileName).orElse(null) != type) {
                    result.rejectValue("file", "type", "The selected file must be " + EvidenceFileType.ALLOWED);
                }
            }
        }
        if (result.hasErrors()) {
            Progress progress = selfAssessment.progress(employerId, criterionCode);
            model.addAttribute("answerForm", new AnswerForm(progress.answer(),
                    progress.status() == CriterionStatus.READY ? "yes" : null));
            return page(user, employer, criterionCode, model);
        }
        selfAssessment.addEvidence(employer, criterionCode, form.description().strip(), hasFile ? fileName : null,
                type, content, user.id());
        redirect.addFlashAttribute("notice", hasFile ? "Evidence and its file added" : "Evidence added");
        return "redirect:" + TaskLists.base(employerId) + "/criteria/" + criterionCode;
    }

    /** An evidence file, as a download that no browser renders in place. */
    @GetMapping("/thrive-at-work/employers/{employerId}/evidence/{evidenceId}")
    ResponseEntity<byte[]> download(CurrentUser user, @PathVariable long employerId, @PathVariable long evidenceId) {
        Employer employer = access.evidenceReadable(user, employerId);
        Evidence evidence = selfAssessment.evidence(employerId, evidenceId).filter(Evidence::hasFile)
                .orElseThrow(OutOfScopeException::new);
        byte[] content = selfAssessment.content(evidenceId);
        audit.recordView("employer-evidence", evidenceId, employer.hubOrganisationId());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(evidence.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(evidence.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content);
    }

    private String page(CurrentUser user, Employer employer, String code, Model model) {
        Framework framework = selfAssessment.framework(employer);
        Criterion criterion = criterion(employer, code);
        Progress progress = selfAssessment.progress(employer.id(), code);
        boolean own = access.isOwn(user, employer);
        boolean evidenceFiles = own || access.advises(user, employer) || access.mayAssess(user, employer);
        List<Decision> feedback = latestFeedback(employer.id(), framework, criterion);
        model.addAttribute("employer", employer);
        model.addAttribute("framework", framework);
        model.addAttribute("criterion", criterion);
        model.addAttribute("levelName", framework.levelName(criterion.levelCode()));
        model.addAttribute("areaName", framework.areaName(criterion.areaCode()));
        model.addAttribute("progress", progress);
        model.addAttribute("evidence", selfAssessment.evidence(employer.id(), code));
        model.addAttribute("evidenceFiles", evidenceFiles);
        model.addAttribute("feedback", feedback.isEmpty() ? null : feedback.get(0));
        model.addAttribute("own", own);
        model.addAttribute("changeable", own && !locked(employer.id(), code));
        model.addAttribute("maxSize", settings.evidenceMaxSize().toMegabytes() + " MB");
        model.addAttribute("action", TaskLists.base(employer.id()) + "/criteria/" + code);
        model.addAttribute("backLink", back(framework, employer.id(), code));
        audit.recordView("employer", employer.id(), employer.hubOrganisationId());
        return "employer/assessment/criterion";
    }

    /** The assessor's feedback on this criterion in the latest assessed round, if it needs more. */
    private List<Decision> latestFeedback(long employerId, Framework framework, Criterion criterion) {
        return assessments.rounds(employerId).stream().filter(s -> !s.waiting())
                .flatMap(s -> assessments.decisions(s.id()).stream())
                .filter(d -> d.criterionCode().equals(criterion.code()) && d.decision() != null)
                .limit(1).filter(d -> !d.met()).toList();
    }

    /** A criterion in a round waiting for the assessor, or already met, is not changed. */
    private boolean locked(long employerId, String code) {
        CriterionStatus status = selfAssessment.progress(employerId, code).status();
        if (status == CriterionStatus.MET) {
            return true;
        }
        return assessments.rounds(employerId).stream().filter(Submission::waiting)
                .anyMatch(s -> assessments.decisions(s.id()).stream().anyMatch(d -> d.criterionCode().equals(code)));
    }

    private void requireChangeable(long employerId, String code) {
        if (locked(employerId, code)) {
            throw new OutOfScopeException();
        }
    }

    private Criterion criterion(Employer employer, String code) {
        return selfAssessment.framework(employer).criterion(code).orElseThrow(OutOfScopeException::new);
    }

    private static String back(Framework framework, long employerId, String code) {
        Criterion c = framework.criterion(code).orElseThrow();
        return TaskLists.base(employerId) + "/levels/" + c.levelCode();
    }

    /** The file's own name, without any folder a browser sent, and with no control characters. */
    static String cleanName(String original) {
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.replaceAll("\\p{Cntrl}", "").strip();
    }
}

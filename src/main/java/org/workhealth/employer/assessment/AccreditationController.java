package org.workhealth.employer.assessment;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.audit.AuditLog;
import org.workhealth.employer.Employer;
import org.workhealth.employer.Employers;
import org.workhealth.employer.framework.Criterion;
import org.workhealth.employer.framework.Framework;
import org.workhealth.employer.framework.FrameworkVersion;
import org.workhealth.employer.framework.Frameworks;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * An employer's accreditation: its award, its levels and modules as task lists, the criteria of each, sending a
 * level or module for assessment, moving to the newer framework version and being listed on the public register.
 */
@Controller
class AccreditationController {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final AccreditationAccess access;
    private final SelfAssessment selfAssessment;
    private final AssessmentRounds assessments;
    private final Awards awards;
    private final TaskLists taskLists;
    private final Frameworks frameworks;
    private final Employers employers;
    private final AuditLog audit;

    AccreditationController(AccreditationAccess access, SelfAssessment selfAssessment, AssessmentRounds assessments,
            Awards awards, TaskLists taskLists, Frameworks frameworks, Employers employers, AuditLog audit) {
        this.access = access;
        this.selfAssessment = selfAssessment;
        this.assessments = assessments;
        this.awards = awards;
        this.taskLists = taskLists;
        this.frameworks = frameworks;
        this.employers = employers;
        this.audit = audit;
    }

    @GetMapping("/thrive-at-work/employers/{employerId}/accreditation")
    String overview(CurrentUser user, @PathVariable long employerId, Model model) {
        Employer employer = access.readable(user, employerId);
        Framework framework = selfAssessment.framework(employer);
        Optional<CurrentAward> current = awards.current(employerId);
        Optional<FrameworkVersion> newer = frameworks.current(employer.hubOrganisationId())
                .filter(v -> v.id() != framework.version().id());
        model.addAttribute("employer", employer);
        model.addAttribute("framework", framework);
        model.addAttribute("award", current.orElse(null));
        model.addAttribute("reaccreditationDue", current.map(a -> a.reaccreditationDue(awards.today())).orElse(false));
        model.addAttribute("awards", awards.of(employerId));
        model.addAttribute("today", awards.today());
        model.addAttribute("levels", taskLists.levels(employer, framework));
        model.addAttribute("modules", framework.version().modular() ? taskLists.modules(employer, framework)
                : List.of());
        model.addAttribute("newer", newer.filter(v -> access.mayMove(user, employer)).orElse(null));
        model.addAttribute("own", access.isOwn(user, employer));
        model.addAttribute("mayWithdraw", access.mayWithdraw(user, employer));
        model.addAttribute("day", DAY);
        audit.recordView("employer", employerId, employer.hubOrganisationId());
        return "employer/assessment/overview";
    }

    @GetMapping("/thrive-at-work/employers/{employerId}/accreditation/levels/{levelCode}")
    String level(CurrentUser user, @PathVariable long employerId, @PathVariable String levelCode, Model model) {
        return group(user, employerId, ScopeKind.LEVEL, levelCode, model);
    }

    @GetMapping("/thrive-at-work/employers/{employerId}/accreditation/modules/{moduleCode}")
    String module(CurrentUser user, @PathVariable long employerId, @PathVariable String moduleCode, Model model) {
        return group(user, employerId, ScopeKind.MODULE, moduleCode, model);
    }

    @PostMapping("/thrive-at-work/employers/{employerId}/accreditation/levels/{levelCode}/submit")
    String submitLevel(CurrentUser user, @PathVariable long employerId, @PathVariable String levelCode,
            RedirectAttributes redirect) {
        return submit(user, employerId, ScopeKind.LEVEL, levelCode, redirect);
    }

    @PostMapping("/thrive-at-work/employers/{employerId}/accreditation/modules/{moduleCode}/submit")
    String submitModule(CurrentUser user, @PathVariable long employerId, @PathVariable String moduleCode,
            RedirectAttributes redirect) {
        return submit(user, employerId, ScopeKind.MODULE, moduleCode, redirect);
    }

    /** Moves the employer to its hub's current version; progress follows each criterion by its code. */
    @PostMapping("/thrive-at-work/employers/{employerId}/accreditation/move-version")
    String move(CurrentUser user, @PathVariable long employerId, RedirectAttributes redirect) {
        Employer employer = access.readable(user, employerId);
        if (!access.mayMove(user, employer)) {
            throw new OutOfScopeException();
        }
        FrameworkVersion current = frameworks.current(employer.hubOrganisationId())
                .orElseThrow(OutOfScopeException::new);
        employers.useFrameworkVersion(employerId, current.id());
        audit.recordChange("UPDATE", "employer", employerId, employer.hubOrganisationId(),
                "Moved to framework version " + current.name());
        redirect.addFlashAttribute("notice", "Moved to " + current.name()
                + ". Your answers and evidence have been kept for every criterion with the same code.");
        return "redirect:" + TaskLists.base(employerId);
    }

    /** The employer agrees (or no longer agrees) to be named on the public register. */
    @PostMapping("/thrive-at-work/employers/{employerId}/accreditation/register")
    String register(CurrentUser user, @PathVariable long employerId,
            @RequestParam(name = "listed", required = false) String listed, RedirectAttributes redirect) {
        Employer employer = access.own(user, employerId);
        boolean list = "yes".equals(listed);
        employers.listOnRegister(employerId, list);
        audit.recordChange("UPDATE", "employer", employerId, employer.hubOrganisationId(),
                list ? "Listed on the register" : "Not listed on the register");
        redirect.addFlashAttribute("notice", list ? "Your award will be shown on the public register"
                : "Your organisation will not be shown on the public register");
        return "redirect:" + TaskLists.base(employerId);
    }

    private String group(CurrentUser user, long employerId, ScopeKind kind, String code, Model model) {
        Employer employer = access.readable(user, employerId);
        Framework framework = selfAssessment.framework(employer);
        List<Criterion> criteria = AssessmentRounds.criteria(framework, kind, code);
        if (criteria.isEmpty()) {
            throw new OutOfScopeException();
        }
        String name = kind == ScopeKind.LEVEL ? framework.levelName(code)
                : framework.module(code).map(m -> m.name()).orElse(code);
        List<TaskLists.Task> tasks = taskLists.tasks(employer, framework, criteria);
        List<Submission> rounds = assessments.rounds(employerId, kind, code);
        boolean open = rounds.isEmpty() || rounds.get(0).status() == SubmissionStatus.MORE_NEEDED;
        boolean ready = tasks.stream().allMatch(t -> t.status() == CriterionStatus.READY
                || t.status() == CriterionStatus.MET);
        model.addAttribute("employer", employer);
        model.addAttribute("framework", framework);
        model.addAttribute("kind", kind);
        model.addAttribute("code", code);
        model.addAttribute("name", name);
        model.addAttribute("tasks", tasks);
        model.addAttribute("rounds", rounds);
        model.addAttribute("own", access.isOwn(user, employer));
        model.addAttribute("mayAssess", access.mayAssess(user, employer));
        model.addAttribute("maySubmit", access.isOwn(user, employer) && open && ready);
        model.addAttribute("waitingToSend", access.isOwn(user, employer) && open && !ready);
        model.addAttribute("submitAction", TaskLists.base(employerId) + (kind == ScopeKind.LEVEL ? "/levels/"
                : "/modules/") + code + "/submit");
        model.addAttribute("roundsBase", TaskLists.base(employerId) + "/rounds/");
        model.addAttribute("backLink", TaskLists.base(employerId));
        audit.recordView("employer", employerId, employer.hubOrganisationId());
        return "employer/assessment/task-list";
    }

    private String submit(CurrentUser user, long employerId, ScopeKind kind, String code, RedirectAttributes redirect) {
        Employer employer = access.own(user, employerId);
        String back = TaskLists.base(employerId) + (kind == ScopeKind.LEVEL ? "/levels/" : "/modules/") + code;
        try {
            Submission submission = assessments.submit(employer, kind, code, user.id());
            redirect.addFlashAttribute("notice", "Sent for assessment (round " + submission.round() + ")");
        } catch (AssessmentRounds.NotReady e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + back;
    }
}

package org.workhealth.employer.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.workhealth.employer.Employer;
import org.workhealth.employer.framework.Criterion;
import org.workhealth.employer.framework.Framework;
import org.workhealth.employer.framework.FrameworkLevel;
import org.workhealth.employer.framework.FrameworkModule;

/** The employer's work as GOV.UK task lists: its levels and modules, and the criteria of each. */
@Component
class TaskLists {

    /** A level or module on the overview, with where the employer has got to. */
    record Group(ScopeKind kind, String code, String name, String hint, ScopeStatus status, String href) {
    }

    /** A criterion on a task list. */
    record Task(String code, String text, String area, CriterionStatus status, int evidence, String href) {
    }

    private final SelfAssessment selfAssessment;
    private final AssessmentRounds assessments;
    private final Awards awards;

    TaskLists(SelfAssessment selfAssessment, AssessmentRounds assessments, Awards awards) {
        this.selfAssessment = selfAssessment;
        this.assessments = assessments;
        this.awards = awards;
    }

    static String base(long employerId) {
        return "/thrive-at-work/employers/" + employerId + "/accreditation";
    }

    List<Group> levels(Employer employer, Framework framework) {
        Map<String, Progress> progress = selfAssessment.progress(employer.id());
        List<Submission> rounds = assessments.rounds(employer.id());
        List<Award> held = awards.of(employer.id());
        LocalDate today = awards.today();
        List<Group> groups = new ArrayList<>();
        for (FrameworkLevel level : framework.levelsWithCriteria()) {
            List<Criterion> criteria = framework.ofLevel(level.code());
            boolean awarded = held.stream().anyMatch(a -> a.levelCode().equals(level.code()) && !a.withdrawn()
                    && !a.lapsed(today));
            ScopeStatus status = awarded ? ScopeStatus.AWARDED
                    : status(criteria, progress, latest(rounds, ScopeKind.LEVEL, level.code()));
            groups.add(new Group(ScopeKind.LEVEL, level.code(), level.name(), criteria.size() + " criteria",
                    status, base(employer.id()) + "/levels/" + level.code()));
        }
        return groups;
    }

    List<Group> modules(Employer employer, Framework framework) {
        Map<String, Progress> progress = selfAssessment.progress(employer.id());
        List<Submission> rounds = assessments.rounds(employer.id());
        Map<String, LocalDate> completed = assessments.completedModules(employer.id());
        List<Group> groups = new ArrayList<>();
        for (FrameworkModule module : framework.modules()) {
            List<Criterion> criteria = framework.ofModule(module.code());
            ScopeStatus status = completed.containsKey(module.code()) ? ScopeStatus.COMPLETED
                    : status(criteria, progress, latest(rounds, ScopeKind.MODULE, module.code()));
            groups.add(new Group(ScopeKind.MODULE, module.code(), module.name(), module.description(), status,
                    base(employer.id()) + "/modules/" + module.code()));
        }
        return groups;
    }

    List<Task> tasks(Employer employer, Framework framework, List<Criterion> criteria) {
        Map<String, Progress> progress = selfAssessment.progress(employer.id());
        Map<String, Integer> evidence = selfAssessment.evidenceCounts(employer.id());
        return criteria.stream().map(c -> new Task(c.code(), c.text(), framework.areaName(c.areaCode()),
                progress.getOrDefault(c.code(), Progress.notStarted(c.code())).status(),
                evidence.getOrDefault(c.code(), 0), base(employer.id()) + "/criteria/" + c.code())).toList();
    }

    private static Submission latest(List<Submission> rounds, ScopeKind kind, String code) {
        return rounds.stream().filter(s -> s.scopeKind() == kind && s.scopeCode().equals(code)).findFirst()
                .orElse(null);
    }

    private static ScopeStatus status(List<Criterion> criteria, Map<String, Progress> progress, Submission latest) {
        if (latest != null && latest.waiting()) {
            return ScopeStatus.WAITING;
        }
        if (latest != null && latest.status() == SubmissionStatus.MET) {
            return ScopeStatus.ALL_MET;
        }
        List<CriterionStatus> statuses = criteria.stream()
                .map(c -> progress.getOrDefault(c.code(), Progress.notStarted(c.code())).status()).toList();
        if (statuses.stream().allMatch(s -> s == CriterionStatus.READY || s == CriterionStatus.MET)) {
            return ScopeStatus.READY_TO_SEND;
        }
        if (statuses.contains(CriterionStatus.MORE_NEEDED)) {
            return ScopeStatus.MORE_NEEDED;
        }
        if (statuses.stream().allMatch(s -> s == CriterionStatus.NOT_STARTED)) {
            return ScopeStatus.NOT_STARTED;
        }
        return ScopeStatus.IN_PROGRESS;
    }
}

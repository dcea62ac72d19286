package org.workhealth.employer.assessment;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workhealth.employer.Employer;
import org.workhealth.employer.internal.EmployerAccess;
import org.workhealth.employer.Employers;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/** The assessor's queue: levels and modules sent for assessment by the employers in their scope, oldest first. */
@Controller
class AssessmentQueueController {

    record Row(String employer, String what, int round, String submitted, String href) {
    }

    private final AssessmentRounds assessments;
    private final EmployerAccess access;
    private final Employers employers;

    AssessmentQueueController(AssessmentRounds assessments, EmployerAccess access, Employers employers) {
        this.assessments = assessments;
        this.access = access;
        this.employers = employers;
    }

    @GetMapping("/thrive-at-work/assessments")
    String queue(CurrentUser user, Model model) {
        if (!user.has(Permission.ASSESS_EMPLOYERS)) {
            throw new OutOfScopeException();
        }
        List<Submission> waiting = assessments.waiting(access.scope(user));
        Map<Long, Employer> byId = employers.findAll(waiting.stream().map(Submission::employerId).distinct().toList())
                .stream().collect(Collectors.toMap(Employer::id, Function.identity()));
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.UK).withZone(java.time.ZoneId.of("Europe/London"));
        model.addAttribute("rows", waiting.stream().filter(s -> byId.containsKey(s.employerId()))
                .map(s -> new Row(byId.get(s.employerId()).name(),
                        (s.scopeKind() == ScopeKind.LEVEL ? "Level: " : "Module: ") + s.scopeCode(), s.round(),
                        when.format(s.submittedAt()), TaskLists.base(s.employerId()) + "/rounds/" + s.id()))
                .toList());
        return "employer/assessment/queue";
    }
}

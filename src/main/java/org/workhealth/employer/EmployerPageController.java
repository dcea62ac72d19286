package org.workhealth.employer;

import org.workhealth.employer.internal.EmployerAccess;
import org.workhealth.employer.internal.EmployerStatus;
import org.workhealth.employer.internal.MemberKind;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;

/**
 * One employer's page for the staff who may see it: its details, where it came from, its sites, its main contact
 * (personal data: the view is audited), its people and its advisor, with what the viewer may do next.
 */
@Controller
class EmployerPageController {

    private final EmployerAccess access;
    private final EmployerDirectory directory;
    private final People people;
    private final AuditLog audit;

    EmployerPageController(EmployerAccess access, EmployerDirectory directory, People people, AuditLog audit) {
        this.access = access;
        this.directory = directory;
        this.people = people;
        this.audit = audit;
    }

    @GetMapping("/employers/{employerId}")
    String show(CurrentUser user, @PathVariable long employerId, Model model) {
        EmployerListController.requireStaff(user);
        Employer employer = access.readable(user, employerId);
        EmployerDirectory.Details details = directory.details(employer).orElseThrow(OutOfScopeException::new);
        audit.recordView("employer", employerId, employer.hubOrganisationId());
        boolean advises = access.advises(user, employerId);
        boolean manages = access.manages(user, employerId);
        model.addAttribute("details", details);
        model.addAttribute("employer", employer);
        model.addAttribute("advisorName", advisorName(employer));
        model.addAttribute("members", members(details));
        model.addAttribute("mayDecide", employer.pending() && (advises || manages));
        model.addAttribute("mayAssign", manages && employer.status() != EmployerStatus.DECLINED);
        model.addAttribute("mayAddPeople", employer.confirmed() && (advises || manages));
        model.addAttribute("backLink", "/employers");
        return "employer/employer";
    }

    private String advisorName(Employer employer) {
        if (employer.advisorId() == null) {
            return null;
        }
        return people.findAll(List.of(employer.advisorId())).stream().map(Person::fullName).findFirst().orElse(null);
    }

    /** The employer's people with their names and email addresses, leads first. */
    List<Map<String, String>> members(EmployerDirectory.Details details) {
        return members(people, details.members());
    }

    static List<Map<String, String>> members(People people, List<EmployerDirectory.Member> members) {
        Map<Long, MemberKind> kinds = members.stream()
                .collect(Collectors.toMap(EmployerDirectory.Member::personId, EmployerDirectory.Member::kind));
        return people.findAll(kinds.keySet()).stream()
                .sorted(java.util.Comparator.comparing((Person p) -> kinds.get(p.id())).thenComparing(Person::fullName))
                .map(p -> Map.of("name", p.fullName(), "email", p.email(), "kind", kinds.get(p.id()).label(),
                        "active", p.active() ? "Active" : "Deactivated"))
                .toList();
    }
}

package org.workhealth.employer;

import org.workhealth.employer.internal.EmployerAccess;
import org.workhealth.employer.internal.EmployerStatus;
import org.workhealth.employer.internal.SignUpSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.Paging;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Permission;
import org.workhealth.organisation.Person;

/**
 * The employers an advisor, assessor, manager or commissioner may see: the list with its filters, the queue of
 * sign-ups and diagnostic referrals waiting for confirmation, and the advisors' caseloads. These pages name
 * employers and staff, not the employers' contacts, so they write nothing to the audit log.
 */
@Controller
class EmployerListController {

    private final EmployerAccess access;
    private final EmployerDirectory directory;
    private final Advisors advisors;
    private final People people;

    EmployerListController(EmployerAccess access, EmployerDirectory directory, Advisors advisors, People people) {
        this.access = access;
        this.directory = directory;
        this.advisors = advisors;
        this.people = people;
    }

    @GetMapping("/employers")
    String list(CurrentUser user, @RequestParam(required = false) String status,
            @RequestParam(required = false) String advisor, @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "1") String page, Model model) {
        requireStaff(user);
        EmployerStatus chosenStatus = Choices.chosen(EmployerStatus.class, status);
        SignUpSource chosenSource = Choices.chosen(SignUpSource.class, source);
        Long chosenAdvisor = parseId(advisor);
        EmployerDirectory.Page result = directory.list(access.scope(user),
                new EmployerDirectory.Filters(chosenStatus, chosenAdvisor, chosenSource), parsePage(page));
        List<Person> advisorChoices = advisors.visibleTo(user);
        model.addAttribute("employers", result.employers());
        model.addAttribute("total", result.total());
        model.addAttribute("advisorNames", names(result.employers().stream().map(Employer::advisorId).toList()));
        model.addAttribute("statusItems", Choices.select("Any status", List.of(EmployerStatus.values()),
                EmployerStatus::name, EmployerStatus::label, chosenStatus));
        model.addAttribute("sourceItems", Choices.select("Any source", List.of(SignUpSource.values()),
                SignUpSource::name, SignUpSource::label, chosenSource));
        model.addAttribute("advisorItems", advisorItems(advisorChoices, chosenAdvisor));
        model.addAttribute("mayAdvise", user.has(Permission.ADVISE_EMPLOYERS));
        model.addAttribute("mayRecordDiagnostic", DiagnosticReferralController.mayRecord(user));
        model.addAttribute("pagination", pagination(result, chosenStatus, chosenAdvisor, chosenSource));
        return "employer/list";
    }

    @GetMapping("/employers/queue")
    String queue(CurrentUser user, Model model) {
        requireStaff(user);
        List<Employer> waiting = directory.queue(access.scope(user));
        model.addAttribute("employers", waiting);
        model.addAttribute("backLink", "/employers");
        return "employer/queue";
    }

    @GetMapping("/employers/caseloads")
    String caseloads(CurrentUser user, Model model) {
        if (user == null || !user.has(Permission.MANAGE_EMPLOYER_PROGRAMME)) {
            throw new OutOfScopeException();
        }
        Map<Long, int[]> counts = directory.caseloads(access.scope(user));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Person advisor : advisors.assignableBy(user)) {
            int[] pair = counts.getOrDefault(advisor.id(), new int[2]);
            rows.add(Map.of("id", advisor.id(), "name", advisor.fullName(), "confirmed", pair[0], "pending", pair[1]));
        }
        int[] none = counts.getOrDefault(0L, new int[2]);
        model.addAttribute("rows", rows);
        model.addAttribute("unassignedConfirmed", none[0]);
        model.addAttribute("unassignedPending", none[1]);
        model.addAttribute("backLink", "/employers");
        return "employer/caseloads";
    }

    static void requireStaff(CurrentUser user) {
        if (user == null || !(user.has(Permission.ADVISE_EMPLOYERS) || user.has(Permission.ASSESS_EMPLOYERS)
                || user.has(Permission.MANAGE_EMPLOYER_PROGRAMME))) {
            throw new OutOfScopeException();
        }
    }

    private Map<Long, String> names(List<Long> ids) {
        Set<Long> wanted = new HashSet<>();
        ids.stream().filter(java.util.Objects::nonNull).forEach(wanted::add);
        Map<Long, String> names = new LinkedHashMap<>();
        people.findAll(wanted).forEach(p -> names.put(p.id(), p.fullName()));
        return names;
    }

    private static List<Map<String, Object>> advisorItems(List<Person> advisors, Long chosen) {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(Map.of("value", "", "text", "Any advisor", "selected", chosen == null));
        items.add(Map.of("value", "0", "text", "No advisor yet", "selected", Long.valueOf(0).equals(chosen)));
        for (Person advisor : advisors) {
            items.add(Map.of("value", String.valueOf(advisor.id()), "text", advisor.fullName(), "selected",
                    Long.valueOf(advisor.id()).equals(chosen)));
        }
        return items;
    }

    private static Map<String, Object> pagination(EmployerDirectory.Page page, EmployerStatus status, Long advisor,
            SignUpSource source) {
        return Paging.pagination(page.number(), page.pages(), n -> href(n, status, advisor, source),
                "Pages of employers");
    }

    private static String href(int page, EmployerStatus status, Long advisor, SignUpSource source) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/employers");
        if (status != null) {
            uri.queryParam("status", status.name());
        }
        if (advisor != null) {
            uri.queryParam("advisor", advisor);
        }
        if (source != null) {
            uri.queryParam("source", source.name());
        }
        uri.queryParam("page", page);
        return uri.encode().build().toUriString();
    }

    private static Long parseId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            return id < 0 ? null : id;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int parsePage(String value) {
        try {
            return Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

package org.workhealth.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.FormErrors;
import org.workhealth.govuk.TypedText;
import org.workhealth.milestone.PeriodLockedException;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The personalised action plan: the plan page (with the consent question), changing it, agreeing
 * it, earlier versions, the printable view and sharing with the employer.
 */
@Controller
class ActionPlanController {

    /** One action as the page shows it. */
    record ActionView(String description, String owner, String dueOn, String status, String statusTag) {
    }

    /** One row of the edit form, exactly as typed. */
    record ActionRow(String description, String owner, String dueDay, String dueMonth, String dueYear,
            String status) {
    }

    record VersionRow(int version, String status, String agreedOn, String href) {
    }

    record ShareRow(String sharedAt, String sharedBy, String contact, String email, String version) {
    }

    /** agreedOn is never bound: it names the date input for error messages. */
    record AgreeForm(LocalDate agreedOn, String agreedOnDay, String agreedOnMonth, String agreedOnYear,
            String agreedHow) {
    }

    record ShareForm(String employerContact, String employerEmail) {
    }

    private static final int BLANK_ROWS = 3;
    private static final int MAX_WEEKS = 52;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK);

    private final CaseAccess caseAccess;
    private final ActionPlans plans;
    private final CaseSubjects subjects;

    ActionPlanController(CaseAccess caseAccess, ActionPlans plans, CaseSubjects subjects) {
        this.caseAccess = caseAccess;
        this.plans = plans;
        this.subjects = subjects;
    }

    @InitBinder("agree")
    void agreeFields(WebDataBinder binder) {
        binder.setAllowedFields("agreedOnDay", "agreedOnMonth", "agreedOnYear", "agreedHow");
    }

    @InitBinder("share")
    void shareFields(WebDataBinder binder) {
        binder.setAllowedFields("employerContact", "employerEmail");
    }

    // --- the plan page and its consent question ---

    @GetMapping("/cases/{id}/action-plan")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-action-plan");
        ActionPlans.ActionPlan plan = plans.latest(id).orElse(null);
        Boolean consent = plan == null ? null : plan.consentToShare();
        LocalDate on = plan == null ? null : plan.consentRecordedOn();
        return planPage(supportCase, plan, consent == null ? null : consent.toString(),
                on == null ? null : new String[] {String.valueOf(on.getDayOfMonth()),
                    String.valueOf(on.getMonthValue()), String.valueOf(on.getYear())}, model);
    }

    @PostMapping("/cases/{id}/action-plan/consent")
    String consent(CurrentUser user, @PathVariable long id, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        ActionPlans.ActionPlan plan = plans.latest(id).orElseThrow(OutOfScopeException::new);
        String answer = request.getParameter("consent");
        String[] date = {request.getParameter("consentOnDay"), request.getParameter("consentOnMonth"),
            request.getParameter("consentOnYear")};
        List<String[]> problems = new ArrayList<>();
        if (!"true".equals(answer) && !"false".equals(answer)) {
            problems.add(new String[] {"consent", "Select yes if they consent to sharing their plan with their employer",
                "consent"});
        }
        DateAnswer on = DateAnswer.parse("Date consent was recorded", date[0], date[1], date[2]);
        if (!on.valid()) {
            problems.add(new String[] {"consentOn", on.error(), "consentOn-day"});
        } else if (on.date().isAfter(plans.today())) {
            problems.add(new String[] {"consentOn", "Date consent was recorded must be today or in the past",
                "consentOn-day"});
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", FormErrors.ofProblems(problems));
            caseAccess.view(user, id, "case-action-plan");
            return planPage(supportCase, plan, answer, date, model);
        }
        plans.recordConsent(supportCase, Boolean.parseBoolean(answer), on.date());
        redirect.addFlashAttribute("notice", "Consent to share recorded");
        return "redirect:/cases/" + id + "/action-plan";
    }

    private String planPage(SupportCase supportCase, ActionPlans.ActionPlan plan, String consent, String[] consentOn,
            Model model) {
        describe(supportCase, plan, model);
        List<ActionPlans.ActionPlan> versions = plan == null ? List.of() : plans.versions(supportCase.id());
        model.addAttribute("versions", versions.stream().map(v -> new VersionRow(v.version(),
                v.agreed() ? "Agreed" : "Draft", v.agreed() ? DateAnswer.format(v.agreedOn()) : "",
                "/cases/" + supportCase.id() + "/action-plan/versions/" + v.version())).toList());
        model.addAttribute("consentItems", Choices.options(List.of("true", "false"), s -> s,
                s -> "true".equals(s) ? "Yes" : "No", null, consent == null ? List.of() : List.of(consent)));
        String[] on = consentOn == null ? new String[3] : consentOn;
        model.addAttribute("consentOnDay", on[0]);
        model.addAttribute("consentOnMonth", on[1]);
        model.addAttribute("consentOnYear", on[2]);
        model.addAttribute("consentText", plan == null || plan.consentToShare() == null ? "Not asked yet"
                : (plan.consentToShare() ? "Yes" : "No") + ", recorded " + DateAnswer.format(plan.consentRecordedOn()));
        model.addAttribute("nextReview", plans.nextReviewDue(supportCase.id()).map(DateAnswer::format).orElse(null));
        model.addAttribute("shares", shareRows(supportCase.id()));
        model.addAttribute("backLink", "/cases/" + supportCase.id());
        return "casework/action-plan";
    }

    // --- earlier versions and the printable view ---

    @GetMapping("/cases/{id}/action-plan/versions/{version}")
    String version(CurrentUser user, @PathVariable long id, @PathVariable int version, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-action-plan");
        ActionPlans.ActionPlan plan = plans.version(id, version).orElseThrow(OutOfScopeException::new);
        describe(supportCase, plan, model);
        model.addAttribute("backLink", "/cases/" + id + "/action-plan");
        return "casework/action-plan-version";
    }

    /** What the person takes away: the plan they agreed, or the draft when nothing is agreed yet. */
    @GetMapping("/cases/{id}/action-plan/print")
    String print(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-action-plan");
        ActionPlans.ActionPlan plan = plans.latestAgreed(id).or(() -> plans.latest(id))
                .orElseThrow(OutOfScopeException::new);
        describe(supportCase, plan, model);
        model.addAttribute("nextReview", plans.nextReviewDue(id).map(DateAnswer::format).orElse(null));
        model.addAttribute("backLink", "/cases/" + id + "/action-plan");
        return "casework/action-plan-print";
    }

    // --- changing the plan ---

    @GetMapping("/cases/{id}/action-plan/edit")
    String edit(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-action-plan");
        ActionPlans.ActionPlan plan = plans.latest(id).orElse(null);
        List<ActionRow> rows = new ArrayList<>();
        if (plan != null) {
            plan.actions().forEach(a -> rows.add(new ActionRow(a.description(), a.owner().name(),
                    String.valueOf(a.dueOn().getDayOfMonth()), String.valueOf(a.dueOn().getMonthValue()),
                    String.valueOf(a.dueOn().getYear()), a.status().name())));
        }
        return editPage(supportCase, plan, plan == null ? "" : String.join("\n", plan.goals()),
                String.valueOf(plan == null ? ActionPlans.DEFAULT_REVIEW_WEEKS : plan.reviewIntervalWeeks()), rows,
                model);
    }

    /**
     * Actions come as parallel lists of row fields (every row sends each field, selects included), read
     * straight from the request so that a single row with a comma in it is never split.
     */
    @PostMapping("/cases/{id}/action-plan/edit")
    String save(CurrentUser user, @PathVariable long id, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        // Read outside form binding, so stripped of control characters here as binding does everywhere else.
        String goalsText = TypedText.clean(request.getParameter("goals"));
        String weeksText = request.getParameter("reviewIntervalWeeks");
        List<ActionRow> rows = rows(request);

        List<String[]> problems = new ArrayList<>();
        List<String> goals = goalsText == null ? List.of()
                : goalsText.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (goals.isEmpty()) {
            problems.add(new String[] {"goals", "Enter at least one goal", "goals"});
        } else if (goals.stream().anyMatch(g -> g.length() > 1000)) {
            problems.add(new String[] {"goals", "Each goal must be 1000 characters or fewer", "goals"});
        }
        List<ActionPlans.PlanAction> actions = new ArrayList<>();
        List<ActionRow> kept = new ArrayList<>();
        for (ActionRow row : rows) {
            if (blank(row)) {
                continue;
            }
            kept.add(row);
            int n = kept.size();
            String field = "action-" + (n - 1);
            if (blank(row.description())) {
                problems.add(new String[] {field + "-description", "Enter what needs doing for action " + n,
                    field + "-description"});
            } else if (row.description().strip().length() > 1000) {
                problems.add(new String[] {field + "-description",
                    "Action " + n + " must be 1000 characters or fewer", field + "-description"});
            }
            ActionOwner owner = parse(ActionOwner.class, row.owner());
            if (owner == null) {
                problems.add(new String[] {field + "-owner", "Select who does action " + n, field + "-owner"});
            }
            DateAnswer due = DateAnswer.parse("Due date for action " + n, row.dueDay(), row.dueMonth(),
                    row.dueYear());
            if (!due.valid()) {
                problems.add(new String[] {field + "-due", due.error(), field + "-due-day"});
            }
            ActionStatus status = parse(ActionStatus.class, row.status());
            if (status == null) {
                problems.add(new String[] {field + "-status", "Select the status of action " + n,
                    field + "-status"});
            }
            if (owner != null && status != null && due.valid() && !blank(row.description())) {
                actions.add(new ActionPlans.PlanAction(row.description().strip(), owner, due.date(), status));
            }
        }
        Integer weeks = weeks(weeksText);
        if (weeks == null) {
            problems.add(new String[] {"reviewIntervalWeeks",
                "Review interval must be a whole number of weeks between 1 and " + MAX_WEEKS,
                "reviewIntervalWeeks"});
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", FormErrors.ofProblems(problems));
            return editPage(supportCase, plans.latest(id).orElse(null), goalsText, weeksText, kept, model);
        }
        int version = plans.saveDraft(supportCase, new ActionPlans.PlanChanges(goals, actions, weeks), user);
        redirect.addFlashAttribute("notice", "Plan saved as a draft (version " + version + ")");
        return "redirect:/cases/" + id + "/action-plan";
    }

    private String editPage(SupportCase supportCase, ActionPlans.ActionPlan plan, String goals, String weeks,
            List<ActionRow> rows, Model model) {
        List<ActionRow> all = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            all.add(new ActionRow("", "", "", "", "", ""));
        }
        List<Map<String, Object>> editRows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ActionRow row = all.get(i);
            editRows.add(Map.of("index", i, "number", i + 1, "row", row,
                    "ownerItems", Choices.select("Select who", Arrays.asList(ActionOwner.values()), Enum::name,
                            ActionOwner::label, row.owner()),
                    "statusItems", Choices.select(null, Arrays.asList(ActionStatus.values()), Enum::name,
                            ActionStatus::label, blank(row.status()) ? ActionStatus.NOT_STARTED.name() : row.status())));
        }
        PlanType type = plan == null ? PlanType.forCase(supportCase) : plan.type();
        model.addAttribute("planTitle", type.label());
        model.addAttribute("newVersion", plan != null && plan.agreed());
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("subjectName", subjectName(supportCase));
        model.addAttribute("goals", goals == null ? "" : goals);
        model.addAttribute("reviewIntervalWeeks", weeks == null ? "" : weeks);
        model.addAttribute("rows", editRows);
        model.addAttribute("backLink", "/cases/" + supportCase.id() + "/action-plan");
        return "casework/action-plan-edit";
    }

    private static List<ActionRow> rows(HttpServletRequest request) {
        String[] descriptions = values(request, "actionDescription");
        String[] owners = values(request, "actionOwner");
        String[] days = values(request, "actionDueDay");
        String[] months = values(request, "actionDueMonth");
        String[] years = values(request, "actionDueYear");
        String[] statuses = values(request, "actionStatus");
        int count = Math.max(descriptions.length, Math.max(owners.length, Math.max(days.length,
                Math.max(months.length, Math.max(years.length, statuses.length)))));
        List<ActionRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new ActionRow(at(descriptions, i), at(owners, i), at(days, i), at(months, i), at(years, i),
                    at(statuses, i)));
        }
        return rows;
    }

    /** A row with nothing typed in it; the status select always sends a value, so it does not count. */
    private static boolean blank(ActionRow row) {
        return blank(row.description()) && blank(row.owner()) && blank(row.dueDay()) && blank(row.dueMonth())
                && blank(row.dueYear());
    }

    // --- agreeing ---

    @GetMapping("/cases/{id}/action-plan/agree")
    String agreeForm(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-action-plan");
        model.addAttribute("agree", new AgreeForm(null, null, null, null, null));
        return agreePage(supportCase, model);
    }

    @PostMapping("/cases/{id}/action-plan/agree")
    String agree(CurrentUser user, @PathVariable long id, @ModelAttribute("agree") AgreeForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        DateAnswer on = DateAnswer.parse("Date the plan was agreed", form.agreedOnDay(), form.agreedOnMonth(),
                form.agreedOnYear());
        if (!on.valid()) {
            result.rejectValue("agreedOn", "invalid", on.error());
        } else if (on.date().isAfter(plans.today())) {
            result.rejectValue("agreedOn", "future", "Date the plan was agreed must be today or in the past");
        } else if (on.date().isBefore(supportCase.openedOn())) {
            result.rejectValue("agreedOn", "beforeCase", "Date the plan was agreed must be on or after "
                    + DateAnswer.format(supportCase.openedOn()) + ", when the case was opened");
        }
        AgreedHow how = parse(AgreedHow.class, form.agreedHow());
        if (how == null) {
            result.rejectValue("agreedHow", "required", "Select how the plan was agreed");
        }
        if (result.hasErrors()) {
            model.addAttribute("errors", FormErrors.of(result));
            return agreePage(supportCase, model);
        }
        ActionPlans.AgreeResult agreed;
        try {
            agreed = plans.agree(supportCase, on.date(), how, user);
        } catch (PeriodLockedException e) {
            // The plan agreed milestone falls in a period whose return is approved: nothing was saved.
            result.rejectValue("agreedOn", "locked", e.getMessage());
            model.addAttribute("errors", FormErrors.of(result));
            return agreePage(supportCase, model);
        }
        if (agreed == ActionPlans.AgreeResult.AGREED) {
            redirect.addFlashAttribute("notice", "Plan agreed");
        } else {
            redirect.addFlashAttribute("notice", "There is no draft plan to agree");
        }
        return "redirect:/cases/" + id + "/action-plan";
    }

    private String agreePage(SupportCase supportCase, Model model) {
        ActionPlans.ActionPlan plan = plans.latest(supportCase.id()).orElse(null);
        if (plan == null || plan.agreed()) {
            model.addAttribute("nothingToAgree", true);
        }
        describe(supportCase, plan, model);
        AgreeForm form = (AgreeForm) model.getAttribute("agree");
        model.addAttribute("howItems", Choices.options(Arrays.asList(AgreedHow.values()), Enum::name,
                AgreedHow::label, null, form.agreedHow() == null ? List.of() : List.of(form.agreedHow())));
        model.addAttribute("backLink", "/cases/" + supportCase.id() + "/action-plan");
        return "casework/action-plan-agree";
    }

    // --- sharing with the employer ---

    @GetMapping("/cases/{id}/action-plan/share")
    String shareForm(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-action-plan");
        model.addAttribute("share", new ShareForm(null, null));
        return sharePage(supportCase, model);
    }

    @PostMapping("/cases/{id}/action-plan/share")
    String share(CurrentUser user, @PathVariable long id, @ModelAttribute("share") ShareForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        String contact = form.employerContact() == null ? "" : form.employerContact().strip();
        String email = form.employerEmail() == null ? "" : form.employerEmail().strip();
        if (contact.isEmpty()) {
            result.rejectValue("employerContact", "required", "Enter the name of the employer contact");
        } else if (contact.length() > 200) {
            result.rejectValue("employerContact", "long", "Name must be 200 characters or fewer");
        }
        if (email.isEmpty()) {
            result.rejectValue("employerEmail", "required", "Enter the employer contact's email address");
        } else if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            result.rejectValue("employerEmail", "format",
                    "Enter an email address in the correct format, like name@example.com");
        }
        if (!result.hasErrors()) {
            switch (plans.share(supportCase, contact, email, user)) {
                case SHARED -> {
                    redirect.addFlashAttribute("notice", "Plan shared with " + contact);
                    return "redirect:/cases/" + id + "/action-plan";
                }
                case NO_CONSENT -> result.reject("consent",
                        "You can share the plan only when the person has consented to sharing it with their employer");
                case EMPLOYER_CONSENT_WITHDRAWN -> result.reject("consent", "You cannot share the plan: the person "
                        + "has withdrawn their consent to contact with their employer");
                case NOT_AGREED -> result.reject("agreed", "Agree the plan before sharing it");
            }
        }
        model.addAttribute("errors", FormErrors.of(result));
        return sharePage(supportCase, model);
    }

    private String sharePage(SupportCase supportCase, Model model) {
        ActionPlans.ActionPlan plan = plans.latest(supportCase.id()).orElse(null);
        describe(supportCase, plan, model);
        model.addAttribute("consented", plan != null && Boolean.TRUE.equals(plan.consentToShare()));
        model.addAttribute("agreedVersion", plans.latestAgreed(supportCase.id()).map(ActionPlans.ActionPlan::version)
                .orElse(null));
        model.addAttribute("backLink", "/cases/" + supportCase.id() + "/action-plan");
        return "casework/action-plan-share";
    }

    // --- shared parts ---

    /** The plan as pages show it; "plan" is null when the case has none yet. */
    private void describe(SupportCase supportCase, ActionPlans.ActionPlan plan, Model model) {
        PlanType type = plan == null ? PlanType.forCase(supportCase) : plan.type();
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("subjectName", subjectName(supportCase));
        model.addAttribute("planTitle", type.label());
        model.addAttribute("plan", plan);
        if (plan != null) {
            model.addAttribute("planStatus", plan.agreed() ? "Agreed" : "Draft");
            model.addAttribute("agreedText", plan.agreed()
                    ? DateAnswer.format(plan.agreedOn()) + ", " + plan.agreedHow().label().toLowerCase(Locale.UK)
                    : "Not agreed yet");
            model.addAttribute("actionViews", plan.actions().stream().map(a -> new ActionView(a.description(),
                    a.owner().label(), DateAnswer.format(a.dueOn()), a.status().label(), a.status().tagClass()))
                    .toList());
        }
    }

    private List<ShareRow> shareRows(long caseId) {
        ZoneId london = ZoneId.of("Europe/London");
        return plans.shares(caseId).stream().map(s -> new ShareRow(
                WHEN.format(s.sharedAt().atZone(london)).replace("AM", "am").replace("PM", "pm"), s.sharedBy(),
                s.employerContact(), s.employerEmail(), "Version " + s.version())).toList();
    }

    private String subjectName(SupportCase supportCase) {
        return subjects.forReferral(supportCase.referralId()).map(CaseSubject::fullName).orElse("");
    }

    private static Integer weeks(String text) {
        if (text == null || !text.strip().matches("\\d{1,2}")) {
            return null;
        }
        int weeks = Integer.parseInt(text.strip());
        return weeks >= 1 && weeks <= MAX_WEEKS ? weeks : null;
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }

    private static String at(String[] values, int i) {
        return i < values.length ? TypedText.clean(values[i]) : "";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, answer.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

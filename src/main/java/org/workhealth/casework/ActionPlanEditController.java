package org.workhealth.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

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

import org.workhealth.govuk.Answers;
/**
 * Changing the action plan: its goals, actions and review interval, saved as a draft.
 */
@Controller
class ActionPlanEditController {

    /** One row of the edit form, exactly as typed. */
    record ActionRow(String description, String owner, String dueDay, String dueMonth, String dueYear,
            String status) {
    }

    private static final int BLANK_ROWS = 3;
    private static final int MAX_WEEKS = 52;

    private final CaseAccess caseAccess;
    private final ActionPlans plans;
    private final ActionPlanView view;

    ActionPlanEditController(CaseAccess caseAccess, ActionPlans plans, ActionPlanView view) {
        this.caseAccess = caseAccess;
        this.plans = plans;
        this.view = view;
    }

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
            if (Answers.blank(row.description())) {
                problems.add(new String[] {field + "-description", "Enter what needs doing for action " + n,
                    field + "-description"});
            } else if (row.description().strip().length() > 1000) {
                problems.add(new String[] {field + "-description",
                    "Action " + n + " must be 1000 characters or fewer", field + "-description"});
            }
            ActionOwner owner = Answers.code(ActionOwner.class, row.owner());
            if (owner == null) {
                problems.add(new String[] {field + "-owner", "Select who does action " + n, field + "-owner"});
            }
            DateAnswer due = DateAnswer.parse("Due date for action " + n, row.dueDay(), row.dueMonth(),
                    row.dueYear());
            if (!due.valid()) {
                problems.add(new String[] {field + "-due", due.error(), field + "-due-day"});
            }
            ActionStatus status = Answers.code(ActionStatus.class, row.status());
            if (status == null) {
                problems.add(new String[] {field + "-status", "Select the status of action " + n,
                    field + "-status"});
            }
            if (owner != null && status != null && due.valid() && !Answers.blank(row.description())) {
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
                            ActionStatus::label,
                            Answers.blank(row.status()) ? ActionStatus.NOT_STARTED.name() : row.status())));
        }
        PlanType type = plan == null ? PlanType.forCase(supportCase) : plan.type();
        model.addAttribute("planTitle", type.label());
        model.addAttribute("newVersion", plan != null && plan.agreed());
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("subjectName", view.subjectName(supportCase));
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
        return Stream.of(row.description(), row.owner(), row.dueDay(), row.dueMonth(), row.dueYear())
                .allMatch(Answers::blank);
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
}

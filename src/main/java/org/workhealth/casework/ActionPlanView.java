package org.workhealth.casework;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.workhealth.govuk.DateAnswer;

/** What every action plan page shows of the plan and whose it is. */
@Component
class ActionPlanView {

    /** One action as the page shows it. */
    record ActionView(String description, String owner, String dueOn, ActionStatus status) {
    }

    private final CaseSubjects subjects;

    ActionPlanView(CaseSubjects subjects) {
        this.subjects = subjects;
    }

    /** The plan as pages show it; "plan" is null when the case has none yet. */
    void describe(SupportCase supportCase, ActionPlans.ActionPlan plan, Model model) {
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
                    a.owner().label(), DateAnswer.format(a.dueOn()), a.status()))
                    .toList());
        }
    }

    String subjectName(SupportCase supportCase) {
        return subjects.fullName(supportCase);
    }
}

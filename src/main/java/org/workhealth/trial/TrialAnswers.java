package org.workhealth.trial;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.validation.BindingResult;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.Role;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.internal.StratificationFactor;
import org.workhealth.trial.internal.TrialDesign;

/** Checks the set-up answers and turns them into a {@link TrialDesign}; every problem goes on its field. */
final class TrialAnswers {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final Pattern ARM_CODE = Pattern.compile("[A-Za-z0-9-]{1,20}");
    private static final Pattern WEEKS = Pattern.compile("\\d{1,3}(\\s*,\\s*\\d{1,3})*");
    static final List<String> MULTIPLIERS = List.of("1", "2", "3");
    static final Set<Role> VIEWER_ROLES = EnumSet.of(Role.COMMISSIONER, Role.PROVIDER_MANAGER, Role.EVALUATOR);

    private TrialAnswers() {
    }

    /** @return the design, or null when there are errors (then on {@code result}) */
    static TrialDesign design(long programmeId, TrialForm f, BindingResult result, boolean checkCode,
            Trials trials) {
        String code = clean(f.code());
        if (code == null) {
            result.rejectValue("code", "required", "Enter a code for the trial");
        } else if (!CODE.matcher(code).matches()) {
            result.rejectValue("code", "format", "Code must be 40 letters, numbers or hyphens or fewer");
        } else if (checkCode && trials.codeInUse(code.toUpperCase())) {
            result.rejectValue("code", "taken", "A trial with this code already exists");
        }
        String title = TextAnswer.required(result, "title", f.title(), "Enter the title of the trial", "Title", 200);
        TrialUnit unit = Choices.chosen(TrialUnit.class, f.unit());
        if (unit == null) {
            result.rejectValue("unit", "required", "Select what is randomised");
        }
        AllocationMethod method = Choices.chosen(AllocationMethod.class, f.method());
        if (method == null) {
            result.rejectValue("method", "required", "Select the allocation method");
        }
        String armCode = armCode(result, "armCode", f.armCode(), "Enter a code for the intervention arm");
        String armName = TextAnswer.required(result, "armName", f.armName(), "Enter the name of the intervention arm",
                "Intervention arm name", 100);
        Integer armWeight = number(result, "armWeight", f.armWeight(), 1, 10,
                "Enter the intervention arm's share of the ratio, a whole number from 1 to 10");
        String controlCode = armCode(result, "controlCode", f.controlCode(), "Enter a code for the control arm");
        if (armCode != null && armCode.equalsIgnoreCase(controlCode)) {
            result.rejectValue("controlCode", "same", "The control arm's code must differ from the intervention arm's");
        }
        String controlName = TextAnswer.required(result, "controlName", f.controlName(), "Enter the name of the control arm",
                "Control arm name", 100);
        Integer controlWeight = number(result, "controlWeight", f.controlWeight(), 1, 10,
                "Enter the control arm's share of the ratio, a whole number from 1 to 10");
        List<StratificationFactor> factors = new ArrayList<>();
        for (String answer : f.factorsOrEmpty()) {
            StratificationFactor factor = Choices.chosen(StratificationFactor.class, answer);
            if (factor == null || (unit != null && factor.unit() != unit)) {
                result.rejectValue("factors", "invalid", "Select only factors recorded for the unit randomised");
                break;
            }
            if (!factors.contains(factor)) {
                factors.add(factor);
            }
        }
        List<Integer> multipliers = new ArrayList<>();
        for (String answer : f.multipliersOrEmpty()) {
            if (!MULTIPLIERS.contains(answer)) {
                result.rejectValue("blockMultipliers", "invalid", "Select block sizes from the list");
                break;
            }
            multipliers.add(Integer.valueOf(answer));
        }
        if (method == AllocationMethod.PERMUTED_BLOCKS && multipliers.isEmpty() && !result.hasFieldErrors("blockMultipliers")) {
            result.rejectValue("blockMultipliers", "required", "Select at least one block size");
        }
        Double probability = null;
        String p = clean(f.probability());
        if (p == null || !p.matches("0?\\.\\d{1,2}|1(\\.0{1,2})?")) {
            result.rejectValue("probability", "invalid",
                    "Enter the probability of the minimising arm as a decimal above 0.5 and up to 1, like 0.8");
        } else {
            probability = Double.valueOf(p);
            if (probability <= 0.5) {
                result.rejectValue("probability", "range",
                        "Enter the probability of the minimising arm as a decimal above 0.5 and up to 1, like 0.8");
            }
        }
        DateAnswer starts = DateAnswer.parse("Recruitment start date", f.startsOnDay(), f.startsOnMonth(),
                f.startsOnYear());
        if (!starts.valid()) {
            result.rejectValue("startsOn", "invalid", starts.error());
        }
        DateAnswer ends = DateAnswer.parse("Recruitment end date", f.endsOnDay(), f.endsOnMonth(), f.endsOnYear());
        if (!ends.valid()) {
            result.rejectValue("endsOn", "invalid", ends.error());
        } else if (starts.valid() && ends.date().isBefore(starts.date())) {
            result.rejectValue("endsOn", "order", "Recruitment end date must be on or after the start date");
        }
        Integer target = number(result, "target", f.target(), 1, 1_000_000,
                "Enter the recruitment target, a whole number from 1 to 1,000,000");
        Set<Role> viewers = EnumSet.noneOf(Role.class);
        for (String answer : f.viewersOrEmpty()) {
            Role role = Choices.chosen(Role.class, answer);
            if (role == null || !VIEWER_ROLES.contains(role)) {
                result.rejectValue("viewers", "invalid", "Select who may see allocations from the list");
                break;
            }
            viewers.add(role);
        }
        if (viewers.isEmpty() && !result.hasFieldErrors("viewers")) {
            result.rejectValue("viewers", "required", "Select who may see allocations");
        }
        String controlAction = TextAnswer.required(result, "controlAction", f.controlAction(),
                "Enter what the protocol says happens for the control arm", "Control action", 500);
        List<Integer> weeks = new ArrayList<>();
        String w = clean(f.followUpWeeks());
        if (w == null || w.length() > 100 || !WEEKS.matcher(w).matches()) {
            result.rejectValue("followUpWeeks", "invalid",
                    "Enter follow-up points as weeks after randomisation separated by commas, like 12, 26, 52");
        } else {
            for (String week : w.split(",")) {
                weeks.add(Integer.valueOf(week.strip()));
            }
        }
        if (result.hasErrors()) {
            return null;
        }
        return new TrialDesign(programmeId, code.toUpperCase(), title, unit, method,
                List.of(new Arm(armCode.toUpperCase(), armName, armWeight, false),
                        new Arm(controlCode.toUpperCase(), controlName, controlWeight, true)),
                factors, multipliers.isEmpty() ? List.of(1) : multipliers, probability, starts.date(), ends.date(),
                target, viewers, controlAction, weeks.stream().distinct().sorted().toList());
    }

    private static String armCode(BindingResult result, String field, String value, String enter) {
        String code = clean(value);
        if (code == null) {
            result.rejectValue(field, "required", enter);
            return null;
        }
        if (!ARM_CODE.matcher(code).matches()) {
            result.rejectValue(field, "format", "Arm code must be 20 letters, numbers or hyphens or fewer");
            return null;
        }
        return code;
    }

    private static Integer number(BindingResult result, String field, String value, int min, int max,
            String message) {
        String answer = clean(value);
        if (answer == null || !answer.matches("\\d{1,7}")) {
            result.rejectValue(field, "invalid", message);
            return null;
        }
        int n = Integer.parseInt(answer);
        if (n < min || n > max) {
            result.rejectValue(field, "range", message);
            return null;
        }
        return n;
    }

    static String clean(String answer) {
        return answer == null || answer.isBlank() ? null : answer.strip();
    }
}

package org.workhealth.trial;

import java.util.List;

/** The trial set-up answers as typed; {@code startsOn}/{@code endsOn} name the date inputs for error messages. */
record TrialForm(String code, String title, String unit, String method, String armCode, String armName,
        String armWeight, String controlCode, String controlName, String controlWeight, List<String> factors,
        List<String> blockMultipliers, String probability, String startsOn, String startsOnDay, String startsOnMonth,
        String startsOnYear, String endsOn, String endsOnDay, String endsOnMonth, String endsOnYear, String target,
        List<String> viewers, String controlAction, String followUpWeeks) {

    static final String[] FIELDS = {"code", "title", "unit", "method", "armCode", "armName", "armWeight",
            "controlCode", "controlName", "controlWeight", "factors", "blockMultipliers", "probability",
            "startsOnDay", "startsOnMonth", "startsOnYear", "endsOnDay", "endsOnMonth", "endsOnYear", "target",
            "viewers", "controlAction", "followUpWeeks"};

    static TrialForm blank() {
        return new TrialForm(null, null, "PARTICIPANT", "PERMUTED_BLOCKS", null, null, "1", null, null, "1",
                List.of(), List.of("1", "2", "3"), "0.8", null, null, null, null, null, null, null, null, null,
                List.of("COMMISSIONER"), null, null);
    }

    static TrialForm of(Trial t) {
        Arm arm = t.arms().get(0);
        Arm control = t.arms().get(1);
        return new TrialForm(t.code(), t.title(), t.unit().name(), t.method().name(), arm.code(), arm.name(),
                String.valueOf(arm.weight()), control.code(), control.name(), String.valueOf(control.weight()),
                t.factors().stream().map(Enum::name).toList(),
                t.blockMultipliers().stream().map(String::valueOf).toList(), String.valueOf(t.minimisationProbability()),
                null, String.valueOf(t.recruitmentStarts().getDayOfMonth()),
                String.valueOf(t.recruitmentStarts().getMonthValue()), String.valueOf(t.recruitmentStarts().getYear()),
                null, String.valueOf(t.recruitmentEnds().getDayOfMonth()),
                String.valueOf(t.recruitmentEnds().getMonthValue()), String.valueOf(t.recruitmentEnds().getYear()),
                String.valueOf(t.recruitmentTarget()), t.allocationViewers().stream().map(Enum::name).toList(),
                t.controlAction(), String.join(", ", t.followUpWeeks().stream().map(String::valueOf).toList()));
    }

    List<String> factorsOrEmpty() {
        return factors == null ? List.of() : factors;
    }

    List<String> multipliersOrEmpty() {
        return blockMultipliers == null ? List.of() : blockMultipliers;
    }

    List<String> viewersOrEmpty() {
        return viewers == null ? List.of() : viewers;
    }
}

package org.workhealth.evaluation;

import java.time.LocalDate;
import java.util.List;

/** The agreement answers as typed. {@code dataFrom} etc. name the date inputs for error messages. */
record AgreementForm(String evaluator, String title, String purpose, String legalBasis, String programme,
        String trial, List<String> fields, String dataFrom, String dataFromDay, String dataFromMonth,
        String dataFromYear, String dataTo, String dataToDay, String dataToMonth, String dataToYear, String startsOn,
        String startsOnDay, String startsOnMonth, String startsOnYear, String endsOn, String endsOnDay,
        String endsOnMonth, String endsOnYear, String dateHandling, String shiftDays, String threshold) {

    static final String[] FIELDS = {"evaluator", "title", "purpose", "legalBasis", "programme", "trial", "fields",
            "dataFromDay", "dataFromMonth", "dataFromYear", "dataToDay", "dataToMonth", "dataToYear", "startsOnDay",
            "startsOnMonth", "startsOnYear", "endsOnDay", "endsOnMonth", "endsOnYear", "dateHandling", "shiftDays",
            "threshold"};

    static AgreementForm blank() {
        return new AgreementForm(null, null, null, null, null, "", List.of("AGE_BAND", "SEX", "REFERRAL_DATE"),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                "EXACT", "", "5");
    }

    static AgreementForm of(Agreement a) {
        return new AgreementForm(String.valueOf(a.evaluatorOrganisationId()), a.title(), a.purpose(),
                a.legalBasis().name(), String.valueOf(a.programmeId()),
                a.trialId() == null ? "" : String.valueOf(a.trialId()), a.fields().stream().map(Enum::name).toList(),
                null, day(a.dataFrom()), month(a.dataFrom()), year(a.dataFrom()), null, day(a.dataTo()),
                month(a.dataTo()), year(a.dataTo()), null, day(a.startsOn()), month(a.startsOn()), year(a.startsOn()),
                null, day(a.endsOn()), month(a.endsOn()), year(a.endsOn()), a.dateHandling().name(),
                a.dateHandling() == DateHandling.SHIFTED ? String.valueOf(a.shiftDays()) : "",
                String.valueOf(a.smallCellThreshold()));
    }

    List<String> fieldsOrEmpty() {
        return fields == null ? List.of() : fields;
    }

    /** The answers as hidden inputs, for the check answers page's forms. */
    List<String[]> hidden() {
        java.util.ArrayList<String[]> h = new java.util.ArrayList<>();
        String[][] single = {{"evaluator", evaluator}, {"title", title}, {"purpose", purpose},
                {"legalBasis", legalBasis}, {"programme", programme}, {"trial", trial},
                {"dataFromDay", dataFromDay}, {"dataFromMonth", dataFromMonth}, {"dataFromYear", dataFromYear},
                {"dataToDay", dataToDay}, {"dataToMonth", dataToMonth}, {"dataToYear", dataToYear},
                {"startsOnDay", startsOnDay}, {"startsOnMonth", startsOnMonth}, {"startsOnYear", startsOnYear},
                {"endsOnDay", endsOnDay}, {"endsOnMonth", endsOnMonth}, {"endsOnYear", endsOnYear},
                {"dateHandling", dateHandling}, {"shiftDays", shiftDays}, {"threshold", threshold}};
        h.addAll(java.util.Arrays.asList(single));
        fieldsOrEmpty().forEach(f -> h.add(new String[] {"fields", f}));
        return h;
    }

    private static String day(LocalDate d) {
        return String.valueOf(d.getDayOfMonth());
    }

    private static String month(LocalDate d) {
        return String.valueOf(d.getMonthValue());
    }

    private static String year(LocalDate d) {
        return String.valueOf(d.getYear());
    }
}

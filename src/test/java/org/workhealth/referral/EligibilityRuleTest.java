package org.workhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Each kind of eligibility rule, passed and failed, with the reason triage shows. */
class EligibilityRuleTest {

    private static final LocalDate REFERRED = LocalDate.of(2026, 11, 23);

    private static PersonFacts person(LocalDate dateOfBirth, EmploymentStatus status, LocalDate unemployedSince) {
        return new PersonFacts(dateOfBirth, REFERRED, "BL9", "P83010", status, unemployedSince, false, false, false,
                "NO", null, null);
    }

    private static PersonFacts aged(LocalDate dateOfBirth) {
        return person(dateOfBirth, EmploymentStatus.EMPLOYED, null);
    }

    private static RuleOutcome apply(EligibilityRuleKind kind, String parameters, PersonFacts person) {
        return new EligibilityRule(1, kind, parameters, 1).evaluate(person);
    }

    @Test
    void ageRangeIncludesBothEnds() {
        RuleOutcome sixteenToday = apply(EligibilityRuleKind.AGE_RANGE, "16,67", aged(LocalDate.of(2010, 11, 23)));
        assertThat(sixteenToday).isEqualTo(new RuleOutcome("Aged 16 to 67", true, "Aged 16 when referred"));

        RuleOutcome sixteenTomorrow = apply(EligibilityRuleKind.AGE_RANGE, "16,67", aged(LocalDate.of(2010, 11, 24)));
        assertThat(sixteenTomorrow.passed()).isFalse();
        assertThat(sixteenTomorrow.reason()).isEqualTo("Aged 15 when referred, younger than 16");

        assertThat(apply(EligibilityRuleKind.AGE_RANGE, "16,67", aged(LocalDate.of(1958, 11, 24))).passed()).isTrue();
        RuleOutcome sixtyEight = apply(EligibilityRuleKind.AGE_RANGE, "16,67", aged(LocalDate.of(1958, 11, 23)));
        assertThat(sixtyEight.passed()).isFalse();
        assertThat(sixtyEight.reason()).isEqualTo("Aged 68 when referred, older than 67");
    }

    @Test
    void employmentStatusMustBeOneListed() {
        PersonFacts unemployed = person(LocalDate.of(1990, 1, 1), EmploymentStatus.UNEMPLOYED, REFERRED);
        RuleOutcome inWorkOnly = apply(EligibilityRuleKind.EMPLOYMENT_STATUS_IN, "EMPLOYED,OFF_SICK", unemployed);
        assertThat(inWorkOnly).isEqualTo(new RuleOutcome("Employment status is employed or off sick from a job", false,
                "Unemployed, which this programme does not accept"));
        RuleOutcome any = apply(EligibilityRuleKind.EMPLOYMENT_STATUS_IN, "UNEMPLOYED, NOT_WORKED_RECENTLY", unemployed);
        assertThat(any.passed()).isTrue();
        assertThat(any.reason()).isEqualTo("Unemployed");
    }

    @Test
    void weeksSinceLastWorkedCountsExactlyEightWeeksAsWithin() {
        PersonFacts eightWeeks = person(LocalDate.of(1990, 1, 1), EmploymentStatus.UNEMPLOYED, REFERRED.minusWeeks(8));
        RuleOutcome within = apply(EligibilityRuleKind.WEEKS_SINCE_LAST_WORKED_AT_MOST, "8", eightWeeks);
        assertThat(within).isEqualTo(new RuleOutcome("If unemployed, stopped working no more than 8 weeks before referral",
                true, "Stopped working on 28 September 2026, 8 weeks before referral"));

        PersonFacts dayMore = person(LocalDate.of(1990, 1, 1), EmploymentStatus.UNEMPLOYED,
                REFERRED.minusWeeks(8).minusDays(1));
        RuleOutcome over = apply(EligibilityRuleKind.WEEKS_SINCE_LAST_WORKED_AT_MOST, "8", dayMore);
        assertThat(over.passed()).isFalse();
        assertThat(over.reason()).isEqualTo(
                "Stopped working on 27 September 2026, 8 weeks and 1 day before referral, more than 8 weeks");
    }

    @Test
    void weeksSinceLastWorkedPassesPeopleInWorkAndFailsThoseWithNoDate() {
        RuleOutcome offSick = apply(EligibilityRuleKind.WEEKS_SINCE_LAST_WORKED_AT_MOST, "8",
                person(LocalDate.of(1990, 1, 1), EmploymentStatus.OFF_SICK, null));
        assertThat(offSick.passed()).isTrue();
        assertThat(offSick.reason()).isEqualTo("In work (Off sick from a job)");
        RuleOutcome notRecently = apply(EligibilityRuleKind.WEEKS_SINCE_LAST_WORKED_AT_MOST, "8",
                person(LocalDate.of(1990, 1, 1), EmploymentStatus.NOT_WORKED_RECENTLY, null));
        assertThat(notRecently.passed()).isFalse();
        assertThat(notRecently.reason()).isEqualTo("Not worked recently, and no date they stopped working");
    }

    @Test
    void inAreaSaysWhichAreaMatchedOrWhatWasGiven() {
        PersonFacts inside = new PersonFacts(LocalDate.of(1990, 1, 1), REFERRED, "BL9", "P83010",
                EmploymentStatus.EMPLOYED, null, false, false, false, null, "GP practice P83010 (Bury)", null);
        RuleOutcome passed = apply(EligibilityRuleKind.IN_AREA, null, inside);
        assertThat(passed).isEqualTo(new RuleOutcome(
                "Lives in, or is registered with a GP practice in, the programme's area", true,
                "GP practice P83010 (Bury) is in the programme's area"));
        RuleOutcome outside = apply(EligibilityRuleKind.IN_AREA, null, aged(LocalDate.of(1990, 1, 1)));
        assertThat(outside.passed()).isFalse();
        assertThat(outside.reason()).isEqualTo(
                "Postcode district BL9 and GP practice P83010 are outside the areas of the organisations delivering this programme");
    }

    @Test
    void healthConditionMustBePresent() {
        PersonFacts mentalHealthAndBack = new PersonFacts(LocalDate.of(1990, 1, 1), REFERRED, "BL9", null,
                EmploymentStatus.EMPLOYED, null, true, true, false, null, null, null);
        assertThat(apply(EligibilityRuleKind.HEALTH_CONDITION_PRESENT, null, mentalHealthAndBack)).isEqualTo(
                new RuleOutcome("Has a health condition", true,
                        "A mental health condition and a musculoskeletal condition"));
        RuleOutcome none = apply(EligibilityRuleKind.HEALTH_CONDITION_PRESENT, null, aged(LocalDate.of(1990, 1, 1)));
        assertThat(none.passed()).isFalse();
        assertThat(none.reason()).isEqualTo("No health condition given");
    }

    @Test
    void notAlreadyActiveNamesTheOtherReferral() {
        PersonFacts active = new PersonFacts(LocalDate.of(1990, 1, 1), REFERRED, "BL9", null,
                EmploymentStatus.EMPLOYED, null, false, false, false, null, null, "ACDE-FGHJ");
        RuleOutcome failed = apply(EligibilityRuleKind.NOT_ALREADY_ACTIVE, null, active);
        assertThat(failed).isEqualTo(new RuleOutcome("Not already accepted on this programme", false,
                "Already accepted on this programme (referral ACDE-FGHJ)"));
        assertThat(apply(EligibilityRuleKind.NOT_ALREADY_ACTIVE, null, aged(LocalDate.of(1990, 1, 1))).passed())
                .isTrue();
    }

    @Test
    void parametersAreCheckedForTheirKind() {
        assertThat(EligibilityRule.problemWith(EligibilityRuleKind.AGE_RANGE, "16,67")).isNull();
        assertThat(EligibilityRule.problemWith(EligibilityRuleKind.AGE_RANGE, "67,16")).isNotNull();
        assertThat(EligibilityRule.problemWith(EligibilityRuleKind.AGE_RANGE, "sixteen")).isNotNull();
        assertThat(EligibilityRule.problemWith(EligibilityRuleKind.EMPLOYMENT_STATUS_IN, "RETIRED")).isNotNull();
        assertThat(EligibilityRule.problemWith(EligibilityRuleKind.WEEKS_SINCE_LAST_WORKED_AT_MOST, "0")).isNotNull();
        assertThat(EligibilityRule.problemWith(EligibilityRuleKind.IN_AREA, null)).isNull();
    }
}

package org.workhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Greater Manchester's four WorkWell cohorts, tried in order with the first that fits winning. */
class CohortSuggestionTest {

    private static final LocalDate REFERRED = LocalDate.of(2026, 11, 23);

    private static final List<CohortRule> GREATER_MANCHESTER = List.of(
            new CohortRule(1, 11, "In work, at risk of falling out", 1, "IN_WORK,HEALTH=MENTAL_HEALTH|MUSCULOSKELETAL"),
            new CohortRule(2, 12, "Off sick from work", 2, "IN_WORK,WAITING_FOR_TREATMENT"),
            new CohortRule(3, 13, "Recently out of work", 3, "OUT_OF_WORK,HEALTH=ANY,WEEKS_OUT_AT_MOST=8"),
            new CohortRule(4, 14, "Out of work and ready to look for work", 4, "ANY"));

    private static PersonFacts person(EmploymentStatus status, LocalDate unemployedSince, boolean mentalHealth,
            boolean musculoskeletal, boolean other, String waiting) {
        return new PersonFacts(LocalDate.of(1990, 5, 1), REFERRED, "BL9", null, status, unemployedSince, mentalHealth,
                musculoskeletal, other, waiting, null, null);
    }

    private static Optional<SuggestedCohort> suggest(PersonFacts person) {
        return EligibilityCheck.suggest(GREATER_MANCHESTER, person);
    }

    @Test
    void inWorkWithAMentalHealthConditionIsCohortOne() {
        assertThat(suggest(person(EmploymentStatus.EMPLOYED, null, true, false, false, "NO"))).contains(
                new SuggestedCohort(11, "In work, at risk of falling out",
                        "In work (Employed) with a mental health condition"));
    }

    @Test
    void theFirstRuleThatFitsWinsEvenWhenALaterOneAlsoFits() {
        // Musculoskeletal and on a waiting list: both cohort 1 and cohort 2 fit; cohort 1 comes first.
        assertThat(suggest(person(EmploymentStatus.SELF_EMPLOYED, null, false, true, false, "YES")))
                .map(SuggestedCohort::cohortId).contains(11L);
    }

    @Test
    void inWorkOnAWaitingListWithoutMentalHealthOrMusculoskeletalIsCohortTwo() {
        assertThat(suggest(person(EmploymentStatus.OFF_SICK, null, false, false, true, "YES"))).contains(
                new SuggestedCohort(12, "Off sick from work", "In work (Off sick from a job), waiting for NHS treatment"));
    }

    @Test
    void outOfWorkWithinEightWeeksThroughPoorHealthIsCohortThree() {
        assertThat(suggest(person(EmploymentStatus.UNEMPLOYED, REFERRED.minusWeeks(8), true, false, false, "NO")))
                .contains(new SuggestedCohort(13, "Recently out of work",
                        "Out of work (Unemployed) with a mental health condition, stopped working 8 weeks before referral"));
    }

    @Test
    void anythingElseFallsToTheLocallyDefinedCohort() {
        // Out of work for 8 weeks and a day: too long for cohort 3.
        Optional<SuggestedCohort> longer = suggest(person(EmploymentStatus.UNEMPLOYED,
                REFERRED.minusWeeks(8).minusDays(1), true, false, false, "NO"));
        assertThat(longer).contains(new SuggestedCohort(14, "Out of work and ready to look for work",
                "None of the earlier cohorts fit"));
        // In work, but with neither a mental health or musculoskeletal condition nor a waiting list.
        assertThat(suggest(person(EmploymentStatus.EMPLOYED, null, false, false, true, "DONT_KNOW")))
                .map(SuggestedCohort::cohortId).contains(14L);
    }

    @Test
    void noRuleFittingSuggestsNothing() {
        assertThat(EligibilityCheck.suggest(GREATER_MANCHESTER.subList(0, 3),
                person(EmploymentStatus.NOT_WORKED_RECENTLY, null, false, false, false, null))).isEmpty();
    }

    @Test
    void rulesDescribeThemselvesAndRejectUnknownConditions() {
        assertThat(GREATER_MANCHESTER.get(0).describe())
                .isEqualTo("In work with a mental health or musculoskeletal condition");
        assertThat(GREATER_MANCHESTER.get(2).describe())
                .isEqualTo("Out of work with a health condition, stopped working no more than 8 weeks before referral");
        assertThat(CohortRule.problemWith("IN_WORK,HEALTH=MENTAL_HEALTH")).isNull();
        assertThat(CohortRule.problemWith("IN_WORK,RETIRED")).isEqualTo("Condition RETIRED is not understood");
        assertThat(CohortRule.problemWith("HEALTH=BROKEN")).isNotNull();
        assertThat(CohortRule.problemWith("")).isNotNull();
    }
}

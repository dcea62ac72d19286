package org.workhealth.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workhealth.SignIn;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.internal.TrialDesign;
import org.workhealth.trial.internal.Randomiser;

/**
 * Defect (issue 16, H1): the randomise address did not check that the trial is on the referral's programme, so a
 * triager could randomise a referral into any participant trial by editing the URL; nor that the referral was
 * still open, or the trial recruiting.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RandomiseScopeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TrialFixtures fixtures;
    @Autowired
    Randomiser randomiser;
    @Autowired
    Trials trials;
    @Autowired
    JdbcClient jdbc;

    /** Every answer a randomisation needs, eligible and consenting, against the trial's sheet version 1.0. */
    private MockHttpServletRequestBuilder randomise(long referral, Trial trial, MockHttpSession session) {
        jdbc.sql("INSERT INTO research_information_sheet (study_code, version, dated) SELECT ?, '1.0', ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM research_information_sheet WHERE study_code = ?)")
                .params(trial.code(), LocalDate.now().minusDays(60), trial.code()).update();
        LocalDate today = LocalDate.now();
        return post("/referrals/" + referral + "/trials/" + trial.id() + "/randomise").with(csrf()).session(session)
                .param("eligible", "yes").param("consented", "yes").param("sheetVersion", "1.0")
                .param("consentedOnDay", String.valueOf(today.getDayOfMonth()))
                .param("consentedOnMonth", String.valueOf(today.getMonthValue()))
                .param("consentedOnYear", String.valueOf(today.getYear()));
    }

    @Test
    void aTrialOnAnotherProgrammeIsNotFoundAndNothingIsAllocated() throws Exception {
        // Thrive into Work is the West Midlands' programme: Bury's coach does not triage for it.
        Trial elsewhere = fixtures.trial(fixtures.user(SignIn.WMCA_COMMISSIONER), AllocationMethod.PERMUTED_BLOCKS,
                List.of());
        long referral = fixtures.buryReferral();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        String path = "/referrals/" + referral + "/trials/" + elsewhere.id() + "/randomise";
        mvc.perform(get(path).session(coach)).andExpect(status().isNotFound());
        mvc.perform(randomise(referral, elsewhere, coach)).andExpect(status().isNotFound());
        assertThat(randomiser.allocationOf(elsewhere.id(), referral)).isEmpty();
    }

    @Test
    void aTrialOfAnotherHubOnTheSameProgrammeIsNotFound() throws Exception {
        // WorkWell is commissioned by hubs; the West Midlands' WorkWell trial is not Greater Manchester's.
        Trial otherHub = fixtures.trialOn("WW", fixtures.user(SignIn.WMCA_COMMISSIONER),
                AllocationMethod.PERMUTED_BLOCKS, List.of());
        long referral = fixtures.buryReferral();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(get("/referrals/" + referral + "/trials/" + otherHub.id() + "/randomise").session(coach))
                .andExpect(status().isNotFound());
        mvc.perform(randomise(referral, otherHub, coach)).andExpect(status().isNotFound());
        assertThat(randomiser.allocationOf(otherHub.id(), referral)).isEmpty();
    }

    @Test
    void aDeclinedReferralIsNotRandomised() throws Exception {
        Trial trial = fixtures.trialOn("WW", fixtures.user(SignIn.GM_COMMISSIONER), AllocationMethod.PERMUTED_BLOCKS,
                List.of());
        long referral = fixtures.buryReferral();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(post("/referrals/" + referral + "/decline").with(csrf()).session(coach)
                .param("reason", "Moved out of the area")).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/referrals/" + referral + "/trials/" + trial.id() + "/randomise")
                .session(coach)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("cannot be randomised");
        mvc.perform(randomise(referral, trial, coach)).andExpect(status().isOk());
        assertThat(randomiser.allocationOf(trial.id(), referral)).isEmpty();
    }

    @Test
    void aTrialNotRecruitingSaysSoAndOffersNoButton() throws Exception {
        TrialDesign design = fixtures.design(fixtures.programmesWorkWell(), AllocationMethod.PERMUTED_BLOCKS, List.of());
        Trial later = trials.createUnchecked(new TrialDesign(design.programmeId(), design.code(), design.title(),
                design.unit(), design.method(), design.arms(), design.factors(), design.blockMultipliers(),
                design.minimisationProbability(), LocalDate.now().plusMonths(1), LocalDate.now().plusYears(1),
                design.recruitmentTarget(), design.allocationViewers(), design.controlAction(),
                design.followUpWeeks()), fixtures.user(SignIn.GM_COMMISSIONER).organisationId());
        long referral = fixtures.buryReferral();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        String page = mvc.perform(get("/referrals/" + referral + "/trials/" + later.id() + "/randomise")
                .session(coach)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("This trial is not recruiting today").doesNotContain(">Continue<")
                .doesNotContain(">Randomise<");
        mvc.perform(randomise(referral, later, coach)).andExpect(status().isOk());
        assertThat(randomiser.allocationOf(later.id(), referral)).isEmpty();
    }
}

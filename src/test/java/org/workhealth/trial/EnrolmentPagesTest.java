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
import org.workhealth.research.ResearchConsent;
import org.workhealth.research.ResearchConsents;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.internal.Randomiser;

/**
 * The randomisation point as a triager uses it (eligibility, research consent against a sheet version, exclusions),
 * and what follows: the control arm closes the referral, the information sheets, marking in error and withdrawing
 * research consent; other organisations get "not found" throughout.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EnrolmentPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TrialFixtures fixtures;
    @Autowired
    Randomiser randomiser;
    @Autowired
    ResearchConsents consents;
    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = LocalDate.now();

    /** A recruiting WorkWell trial of Greater Manchester's, with information sheet 2.0 dated a year ago. */
    private Trial trial() throws Exception {
        Trial trial = fixtures.trialOn("WW", fixtures.user(SignIn.GM_COMMISSIONER), AllocationMethod.PERMUTED_BLOCKS,
                List.of());
        mvc.perform(post("/trials/" + trial.id() + "/information-sheets").with(csrf())
                .session(SignIn.as(mvc, SignIn.GM_COMMISSIONER)).param("version", "2.0")
                .param("datedDay", String.valueOf(today.minusYears(1).getDayOfMonth()))
                .param("datedMonth", String.valueOf(today.minusYears(1).getMonthValue()))
                .param("datedYear", String.valueOf(today.minusYears(1).getYear())))
                .andExpect(status().is3xxRedirection());
        return trial;
    }

    private static String path(long referral, Trial trial) {
        return "/referrals/" + referral + "/trials/" + trial.id() + "/randomise";
    }

    private MockHttpServletRequestBuilder consenting(long referral, Trial trial, MockHttpSession session,
            LocalDate on) {
        return post(path(referral, trial)).with(csrf()).session(session).param("eligible", "yes")
                .param("consented", "yes").param("sheetVersion", "2.0")
                .param("consentedOnDay", String.valueOf(on.getDayOfMonth()))
                .param("consentedOnMonth", String.valueOf(on.getMonthValue()))
                .param("consentedOnYear", String.valueOf(on.getYear()));
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long audits(String action, String type, long id) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND record_type = ? AND record_id = ?")
                .params(action, type, String.valueOf(id)).query(Long.class).single();
    }

    private String referralStatus(long referral) {
        return jdbc.sql("SELECT status FROM referral WHERE id = ?").param(referral).query(String.class).single();
    }

    @Test
    void anIneligiblePersonIsExcludedOnceWithTheReasonAndIsNotThenRandomised() throws Exception {
        Trial trial = trial();
        long referral = fixtures.buryReferral();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        String missing = body(post(path(referral, trial)).with(csrf()).session(coach).param("eligible", "other"));
        assertThat(missing).contains("Enter why they cannot be randomised");
        String tooLong = body(post(path(referral, trial)).with(csrf()).session(coach).param("eligible", "no")
                .param("detail", "x".repeat(501)));
        assertThat(tooLong).contains("500 characters or fewer");
        String excluded = body(post(path(referral, trial)).with(csrf()).session(coach).param("eligible", "no")
                .param("detail", "Not in paid work or looking for it"));
        assertThat(excluded).contains("Not randomised").contains("Did not meet the eligibility criteria")
                .contains("Not in paid work or looking for it");
        long exclusion = jdbc.sql("SELECT id FROM trial_exclusion WHERE trial_id = ? AND unit_id = ?")
                .params(trial.id(), referral).query(Long.class).single();
        assertThat(audits("TRIAL_EXCLUSION", "trial_exclusion", exclusion)).isEqualTo(1);
        // Once per unit: neither a second exclusion nor a randomisation follows.
        body(post(path(referral, trial)).with(csrf()).session(coach).param("eligible", "yes").param("consented", "no"));
        body(consenting(referral, trial, coach, today));
        assertThat(jdbc.sql("SELECT reason FROM trial_exclusion WHERE trial_id = ? AND unit_id = ?")
                .params(trial.id(), referral).query(String.class).list()).containsExactly("NOT_ELIGIBLE");
        assertThat(randomiser.allocationOf(trial.id(), referral)).isEmpty();
        assertThat(consents.of(trial.code(), referral)).isEmpty();
        // A coded answer accepts only its codes.
        long another = fixtures.buryReferral();
        assertThat(body(post(path(another, trial)).with(csrf()).session(coach).param("eligible", "maybe")))
                .contains("Select whether the person meets the eligibility criteria");
        // Declining is an exclusion too, with its own reason.
        body(post(path(another, trial)).with(csrf()).session(coach).param("eligible", "yes").param("consented", "no"));
        assertThat(jdbc.sql("SELECT reason FROM trial_exclusion WHERE trial_id = ? AND unit_id = ?")
                .params(trial.id(), another).query(String.class).single()).isEqualTo("DECLINED");
    }

    @Test
    void consentIsRecordedWithTheSheetVersionAndDateTogetherWithTheAllocation() throws Exception {
        Trial trial = trial();
        long referral = fixtures.buryReferral();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        assertThat(body(consenting(referral, trial, coach, today.minusYears(2))))
                .contains("must be on or after").doesNotContain("Allocated to");
        assertThat(body(consenting(referral, trial, coach, today.plusDays(1))))
                .contains("must be today or in the past");
        assertThat(body(consenting(referral, trial, coach, today).param("sheetVersion", "9.9")))
                .contains("Select the version of the information sheet");
        assertThat(randomiser.allocationOf(trial.id(), referral)).isEmpty();
        assertThat(consents.of(trial.code(), referral)).isEmpty();

        assertThat(body(consenting(referral, trial, coach, today.minusDays(1)))).contains("Allocated to");
        ResearchConsent consent = consents.of(trial.code(), referral).orElseThrow();
        assertThat(consent.informationSheetVersion()).isEqualTo("2.0");
        assertThat(consent.consentedOn()).isEqualTo(today.minusDays(1));
        assertThat(audits("RESEARCH_CONSENT", "research_consent", consent.id())).isEqualTo(1);
        assertThat(randomiser.allocationOf(trial.id(), referral)).isPresent();
    }

    @Test
    void aControlAllocationClosesTheReferralAndRefusesAcceptanceWhileTreatmentGoesOnToAcceptance() throws Exception {
        Trial trial = trial();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        Long control = null;
        Long treatment = null;
        for (int i = 0; i < 40 && (control == null || treatment == null); i++) {
            long referral = fixtures.buryReferral();
            body(consenting(referral, trial, coach, today));
            Allocation allocation = randomiser.allocationOf(trial.id(), referral).orElseThrow();
            if (trial.arm(allocation.armCode()).control()) {
                control = control == null ? referral : control;
            } else {
                treatment = treatment == null ? referral : treatment;
            }
        }
        assertThat(control).isNotNull();
        assertThat(treatment).isNotNull();

        assertThat(referralStatus(control)).isEqualTo("TRIAL_CONTROL");
        String page = body(get("/referrals/" + control).session(coach));
        assertThat(page).contains("Allocated to the control arm").contains(trial.controlAction());
        var refused = mvc.perform(get("/referrals/" + control + "/accept").session(coach))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(String.valueOf(refused.getFlashMap().get("notice"))).contains("control arm")
                .contains("cannot be accepted");
        mvc.perform(post("/referrals/" + control + "/accept").with(csrf()).session(coach)
                .param("programmeId", String.valueOf(trial.programmeId()))).andExpect(status().is3xxRedirection());
        assertThat(referralStatus(control)).isEqualTo("TRIAL_CONTROL");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM support_case WHERE referral_id = ?").param(control)
                .query(Long.class).single()).isZero();
        // The triage queue shows it under its own status (it is no longer waiting for triage).
        String reference = jdbc.sql("SELECT reference FROM referral WHERE id = ?").param(control)
                .query(String.class).single();
        assertThat(body(get("/triage").param("q", reference).session(coach))).doesNotContain(reference + "<");
        assertThat(body(get("/triage").param("status", "TRIAL_CONTROL").param("q", reference).session(coach)))
                .contains(reference).contains("Allocated to the control arm");

        assertThat(referralStatus(treatment)).isIn("RECEIVED", "IN_TRIAGE");
        assertThat(body(get("/referrals/" + treatment).session(coach))).contains("allocated to "
                + trial.arms().stream().filter(a -> !a.control()).findFirst().orElseThrow().name());
        mvc.perform(get("/referrals/" + treatment + "/accept").param("programmeId",
                String.valueOf(trial.programmeId())).session(coach)).andExpect(status().isOk());
    }

    @Test
    void informationSheetsAreAddedByTheTrialsCommissionersOnly() throws Exception {
        Trial trial = trial();
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        String sheets = "/trials/" + trial.id() + "/information-sheets";
        assertThat(body(post(sheets).with(csrf()).session(gm).param("version", "2.0").param("datedDay", "1")
                .param("datedMonth", "1").param("datedYear", "2025"))).contains("Version 2.0 is already recorded");
        assertThat(body(post(sheets).with(csrf()).session(gm).param("version", "v".repeat(21))))
                .contains("20 characters or fewer").contains("Enter the date of the information sheet");
        assertThat(body(get("/trials/" + trial.id()).session(gm))).contains("Version 2.0, dated");
        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        mvc.perform(get(sheets).session(wmca)).andExpect(status().isNotFound());
        mvc.perform(post(sheets).with(csrf()).session(wmca).param("version", "3.0").param("datedDay", "1")
                .param("datedMonth", "1").param("datedYear", "2025")).andExpect(status().isNotFound());
        mvc.perform(get(sheets).session(SignIn.as(mvc, SignIn.BURY_COACH))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM research_information_sheet WHERE study_code = ?")
                .param(trial.code()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMistakenRandomisationIsMarkedWithItsReasonAndStays() throws Exception {
        Trial trial = trial();
        long referral = fixtures.buryReferral();
        body(consenting(referral, trial, SignIn.as(mvc, SignIn.BURY_COACH), today));
        Allocation allocation = randomiser.allocationOf(trial.id(), referral).orElseThrow();
        String page = "/trials/" + trial.id() + "/allocations/" + allocation.id() + "/in-error";
        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        mvc.perform(get(page).session(wmca)).andExpect(status().isNotFound());
        mvc.perform(post(page).with(csrf()).session(wmca).param("reason", "Wrong person"))
                .andExpect(status().isNotFound());
        mvc.perform(get(page).session(SignIn.as(mvc, SignIn.BURY_COACH))).andExpect(status().isNotFound());
        // Another trial's allocation id in this trial's address is not found either.
        Trial other = trial();
        mvc.perform(get("/trials/" + other.id() + "/allocations/" + allocation.id() + "/in-error")
                .session(SignIn.as(mvc, SignIn.GM_COMMISSIONER))).andExpect(status().isNotFound());

        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        assertThat(body(get(page).session(gm))).contains("Mark randomised in error");
        assertThat(body(post(page).with(csrf()).session(gm).param("reason", " ")))
                .contains("Enter why the randomisation was a mistake");
        assertThat(body(post(page).with(csrf()).session(gm).param("reason", "r".repeat(501))))
                .contains("500 characters or fewer");
        mvc.perform(post(page).with(csrf()).session(gm).param("reason", "Randomised before the GP confirmed the "
                + "diagnosis")).andExpect(status().is3xxRedirection());
        Allocation marked = randomiser.allocationOf(trial.id(), referral).orElseThrow();
        assertThat(marked.inError()).isTrue();
        assertThat(marked.armCode()).isEqualTo(allocation.armCode());
        assertThat(audits("RANDOMISED_IN_ERROR", "trial_allocation", allocation.id())).isEqualTo(1);
        assertThat(body(get("/trials/" + trial.id() + "/allocations").session(gm))).contains("Randomised in error")
                .contains("Randomised before the GP confirmed the diagnosis");
    }

    @Test
    void researchConsentWithdrawalWidensNeverNarrowsAndIsKeptAsHistory() throws Exception {
        Trial trial = trial();
        long referral = fixtures.buryReferral();
        body(consenting(referral, trial, SignIn.as(mvc, SignIn.BURY_COACH), today.minusDays(10)));
        Allocation allocation = randomiser.allocationOf(trial.id(), referral).orElseThrow();
        String page = "/trials/" + trial.id() + "/allocations/" + allocation.id() + "/research-consent";
        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        mvc.perform(get(page).session(wmca)).andExpect(status().isNotFound());
        mvc.perform(post(page).with(csrf()).session(wmca).param("scope", "CONTACT")).andExpect(status().isNotFound());
        mvc.perform(get(page).session(SignIn.as(mvc, SignIn.BURY_COACH))).andExpect(status().isNotFound());

        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        long consentId = consents.of(trial.code(), referral).orElseThrow().id();
        assertThat(body(get(page).session(gm))).contains("2.0").contains("Given");
        assertThat(audits("VIEW", "research_consent", consentId)).isEqualTo(1);
        assertThat(body(post(page).with(csrf()).session(gm).param("withdrawnOnDay", "1")
                .param("withdrawnOnMonth", "1").param("withdrawnOnYear", String.valueOf(today.getYear() - 1))))
                .contains("Select what the withdrawal covers").contains("when consent was given");

        LocalDate first = today.minusDays(5);
        mvc.perform(withdrawal(page, gm, first, "CONTACT")).andExpect(status().is3xxRedirection());
        ResearchConsent afterFirst = consents.of(trial.code(), referral).orElseThrow();
        assertThat(afterFirst.noContact()).isTrue();
        assertThat(afterFirst.noFurtherData()).isFalse();
        assertThat(afterFirst.mayUseDataFrom(today)).isTrue();
        // The same again adds nothing; a later withdrawal cannot be dated before the last one.
        assertThat(body(withdrawal(page, gm, today, "CONTACT"))).contains("already withdrawn");
        assertThat(body(withdrawal(page, gm, first.minusDays(1), "FURTHER_DATA"))).contains("the last withdrawal");
        // Widening to "do not use data already collected" implies the other two.
        mvc.perform(withdrawal(page, gm, today, "COLLECTED_DATA")).andExpect(status().is3xxRedirection());
        ResearchConsent widest = consents.of(trial.code(), referral).orElseThrow();
        assertThat(widest.noContact() && widest.noFurtherData() && widest.noCollectedData()).isTrue();
        assertThat(widest.mayUseDataFrom(first.minusDays(1))).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM research_consent_withdrawal WHERE consent_id = ?")
                .param(consentId).query(Long.class).single()).isEqualTo(2);
        assertThat(audits("RESEARCH_CONSENT_WITHDRAWN", "research_consent", consentId)).isEqualTo(2);
        assertThat(body(get(page).session(gm))).contains("Withdrawals, oldest first")
                .doesNotContain("If they withdraw further");
        assertThat(body(get("/trials/" + trial.id() + "/allocations").session(gm))).contains("Withdrawn");
        // Narrowing is refused by the service too, not only by the page.
        assertThat(body(withdrawal(page, gm, today, "CONTACT"))).contains("cannot narrow");
    }

    private MockHttpServletRequestBuilder withdrawal(String page, MockHttpSession session, LocalDate on,
            String... scope) {
        return post(page).with(csrf()).session(session).param("withdrawnOnDay", String.valueOf(on.getDayOfMonth()))
                .param("withdrawnOnMonth", String.valueOf(on.getMonthValue()))
                .param("withdrawnOnYear", String.valueOf(on.getYear())).param("scope", scope)
                .param("note", "Told the research nurse by phone");
    }
}

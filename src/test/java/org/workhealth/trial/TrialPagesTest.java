package org.workhealth.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
import org.workhealth.trial.internal.StratificationFactor;
import org.workhealth.trial.internal.Randomiser;

/** The set-up pages, the locked design, the triage link and the randomisation page, as people use them. */
@SpringBootTest
@AutoConfigureMockMvc
class TrialPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TrialFixtures fixtures;
    @Autowired
    Randomiser randomiser;
    @Autowired
    JdbcClient jdbc;

    private MockHttpServletRequestBuilder answers(long programmeId, String path, String code) {
        return answers(programmeId, path, code, java.util.Map.of());
    }

    /** The answers of a good trial, with {@code changes} in place of some. */
    private MockHttpServletRequestBuilder answers(long programmeId, String path, String code,
            java.util.Map<String, String> changes) {
        LocalDate today = LocalDate.now();
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("code", code);
        values.put("title", "IPS in primary care");
        values.put("unit", "PARTICIPANT");
        values.put("method", "PERMUTED_BLOCKS");
        values.put("armCode", "IPS");
        values.put("armName", "IPS");
        values.put("armWeight", "1");
        values.put("controlCode", "USUAL");
        values.put("controlName", "Usual care");
        values.put("controlWeight", "1");
        values.put("factors", "LOCALITY");
        values.put("probability", "0.8");
        values.put("startsOnDay", String.valueOf(today.getDayOfMonth()));
        values.put("startsOnMonth", String.valueOf(today.getMonthValue()));
        values.put("startsOnYear", String.valueOf(today.getYear()));
        values.put("endsOnDay", "31");
        values.put("endsOnMonth", "3");
        values.put("endsOnYear", String.valueOf(today.getYear() + 2));
        values.put("target", "300");
        values.put("viewers", "COMMISSIONER");
        values.put("controlAction", "Signposted to usual care");
        values.put("followUpWeeks", "12, 26, 52");
        values.putAll(changes);
        MockHttpServletRequestBuilder request = post("/programmes/" + programmeId + "/trials/" + path).with(csrf())
                .param("blockMultipliers", "1", "2", "3");
        values.forEach(request::param);
        return request;
    }

    @Test
    void aCommissionerChecksTheirAnswersAndSetsUpATrial() throws Exception {
        MockHttpSession session = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        long tiw = fixtures.thriveIntoWork();
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(get("/programmes/" + tiw + "/trials/new").session(session)).andExpect(status().isOk());
        String check = mvc.perform(answers(tiw, "new", code).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(check).contains("Check the trial before setting it up", "Usual care", "12, 26, 52");
        String location = mvc.perform(answers(tiw, "new/confirm", code).session(session))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/trials/");
        String page = mvc.perform(get(location).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("IPS in primary care", "See the allocations").doesNotContain("No unit has been");
        String allocations = mvc.perform(get(location + "/allocations").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(allocations).contains("No unit has been randomised yet");
    }

    @Test
    void badAnswersAreShownWithTheOtherAnswersKeptAndNothingSaved() throws Exception {
        MockHttpSession session = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        long tiw = fixtures.thriveIntoWork();
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        String page = mvc.perform(answers(tiw, "new/confirm", code, java.util.Map.of("armWeight", "0",
                        "factors", "SECTOR", "viewers", "ADMINISTRATOR", "followUpWeeks", "twelve",
                        "title", "x".repeat(201), "endsOnYear", String.valueOf(LocalDate.now().getYear() - 1)))
                        .session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is a problem", "a whole number from 1 to 10",
                "Select only factors recorded for the unit randomised", "Select who may see allocations from the list",
                "like 12, 26, 52", "Title must be 200 characters or fewer",
                "Recruitment end date must be on or after the start date", "Signposted to usual care");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM trial WHERE code = ?").param(code.toUpperCase()).query(Long.class)
                .single()).isZero();
    }

    @Test
    void anotherHubsCommissionerCannotSetUpOrOpenTheTrial() throws Exception {
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        long tiw = fixtures.thriveIntoWork();
        Trial trial = fixtures.trial(fixtures.user(SignIn.WMCA_COMMISSIONER), AllocationMethod.PERMUTED_BLOCKS, List.of());
        mvc.perform(get("/programmes/" + tiw + "/trials/new").session(gm)).andExpect(status().isNotFound());
        mvc.perform(answers(tiw, "new/confirm", "T-GM-X").session(gm)).andExpect(status().isNotFound());
        mvc.perform(get("/trials/" + trial.id()).session(gm)).andExpect(status().isNotFound());
        mvc.perform(get("/trials/" + trial.id() + "/edit").session(gm)).andExpect(status().isNotFound());
        mvc.perform(post("/trials/" + trial.id() + "/seed").with(csrf()).session(gm)).andExpect(status().isNotFound());
    }

    @Test
    void aTriagerRandomisesAReferralOnceAfterConfirmingEligibilityAndConsentAndTheDesignIsThenLocked()
            throws Exception {
        Trial trial = fixtures.trialOn("WW", fixtures.user(SignIn.GM_COMMISSIONER), AllocationMethod.PERMUTED_BLOCKS,
                List.of(StratificationFactor.LOCALITY));
        long referral = fixtures.buryReferral();
        MockHttpSession specialist = SignIn.as(mvc, SignIn.BURY_COACH);
        // The programme is chosen on the page: other tests may have given Bury programmes of their own.
        String triage = mvc.perform(get("/referrals/" + referral).param("programmeId",
                String.valueOf(trial.programmeId())).session(specialist)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(triage).contains("/trials/");
        String path = "/referrals/" + referral + "/trials/" + trial.id() + "/randomise";
        assertThat(mvc.perform(get(path).session(specialist)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Bury").contains("no information sheet").doesNotContain("Allocated to");
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        LocalDate today = LocalDate.now();
        mvc.perform(post("/trials/" + trial.id() + "/information-sheets").with(csrf()).session(gm)
                .param("version", "1.0").param("datedDay", "1").param("datedMonth", "1")
                .param("datedYear", String.valueOf(today.getYear() - 1))).andExpect(status().is3xxRedirection());
        String refused = mvc.perform(post(path).with(csrf()).param("eligible", "yes").session(specialist))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Select whether the person has given research consent");
        assertThat(randomiser.allocationOf(trial.id(), referral)).isEmpty();
        MockHttpServletRequestBuilder consenting = post(path).with(csrf()).param("eligible", "yes")
                .param("consented", "yes").param("sheetVersion", "1.0")
                .param("consentedOnDay", String.valueOf(today.getDayOfMonth()))
                .param("consentedOnMonth", String.valueOf(today.getMonthValue()))
                .param("consentedOnYear", String.valueOf(today.getYear())).session(specialist);
        String done = mvc.perform(consenting).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(done).contains("Allocated to");
        String arm = randomiser.allocationOf(trial.id(), referral).orElseThrow().armCode();
        mvc.perform(consenting).andExpect(status().isOk());
        assertThat(randomiser.allocationOf(trial.id(), referral).orElseThrow().armCode()).isEqualTo(arm);

        // Another provider's coach cannot reach the referral
        MockHttpSession oldham = SignIn.as(mvc, "coach@oldham.workhealth.example");
        mvc.perform(get(path).session(oldham)).andExpect(status().isNotFound());

        MockHttpSession wmca = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        String edit = mvc.perform(post("/trials/" + trial.id() + "/edit").with(csrf()).param("title", "Changed")
                .session(wmca)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(edit).contains("locked when the first unit was randomised");
        assertThat(mvc.perform(get("/trials/" + trial.id()).session(wmca)).andReturn().getResponse()
                .getContentAsString()).contains("IPS in primary care trial").doesNotContain("Changed");
    }
}

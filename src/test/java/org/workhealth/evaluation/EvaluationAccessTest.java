package org.workhealth.evaluation;

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

/** Who reaches an agreement: its owner's commissioners, and the evaluator's organisation while it is in force. */
@SpringBootTest
@AutoConfigureMockMvc
class EvaluationAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    EvaluationFixtures fixtures;
    @Autowired
    Agreements agreements;
    @Autowired
    JdbcClient jdbc;

    private Agreement agreement() {
        return fixtures.agreement(List.of(ExtractField.SEX), DateHandling.EXACT, 0, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31));
    }

    private void refusedEverywhere(MockHttpSession session, long id) throws Exception {
        String base = "/evaluation/agreements/" + id;
        for (String path : List.of(base, base + "/dictionary.csv", base + "/dictionary.do", base + "/dictionary.sps",
                base + "/new-version")) {
            mvc.perform(get(path).session(session)).andExpect(status().isNotFound());
        }
        mvc.perform(post(base + "/extract").with(csrf()).session(session)).andExpect(status().isNotFound());
        mvc.perform(post(base + "/aggregate").with(csrf()).session(session)).andExpect(status().isNotFound());
    }

    @Test
    void anotherHubsCommissionerAndOtherRolesAreTold404() throws Exception {
        Agreement agreement = agreement();
        refusedEverywhere(SignIn.as(mvc, SignIn.GM_COMMISSIONER), agreement.id());
        refusedEverywhere(SignIn.as(mvc, SignIn.BURY_MANAGER), agreement.id());
        refusedEverywhere(SignIn.as(mvc, "specialist@bchft.workhealth.example"), agreement.id());
        String list = mvc.perform(get("/evaluation").session(SignIn.as(mvc, SignIn.GM_COMMISSIONER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("/evaluation/agreements/" + agreement.id() + "\"");
        mvc.perform(get("/evaluation").session(SignIn.as(mvc, SignIn.BURY_COACH))).andExpect(status().isNotFound());
    }

    @Test
    void anEvaluatorOfAnotherOrganisationIsRefused() throws Exception {
        long shaw = jdbc.sql("SELECT id FROM organisation WHERE name = 'Shaw Trust'").query(Long.class).single();
        AgreementTerms terms = fixtures.terms(List.of(ExtractField.SEX), DateHandling.EXACT, 0,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        Agreement withShaw = agreements.create(fixtures.user(EvaluationFixtures.WMCA), new AgreementTerms(shaw,
                terms.title(), terms.purpose(), terms.legalBasis(), terms.programmeId(), null, terms.fields(),
                terms.dataFrom(), terms.dataTo(), terms.startsOn(), terms.endsOn(), terms.dateHandling(), 0, 5));
        MockHttpSession evaluator = SignIn.as(mvc, EvaluationFixtures.EVALUATOR);
        refusedEverywhere(evaluator, withShaw.id());
        assertThat(mvc.perform(get("/evaluation").session(evaluator)).andReturn().getResponse()
                .getContentAsString()).doesNotContain("/evaluation/agreements/" + withShaw.id() + "\"");
    }

    @Test
    void anAgreementOutOfForceOrSupersededIsNoLongerTheEvaluators() throws Exception {
        Agreement expired = agreement();
        jdbc.sql("UPDATE evaluation_agreement SET starts_on = ?, ends_on = ? WHERE id = ?")
                .params(LocalDate.now().minusYears(2), LocalDate.now().minusDays(1), expired.id()).update();
        MockHttpSession evaluator = SignIn.as(mvc, EvaluationFixtures.EVALUATOR);
        refusedEverywhere(evaluator, expired.id());
        Agreement current = agreement();
        mvc.perform(get("/evaluation/agreements/" + current.id()).session(evaluator)).andExpect(status().isOk());
        Agreement next = agreements.newVersion(fixtures.user(EvaluationFixtures.WMCA), current.id(),
                fixtures.terms(List.of(ExtractField.AGE_BAND), DateHandling.EXACT, 0, LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 12, 31)));
        refusedEverywhere(evaluator, current.id());
        mvc.perform(post("/evaluation/agreements/" + next.id() + "/extract").with(csrf()).session(evaluator))
                .andExpect(status().isOk());
        // The owner's commissioner still sees the superseded version and its log, but cannot change it again.
        MockHttpSession commissioner = SignIn.as(mvc, EvaluationFixtures.WMCA);
        mvc.perform(get("/evaluation/agreements/" + current.id()).session(commissioner)).andExpect(status().isOk());
        mvc.perform(get("/evaluation/agreements/" + current.id() + "/new-version").session(commissioner))
                .andExpect(status().isNotFound());
    }

    @Test
    void commissionersMayNotDownloadExtractsThemselves() throws Exception {
        Agreement agreement = agreement();
        MockHttpSession commissioner = SignIn.as(mvc, EvaluationFixtures.WMCA);
        mvc.perform(get("/evaluation/agreements/" + agreement.id()).session(commissioner)).andExpect(status().isOk());
        mvc.perform(post("/evaluation/agreements/" + agreement.id() + "/extract").with(csrf()).session(commissioner))
                .andExpect(status().isNotFound());
    }

    private MockHttpServletRequestBuilder answers(String path, java.util.Map<String, String> changes) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("evaluator", String.valueOf(fixtures.university()));
        values.put("title", "Thrive into Work evaluation");
        values.put("purpose", "Process and impact evaluation");
        values.put("legalBasis", "PUBLIC_TASK");
        values.put("programme", String.valueOf(fixtures.programme()));
        values.put("trial", "");
        values.put("dataFromDay", "1");
        values.put("dataFromMonth", "4");
        values.put("dataFromYear", "2024");
        values.put("dataToDay", "31");
        values.put("dataToMonth", "3");
        values.put("dataToYear", "2026");
        values.put("startsOnDay", "1");
        values.put("startsOnMonth", "1");
        values.put("startsOnYear", "2025");
        values.put("endsOnDay", "31");
        values.put("endsOnMonth", "12");
        values.put("endsOnYear", String.valueOf(LocalDate.now().getYear() + 2));
        values.put("dateHandling", "SHIFTED");
        values.put("shiftDays", "14");
        values.put("threshold", "10");
        values.putAll(changes);
        MockHttpServletRequestBuilder request = post(path).with(csrf()).param("fields", "SEX", "AGE_BAND");
        values.forEach(request::param);
        return request;
    }

    @Test
    void aCommissionerRecordsAnAgreementThroughCheckAnswersAndBadAnswersAreRefusedWithAnswersKept() throws Exception {
        MockHttpSession commissioner = SignIn.as(mvc, EvaluationFixtures.WMCA);
        mvc.perform(get("/evaluation/agreements/new").session(commissioner)).andExpect(status().isOk());
        String check = mvc.perform(answers("/evaluation/agreements/new", java.util.Map.of()).session(commissioner))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(check).contains("Check the agreement before recording it").contains("University of Warwick");
        String bad = mvc.perform(answers("/evaluation/agreements/new", java.util.Map.of("purpose", "x".repeat(501),
                "evaluator", "999999", "dateHandling", "SHIFTED", "shiftDays", "0", "threshold", "2"))
                .session(commissioner)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("Purpose must be 500 characters or fewer").contains("Select the evaluator")
                .contains("Enter the largest shift").contains("small-cell threshold").contains("Thrive into Work evaluation");
        // A trial field without a trial, and a field that is not a code
        String noTrial = mvc.perform(answers("/evaluation/agreements/new", java.util.Map.of()).param("fields",
                "TRIAL_ARM", "NAME").session(commissioner)).andReturn().getResponse().getContentAsString();
        assertThat(noTrial).contains("There is a problem");
        // Another hub's organisation cannot be named the evaluator by editing the form
        long gmLocality = jdbc.sql("SELECT id FROM organisation WHERE name = 'Bury'").query(Long.class).single();
        String otherHub = mvc.perform(answers("/evaluation/agreements/new/confirm", java.util.Map.of("evaluator",
                String.valueOf(gmLocality))).session(commissioner)).andReturn().getResponse().getContentAsString();
        assertThat(otherHub).contains("Select the evaluator");
        String redirect = mvc.perform(answers("/evaluation/agreements/new/confirm", java.util.Map.of())
                .session(commissioner)).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(redirect.substring(redirect.lastIndexOf('/') + 1));
        Agreement made = agreements.visible(fixtures.user(EvaluationFixtures.WMCA), id);
        assertThat(made.fields()).containsExactly(ExtractField.AGE_BAND, ExtractField.SEX);
        assertThat(made.dateHandling()).isEqualTo(DateHandling.SHIFTED);
        assertThat(made.shiftDays()).isEqualTo(14);
        assertThat(made.smallCellThreshold()).isEqualTo(10);
        mvc.perform(answers("/evaluation/agreements/new/confirm", java.util.Map.of())
                .session(SignIn.as(mvc, SignIn.BURY_MANAGER))).andExpect(status().isNotFound());
    }
}

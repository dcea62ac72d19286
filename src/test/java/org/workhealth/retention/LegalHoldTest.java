package org.workhealth.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.casework.Casework;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.internal.ReferralIntake;

/** A legal hold on a case: set and lifted with a reason by a manager or commissioner over the case, and no one else. */
@SpringBootTest
@AutoConfigureMockMvc
class LegalHoldTest {

    private final MockMvc mvc;
    private final RetentionTestCases cases;

    @Autowired
    LegalHoldTest(MockMvc mvc, JdbcClient jdbc, ReferralIntake intake, Programmes programmes,
            Organisations organisations, Casework casework) {
        this.mvc = mvc;
        this.cases = new RetentionTestCases(jdbc, intake, programmes, organisations, casework);
    }

    @Test
    void aProviderManagerSetsAHoldWithAReasonThatTheCasePageShowsAndACommissionerAboveLiftsIt() throws Exception {
        RetentionTestCases.TestCase testCase = cases.openCase(RetentionTestCases.BURY, SignIn.BURY_COACH);
        String path = "/cases/" + testCase.caseId() + "/legal-hold";
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);

        Document empty = Jsoup.parse(mvc.perform(post(path).param("reason", "  ").session(manager).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(empty.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter why the case is being held");
        mvc.perform(post(path).param("reason", "x".repeat(501)).session(manager).with(csrf()))
                .andExpect(status().isOk());
        assertThat(holds(testCase)).isZero();

        mvc.perform(post(path).param("reason", "Employment tribunal claim").session(manager).with(csrf()))
                .andExpect(redirectedUrl(path));
        assertThat(holds(testCase)).isOne();
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE action = 'LEGAL_HOLD' AND record_type = 'case' "
                + "AND record_id = ?", String.valueOf(testCase.caseId()))).isOne();
        // Pressing again does not set a second hold.
        mvc.perform(post(path).param("reason", "Again").session(manager).with(csrf())).andExpect(redirectedUrl(path));
        assertThat(holds(testCase)).isOne();

        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        Document casePage = page(coach, "/cases/" + testCase.caseId());
        assertThat(casePage.select(".govuk-summary-list").text())
                .contains("Legal hold In force: Employment tribunal claim");
        Document holdPage = page(coach, path);
        assertThat(holdPage.select(".govuk-warning-text").text()).contains("Employment tribunal claim");
        assertThat(holdPage.select("main form")).as("a practitioner cannot lift it").isEmpty();
        mvc.perform(post(path + "/lift").param("reason", "Mine").session(coach).with(csrf()))
                .andExpect(status().isNotFound());

        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        mvc.perform(post(path + "/lift").param("reason", "Claim withdrawn").session(gm).with(csrf()))
                .andExpect(redirectedUrl(path));
        assertThat(holds(testCase)).isZero();
        assertThat(page(manager, path).select("#holds").text()).contains("Employment tribunal claim",
                "Claim withdrawn");
    }

    @Test
    void anotherOrganisationsManagerOrCommissionerCannotSetLiftOrSeeAHold() throws Exception {
        RetentionTestCases.TestCase testCase = cases.openCase(RetentionTestCases.BURY, SignIn.BURY_COACH);
        String path = "/cases/" + testCase.caseId() + "/legal-hold";
        for (String email : new String[] {"manager@oldham.workhealth.example", SignIn.WMCA_COMMISSIONER,
                "manager@bchft.workhealth.example", SignIn.GM_ADMIN}) {
            MockHttpSession session = SignIn.as(mvc, email);
            mvc.perform(get(path).session(session)).andExpect(status().isNotFound());
            mvc.perform(post(path).param("reason", "Not mine").session(session).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        assertThat(holds(testCase)).isZero();

        mvc.perform(post(path).param("reason", "Complaint").session(SignIn.as(mvc, SignIn.BURY_MANAGER))
                .with(csrf())).andExpect(redirectedUrl(path));
        mvc.perform(post(path + "/lift").param("reason", "Not mine")
                .session(SignIn.as(mvc, "manager@oldham.workhealth.example")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(holds(testCase)).isOne();
    }

    private int holds(RetentionTestCases.TestCase testCase) {
        return cases.count("SELECT COUNT(*) FROM case_legal_hold WHERE case_id = ? AND lifted_at IS NULL",
                testCase.caseId());
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}

package org.workhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workhealth.SignIn;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralSource;

/** Correcting a referral's contact details, GP practice, fit note and equality answers, with a reason, audited. */
@SpringBootTest
@AutoConfigureMockMvc
class ReferralCorrectionTest {

    private final MockMvc mvc;
    private final ReferralIntake intake;
    private final JdbcClient jdbc;

    @Autowired
    ReferralCorrectionTest(MockMvc mvc, ReferralIntake intake, JdbcClient jdbc) {
        this.mvc = mvc;
        this.intake = intake;
        this.jdbc = jdbc;
    }

    @Test
    void theCoachCorrectsAnswersAndEachChangeIsAuditedWithItsOldAndNewValue() throws Exception {
        long id = refer();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        Document form = page(mvc.perform(get("/referrals/" + id + "/correct").session(coach))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(form.select("h1").text()).isEqualTo("Correct the referral");
        assertThat(form.select("input[name=phone]").val()).isEqualTo("07700900321");
        assertThat(form.select("input[name=postcode]").val()).isEqualTo("BL9 0EJ");

        mvc.perform(valid(post("/referrals/" + id + "/correct").session(coach).with(csrf()), "phone", "07700 900 999")
                .param("gpPractice", "Townside Primary Care Centre")
                .param("hasFitNote", "yes").param("sex", "FEMALE").param("ethnicity", "White: Irish")
                .param("disability", "NO").param("reason", "Phoned the person to check"))
                .andExpect(redirectedUrl("/referrals/" + id));

        assertThat(jdbc.sql("SELECT phone, gp_practice, has_fit_note, sex, ethnicity, disability FROM referral "
                + "WHERE id = ?").param(id).query((rs, n) -> List.of(rs.getString(1), rs.getString(2),
                        String.valueOf(rs.getBoolean(3)), rs.getString(4), rs.getString(5), rs.getString(6))).single())
                .containsExactly("07700900999", "Townside Primary Care Centre", "true", "FEMALE", "White: Irish", "NO");
        List<String> audited = jdbc.sql("SELECT detail FROM audit_event WHERE action = 'CORRECT' AND record_type = "
                + "'referral' AND record_id = ? ORDER BY id").param(String.valueOf(id)).query(String.class).list();
        assertThat(audited).hasSize(6);
        assertThat(audited.get(0)).isEqualTo("Phone: \"07700900321\" → \"07700900999\". Reason: Phoned the person to check");
        assertThat(audited).anySatisfy(d -> assertThat(d).startsWith("Ethnic group: (none) → \"White: Irish\""));
        Document page = page(mvc.perform(get("/referrals/" + id).session(coach)).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.select("#timeline + ol, .app-timeline").text()).contains("Answers corrected",
                "Phoned the person to check");
    }

    @Test
    void codedAnswersTakeOnlyCodesTextHasItsLimitAndNothingIsSavedOnAnError() throws Exception {
        long id = refer();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        Document error = page(mvc.perform(valid(post("/referrals/" + id + "/correct").session(coach).with(csrf()),
                "phone", "07700 900 888", "town", "x".repeat(101)).param("sex", "UNKNOWN").param("ethnicity", "Martian")
                .param("addressLine2", "Flat\u00002").param("reason", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(error.title()).startsWith("Error: ");
        assertThat(error.select(".govuk-error-summary a").eachText()).contains("Select their sex",
                "Select an ethnic group from the list", "Town or city must be 100 characters or fewer",
                "Enter why the referral is being corrected");
        assertThat(error.select("input[name=phone]").val()).isEqualTo("07700 900 888");
        // Control characters are stripped as every form is bound (docs/security.md#input-handling).
        assertThat(error.select("input[name=addressLine2]").val()).isEqualTo("Flat2");
        assertThat(jdbc.sql("SELECT phone FROM referral WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("07700900321");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'CORRECT' AND record_id = ?")
                .param(String.valueOf(id)).query(Integer.class).single()).isZero();
    }

    @Test
    void someoneWhoMayNotTriageTheReferralCannotCorrectIt() throws Exception {
        long id = refer();
        MockHttpSession specialist = SignIn.as(mvc, "specialist@bchft.workhealth.example");
        mvc.perform(get("/referrals/" + id + "/correct").session(specialist)).andExpect(status().isNotFound());
        mvc.perform(valid(post("/referrals/" + id + "/correct").session(specialist).with(csrf()))
                .param("reason", "Not mine")).andExpect(status().isNotFound());
        MockHttpSession evaluator = SignIn.as(mvc, "evaluator@workhealth.example");
        mvc.perform(get("/referrals/" + id + "/correct").session(evaluator)).andExpect(status().isNotFound());
    }

    /** The referral's answers as they stand, so that only what a test adds changes. */
    private static MockHttpServletRequestBuilder valid(MockHttpServletRequestBuilder request, String... changed) {
        java.util.Map<String, String> answers = new java.util.LinkedHashMap<>(java.util.Map.of("phone", "07700900321",
                "addressLine1", "5 Silver Street", "town", "Bury", "postcode", "BL9 0EJ", "contactPreference", "PHONE"));
        for (int i = 0; i < changed.length; i += 2) {
            answers.put(changed[i], changed[i + 1]);
        }
        answers.forEach(request::param);
        return request;
    }

    private long refer() {
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Riley",
                "Corrected" + UUID.randomUUID().toString().replaceAll("[^a-f]", ""), LocalDate.of(1985, 3, 3), null,
                "07700900321", null, "5 Silver Street", null, "Bury", "BL9 0EJ", ContactPreference.PHONE, null, null,
                null, EmploymentStatus.UNEMPLOYED, LocalDate.of(2026, 1, 5), null, null, null, true, false, false,
                "Anxiety", null, "Help to find work", true, false, null, null, null, null, null);
        return intake.submit(answers, ReferralSource.PUBLIC, null, null).id();
    }

    private static Document page(String html) {
        return Jsoup.parse(html);
    }
}

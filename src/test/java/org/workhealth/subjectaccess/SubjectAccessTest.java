package org.workhealth.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.casework.Casework;
import org.workhealth.referral.internal.ReferralIntake;

/**
 * A provider manager finds a person by NHS number or by surname and date of birth, sees everything held about them
 * and downloads it; nobody outside the organisations holding the records finds them, and every step is audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SubjectAccessTest {

    private static final String OLDHAM_MANAGER = "manager@oldham.workhealth.example";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ReferralIntake intake;
    private final Casework casework;

    private String nhsNumber;
    private String lastName;
    private long referralId;

    @Autowired
    SubjectAccessTest(MockMvc mvc, JdbcClient jdbc, ReferralIntake intake, Casework casework) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.intake = intake;
        this.casework = casework;
    }

    @BeforeEach
    void referAPersonWithACaseAtBury() {
        SubjectCases.Person person = new SubjectCases(jdbc, intake, casework).referWithACaseAtBury();
        referralId = person.referralId();
        lastName = person.lastName();
        nhsNumber = person.nhsNumber();
    }

    @Test
    void aManagerFindsThePersonAndDownloadsEverythingHeld() throws Exception {
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        // Typed as it is printed on letters, in groups of three, three and four.
        Document byNhs = Jsoup.parse(mvc.perform(get("/subject-access").session(manager).param("nhsNumber",
                nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(byNhs.select("#results tbody tr").eachText()).singleElement().asString()
                .contains("Robin " + lastName, "17 May 1979", nhsNumber, "Bury Council Live Well service");
        Document byName = page(manager, "/subject-access?lastName=" + lastName.toUpperCase()
                + "&bornDay=17&bornMonth=5&bornYear=1979");
        assertThat(byName.select("#results tbody tr")).hasSize(1);
        // Each search names the referrals it found.
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_event e JOIN audit_event_record r ON r.audit_event_id = e.id
                WHERE e.record_type = 'subject-access-search' AND r.record_type = 'referral' AND r.record_id = ?
                """).param(String.valueOf(referralId)).query(Long.class).single()).isEqualTo(2);

        Document file = page(manager, "/subject-access/" + referralId);
        assertThat(file.select("h1").text()).isEqualTo("Records held about Robin " + lastName);
        assertThat(file.select("h2").eachText()).contains("Referral", "Case", "Contact notes");
        assertThat(file.select(".govuk-summary-list").text()).contains("Talked about volunteering first",
                "Help to find work", "Low mood");
        assertThat(audits("subject-access", referralId)).isEqualTo(1);

        String json = mvc.perform(get("/subject-access/" + referralId + "/records.json").session(manager))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"title\":\"Referral\"", "\"first_name\":\"Robin\"",
                "\"date_of_birth\":\"1979-05-17\"", "Talked about volunteering first").doesNotContain("match_key");
        byte[] pdf = mvc.perform(get("/subject-access/" + referralId + "/records.pdf").session(manager))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf")).andReturn()
                .getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(audits("subject-access-pdf", referralId) + audits("subject-access-json", referralId)).isEqualTo(2);
    }

    @Test
    void theHubsCommissionerFindsThemTooButAnotherProviderNeverDoes() throws Exception {
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        assertThat(page(commissioner, "/subject-access?nhsNumber=" + nhsNumber).select("#results tbody tr"))
                .hasSize(1);

        MockHttpSession oldham = SignIn.as(mvc, OLDHAM_MANAGER);
        Document none = page(oldham, "/subject-access?nhsNumber=" + nhsNumber);
        assertThat(none.select("h2").text()).contains("No referrals found");
        assertThat(none.text()).doesNotContain(lastName);
        for (String path : new String[] {"", "/records.json", "/records.pdf"}) {
            mvc.perform(get("/subject-access/" + referralId + path).session(oldham)).andExpect(status().isNotFound());
        }
        assertThat(audits("subject-access-pdf", referralId) + audits("subject-access-json", referralId)).isZero();
        assertThat(audits("subject-access", referralId)).isZero();

        // Practitioners, referrers and administrators do not answer requests.
        for (String email : new String[] {SignIn.BURY_COACH, SignIn.GM_ADMIN, "referrer@townside.workhealth.example"}) {
            mvc.perform(get("/subject-access?nhsNumber=" + nhsNumber).session(SignIn.as(mvc, email)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/subject-access/" + referralId).session(SignIn.as(mvc, email)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void mistakesAreShownTheGovUkWay() throws Exception {
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        Document empty = page(manager, "/subject-access?nhsNumber=&lastName=");
        assertThat(empty.title()).startsWith("Error: ");
        assertThat(empty.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter an NHS number, or a last name and date of birth");
        Document shortNumber = page(manager, "/subject-access?nhsNumber=12345");
        assertThat(shortNumber.select(".govuk-error-summary a").eachText())
                .containsExactly("NHS number must be 10 digits, like 999 000 0018");
        assertThat(shortNumber.select("#nhsNumber").val()).isEqualTo("12345");
        Document badDate = page(manager, "/subject-access?lastName=" + lastName + "&bornDay=31&bornMonth=2&bornYear=1979");
        assertThat(badDate.select(".govuk-error-summary a").attr("href")).isEqualTo("#born-day");
        assertThat(badDate.select("#lastName").val()).isEqualTo(lastName);
        assertThat(badDate.select("#results")).isEmpty();
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private long audits(String recordType, long referral) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'VIEW' AND record_type = ? AND record_id = ?")
                .params(recordType, String.valueOf(referral)).query(Long.class).single();
    }
}

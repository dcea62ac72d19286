package org.workhealth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.workhealth.SignIn;
import org.workhealth.TestData;
import org.workhealth.api.internal.ApiClients;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Role;
import org.workhealth.performance.KpiRow;
import org.workhealth.performance.KpiTables;
import org.workhealth.programme.Programmes;
import org.workhealth.returns.ReturnWalkRecords;

import tools.jackson.databind.json.JsonMapper;

/** What a system calling /api/v1 gets: its own organisation's referrals, figures and returns, and problems otherwise. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiEndpointsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiClients clients;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Programmes programmes;
    @Autowired
    KpiTables tables;
    @Autowired
    ApplicationContext context;

    private String token(long organisationId, ApiScope... scopes) {
        return "Bearer " + clients.create(new ApiClients.NewClient("Test " + TestData.letters(5), organisationId,
                Set.of(scopes), TestData.today().plusMonths(6)), data.personId(SignIn.GM_ADMIN)).token();
    }

    private static String referral(String lastName) {
        return JsonMapper.shared().writeValueAsString(Map.ofEntries(Map.entry("referrerName", "Dr Helen Clarke"),
                Map.entry("referrerContact", "referrer@townside.workhealth.example"), Map.entry("personAgrees", true),
                Map.entry("firstName", "Amira"), Map.entry("lastName", lastName),
                Map.entry("dateOfBirth", "1984-02-02"), Map.entry("phone", "07700900123"),
                Map.entry("addressLine1", "7 Bank Street"), Map.entry("town", "Bury"),
                Map.entry("postcode", "BL9 0EJ"), Map.entry("contactPreference", "PHONE"),
                Map.entry("employmentStatus", "UNEMPLOYED"),
                Map.entry("unemployedSince", TestData.today().minusWeeks(10).toString()),
                Map.entry("mentalHealth", true), Map.entry("waitingForTreatment", "NO"),
                Map.entry("consentToContact", true)));
    }

    private ResultActions send(String token, String body, String key) throws Exception {
        var request = post("/api/v1/referrals").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return mvc.perform(key == null ? request : request.header("Idempotency-Key", key));
    }

    @Test
    void aReferralIsReceivedOnceForARepeatedKeyAndItsSenderReadsItsStatus() throws Exception {
        long practice = data.org("Townside Primary Care Centre");
        String writer = token(practice, ApiScope.REFERRALS_WRITE, ApiScope.REFERRALS_READ);
        String key = UUID.randomUUID().toString();
        String body = referral("Api" + TestData.letters(6));

        String created = send(writer, body, key).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.receivedAt").isNotEmpty())
                .andExpect(jsonPath("$.responseDueAt").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        String reference = JsonMapper.shared().readTree(created).get("reference").asString();
        send(writer, body, key).andExpect(status().isOk())
                .andExpect(header().string("Location", "/api/v1/referrals/" + reference))
                .andExpect(jsonPath("$.reference").value(reference));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral WHERE reference = ?").param(reference)
                .query(Integer.class).single()).isOne();

        mvc.perform(get("/api/v1/referrals/" + reference).header("Authorization", writer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.statusLabel").value("Received"))
                .andExpect(jsonPath("$.firstName").doesNotExist());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'VIEW' AND record_type = 'referral' "
                + "AND actor_email LIKE 'api-client:%' AND record_id = (SELECT CAST(id AS VARCHAR(20)) FROM referral "
                + "WHERE reference = ?)").param(reference).query(Integer.class).single()).isOne();

        String otherOrganisation = token(data.buryLiveWell(), ApiScope.REFERRALS_READ);
        mvc.perform(get("/api/v1/referrals/" + reference).header("Authorization", otherOrganisation))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/referrals/NOPE-NOPE").header("Authorization", writer))
                .andExpect(status().isNotFound());
    }

    @Test
    void aReferralBreakingTheFormsRulesIsRefusedWithEachFieldsProblem() throws Exception {
        String writer = token(data.org("Townside Primary Care Centre"), ApiScope.REFERRALS_WRITE);
        String bad = referral("Api" + TestData.letters(6)).replace("\"BL9 0EJ\"", "\"NOT A POSTCODE\"")
                .replace("\"consentToContact\":true", "\"consentToContact\":false")
                .replace("\"Amira\"", "\"Am\\u0007ira\"");

        send(writer, bad, null).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("firstName")));
        send(writer, bad.replace("\"Am\\u0007ira\"", "\"Amira\""), null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("postcode")))
                .andExpect(jsonPath("$.errors[*].message")
                        .value(hasItem("You must agree that the service can contact the person and use their "
                                + "information")));
        send(writer, bad.replace("\"UNEMPLOYED\"", "\"RETIRED\""), null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("employmentStatus")));
        send(writer, "{\"firstName\": ", null).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/referrals").header("Authorization", writer).contentType(MediaType.TEXT_PLAIN)
                .content("hello")).andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/v1/referrals").header("Authorization", writer).accept(MediaType.TEXT_HTML))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(get("/api/v1/nothing-here").header("Authorization", writer).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
    }

    /** MockMvc does not forward a sent error to /error as the servlet container does: ask /error as it would. */
    @Test
    void errorsSentForAnApiPathAreProblemDetailsEvenToABrowser() throws Exception {
        for (int code : new int[] {404, 405, 415, 500}) {
            mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
                    .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, code)
                    .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/referrals"))
                    .andExpect(status().is(code))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(code))
                    .andExpect(jsonPath("$.instance").value("/api/v1/referrals"));
        }
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 404)
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/cases/1"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    @Test
    void eachEndpointNeedsAToken() throws Exception {
        for (String path : List.of("/api/v1/referrals/ABCD-EFGH", "/api/v1/kpis?programme=WW&quarter=2025-Q1",
                "/api/v1/national-returns")) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/api/v1/referrals").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aClientWithoutTheScopeIsToldWhichScopeItLacks() throws Exception {
        String figuresOnly = token(data.buryLiveWell(), ApiScope.FIGURES_READ);
        send(figuresOnly, referral("Scope" + TestData.letters(5)), null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("This client does not have the scope referrals.write."));
        mvc.perform(get("/api/v1/referrals/ABCD-EFGH").header("Authorization", figuresOnly))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value(
                        "This client does not have the scope referrals.read."));
        mvc.perform(get("/api/v1/national-returns").header("Authorization", figuresOnly))
                .andExpect(status().isForbidden());
        String referralsOnly = token(data.buryLiveWell(), ApiScope.REFERRALS_READ);
        mvc.perform(get("/api/v1/kpis?programme=WW&quarter=2025-Q1").header("Authorization", referralsOnly))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("This client does not have the scope figures.read."));
    }

    @Test
    void figuresAreThePagesFiguresForTheContractsInTheClientsScopeOnly() throws Exception {
        String bury = token(data.buryLiveWell(), ApiScope.FIGURES_READ);
        long buryContract = programmes.findContractByReference("WW-BURY-2024").orElseThrow().id();
        long oldhamContract = programmes.findContractByReference("WW-OLDHAM-2024").orElseThrow().id();

        String json = mvc.perform(get("/api/v1/kpis").param("programme", "WW").param("quarter", "2025-Q1")
                .header("Authorization", bury)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].contract").value(hasItem("WW-BURY-2024")))
                .andExpect(jsonPath("$[*].contract").value(not(hasItem("WW-OLDHAM-2024"))))
                .andExpect(jsonPath("$[0].quarter").value("2025-Q1"))
                .andReturn().getResponse().getContentAsString();

        CurrentUser manager = new CurrentUser(data.personId(SignIn.BURY_MANAGER), SignIn.BURY_MANAGER, "Manager",
                data.buryLiveWell(), TestData.BURY_LIVE_WELL, Set.of(Role.PROVIDER_MANAGER));
        List<KpiRow> page = tables.table(manager, data.programme("WW"), FinancialYear.of(2025), null, buryContract,
                tables.today()).rows();
        var rows = JsonMapper.shared().readTree(json);
        for (KpiRow row : page) {
            var apiRow = rows.valueStream().filter(r -> r.get("contract").asString().equals("WW-BURY-2024")
                    && r.get("kpi").asString().equals(row.code())).findFirst().orElseThrow();
            BigDecimal actual = row.quarters().get(0).actual();
            assertThat(apiRow.get("actual").isNull() ? null : apiRow.get("actual").decimalValue())
                    .as(row.code()).isEqualTo(actual);
        }

        mvc.perform(get("/api/v1/kpis").param("programme", "WW").param("quarter", "2025-Q1")
                .param("contract", String.valueOf(oldhamContract)).header("Authorization", bury))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/kpis").param("programme", "WW").param("quarter", "2025-Q5")
                .header("Authorization", bury)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quarter"));
        mvc.perform(get("/api/v1/kpis").param("programme", "WW").param("quarter", "2025-Q1")
                .param("contract", "abc").header("Authorization", bury)).andExpect(status().isBadRequest());
    }

    @Test
    void nationalReturnsAreForNationalClientsOnly() throws Exception {
        ReturnWalkRecords.Made made = ReturnWalkRecords.make(context);
        String national = token(data.org("Joint Work and Health Directorate (DWP and DHSC)"), ApiScope.RETURNS_READ);
        String hub = token(data.org("NHS Greater Manchester"), ApiScope.RETURNS_READ);

        mvc.perform(get("/api/v1/national-returns").param("programme", made.programme())
                .header("Authorization", national)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(made.sent()))
                .andExpect(jsonPath("$[0].quarter").value("2026-Q1"));
        mvc.perform(get("/api/v1/national-returns/" + made.sent()).header("Authorization", national))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].values.PARTICIPANT_ID").isNotEmpty())
                .andExpect(jsonPath("$.figures[*].kpi").value(hasItem("ENGAGED")));
        mvc.perform(get("/api/v1/national-returns/" + made.sent()).header("Authorization", hub))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/national-returns/" + made.reviewed()).header("Authorization", national))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'VIEW' AND record_type = 'data_return' "
                + "AND record_id = ? AND actor_email LIKE 'api-client:%'").param(String.valueOf(made.sent()))
                .query(Integer.class).single()).isOne();
    }

    @Test
    void theApiAnswersJsonNotYaml() throws Exception {
        String bury = token(data.buryLiveWell(), ApiScope.FIGURES_READ);
        mvc.perform(get("/api/v1/client").header("Authorization", bury).accept("application/yaml"))
                .andExpect(status().isNotAcceptable());
    }
}

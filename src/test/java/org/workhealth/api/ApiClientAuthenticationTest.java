package org.workhealth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.TestData;
import org.workhealth.api.internal.ApiClients;

/** A call proves which client made it with its token; anything else is refused with problem details. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiClientAuthenticationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiClients clients;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    private ApiClients.IssuedClient client(java.time.LocalDate expiresOn, ApiScope... scopes) {
        return clients.create(new ApiClients.NewClient("Bury reporting", data.buryLiveWell(), Set.of(scopes),
                expiresOn), data.personId(SignIn.GM_ADMIN));
    }

    @Test
    void aClientsTokenSaysWhichClientItIsAndNoSessionIsMade() throws Exception {
        ApiClients.IssuedClient issued = client(TestData.today().plusMonths(6), ApiScope.FIGURES_READ,
                ApiScope.REFERRALS_READ);

        var result = mvc.perform(get("/api/v1/client").header("Authorization", "Bearer " + issued.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.client").value(issued.clientKey()))
                .andExpect(jsonPath("$.organisationId").value(data.buryLiveWell()))
                .andExpect(jsonPath("$.scopes[0]").value("figures.read"))
                .andExpect(jsonPath("$.scopes[1]").value("referrals.read")).andReturn();

        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(jdbc.sql("SELECT secret_hash FROM api_client WHERE id = ?").param(issued.id()).query(String.class)
                .single()).as("only a hash of the secret is kept").hasSize(64)
                .isNotEqualTo(issued.token().substring(issued.token().indexOf('.') + 1));
    }

    @Test
    void aCallWithoutATokenIsRefusedAsProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/client").accept(MediaType.TEXT_HTML))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.instance").value("/api/v1/client"));
    }

    @Test
    void aWrongSecretAnUnknownKeyAndGarbageAreRefused() throws Exception {
        ApiClients.IssuedClient issued = client(TestData.today().plusMonths(6), ApiScope.FIGURES_READ);
        for (String token : new String[] {issued.clientKey() + ".wrong-secret", "whc_nosuchclient00." + "x".repeat(43),
                issued.clientKey(), "." + issued.token(), "x".repeat(500)}) {
            mvc.perform(get("/api/v1/client").header("Authorization", "Bearer " + token))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void anExpiredOrRevokedClientIsRefusedButOneExpiringTodayStillWorks() throws Exception {
        ApiClients.IssuedClient expired = client(TestData.today().minusDays(1), ApiScope.FIGURES_READ);
        ApiClients.IssuedClient lastDay = client(TestData.today(), ApiScope.FIGURES_READ);
        ApiClients.IssuedClient revoked = client(TestData.today().plusYears(1), ApiScope.FIGURES_READ);
        mvc.perform(get("/api/v1/client").header("Authorization", "Bearer " + revoked.token()))
                .andExpect(status().isOk());

        assertThat(clients.revoke(revoked.id(), data.personId(SignIn.GM_ADMIN))).isTrue();

        mvc.perform(get("/api/v1/client").header("Authorization", "Bearer " + expired.token()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/client").header("Authorization", "Bearer " + revoked.token()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/client").header("Authorization", "Bearer " + lastDay.token()))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'REVOKE' AND record_type = 'api_client' "
                + "AND record_id = ?").param(String.valueOf(revoked.id())).query(Integer.class).single()).isOne();
    }

    @Test
    void aStaffSessionDoesNotOpenTheApi() throws Exception {
        var session = SignIn.as(mvc, SignIn.GM_ADMIN);
        mvc.perform(get("/api/v1/client").session(session)).andExpect(status().isUnauthorized());
    }
}

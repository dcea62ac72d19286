package org.workhealth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.TestData;
import org.workhealth.api.internal.ApiClients;

/** A client that calls too often is told to wait, and for how long; another client is not held up by it. */
@SpringBootTest(properties = "workhealth.api.calls-per-minute=3")
@AutoConfigureMockMvc
class ApiRateLimitTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiClients clients;
    @Autowired
    TestData data;

    private String token() {
        return "Bearer " + clients.create(new ApiClients.NewClient("Busy " + TestData.letters(5), data.buryLiveWell(),
                Set.of(ApiScope.FIGURES_READ), TestData.today().plusMonths(1)), data.personId(SignIn.GM_ADMIN))
                .token();
    }

    @Test
    void aFourthCallInAMinuteIsRefusedWithRetryAfter() throws Exception {
        String busy = token();
        MockHttpServletResponse refused = null;
        // Eight calls span at most two minutes, so with 3 a minute at least one is refused whenever the minute turns.
        for (int call = 0; call < 8 && refused == null; call++) {
            MockHttpServletResponse response = mvc.perform(get("/api/v1/client").header("Authorization", busy))
                    .andReturn().getResponse();
            if (response.getStatus() == 429) {
                refused = response;
            } else {
                assertThat(response.getStatus()).isEqualTo(200);
            }
        }
        assertThat(refused).as("a call over the limit is refused").isNotNull();
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 61);
        assertThat(MediaType.parseMediaType(refused.getContentType())
                .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(refused.getContentAsString()).contains("\"status\":429");

        assertThat(mvc.perform(get("/api/v1/client").header("Authorization", token())).andReturn().getResponse()
                .getStatus()).as("another client").isEqualTo(200);
    }
}

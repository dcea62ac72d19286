package org.workhealth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document is open, is OpenAPI 3.1, and lists every endpoint with the scope it needs. */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDocumentTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theDocumentListsEveryEndpointWithItsScope() throws Exception {
        String body = mvc.perform(get("/api/v1/openapi.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode document = JsonMapper.shared().readTree(body);

        assertThat(document.get("openapi").asString()).startsWith("3.1");
        Map<String, String> scopes = Map.of(
                "get /api/v1/client", "",
                "post /api/v1/referrals", "referrals.write",
                "get /api/v1/referrals/{reference}", "referrals.read",
                "get /api/v1/kpis", "figures.read",
                "get /api/v1/national-returns", "returns.read",
                "get /api/v1/national-returns/{id}", "returns.read");
        List<String> listed = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> listed.add(operation.getKey() + " " + path.getKey())));
        assertThat(listed).as("only /api/v1, every endpoint").containsExactlyInAnyOrderElementsOf(scopes.keySet());
        scopes.forEach((operation, scope) -> {
            String[] parts = operation.split(" ");
            JsonNode security = document.get("paths").get(parts[1]).get(parts[0]).get("security");
            assertThat(security).as(operation).isNotNull();
            JsonNode bearer = security.get(0).get("bearer");
            assertThat(bearer).as(operation + " uses the bearer token").isNotNull();
            if (!scope.isEmpty()) {
                assertThat(bearer.get(0).asString()).as(operation).isEqualTo(scope);
            }
        });
        assertThat(document.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
        for (ApiScope scope : ApiScope.values()) {
            assertThat(document.get("components").get("securitySchemes").get("bearer").get("description")
                    .asString()).contains(scope.code());
        }
    }

    @Test
    void swaggerUiIsOpenAndTheYamlFormIsNot() throws Exception {
        mvc.perform(get("/api-docs")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.containsString("/swagger-ui/index.html")));
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/openapi.json.yaml")).andExpect(status().is4xxClientError());
    }
}

package org.workhealth.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;

@SpringBootTest
@AutoConfigureMockMvc
class OrganisationPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aHubAdministratorSeesTheirHubAndWhatIsBelowItOnly() throws Exception {
        MockHttpSession gmAdmin = SignIn.as(mvc, SignIn.GM_ADMIN);
        mvc.perform(get("/organisations").session(gmAdmin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("NHS Greater Manchester")))
                .andExpect(content().string(containsString("Bury Council Live Well service")))
                .andExpect(content().string(not(containsString("Shaw Trust"))))
                .andExpect(content().string(not(containsString("West Midlands Combined Authority"))));
        mvc.perform(get("/organisations/" + orgId("Shaw Trust")).session(gmAdmin)).andExpect(status().isNotFound());
        mvc.perform(get("/organisations/" + orgId("Shaw Trust") + "/edit").session(gmAdmin))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAdministratorAddsALocalityUnderTheirHub() throws Exception {
        MockHttpSession gmAdmin = SignIn.as(mvc, SignIn.GM_ADMIN);
        // A name of its own: the demo already has all ten Greater Manchester localities.
        String name = "New locality " + Long.toString(System.nanoTime(), 36);
        mvc.perform(post("/organisations/new").session(gmAdmin).with(csrf()).param("name", name)
                .param("typeCode", "LOCALITY").param("parentId", String.valueOf(orgId("NHS Greater Manchester")))
                .param("odsCode", "")).andExpect(status().is3xxRedirection());
        long locality = orgId(name);
        mvc.perform(get("/organisations/" + locality).session(gmAdmin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("NHS Greater Manchester")));
    }

    @Test
    void anOrganisationCannotBeMovedOutsideTheAdministratorsScopeOrBelowItself() throws Exception {
        MockHttpSession gmAdmin = SignIn.as(mvc, SignIn.GM_ADMIN);
        long bury = orgId("Bury");
        mvc.perform(post("/organisations/" + bury + "/edit").session(gmAdmin).with(csrf()).param("name", "Bury")
                .param("typeCode", "LOCALITY").param("parentId", String.valueOf(orgId("West Midlands Combined Authority"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/organisations/" + bury + "/edit").session(gmAdmin).with(csrf()).param("name", "Bury")
                .param("typeCode", "LOCALITY").param("parentId", String.valueOf(orgId("Bury Council Live Well service"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("An organisation cannot belong to itself or to one below it")));
        assertThat(jdbc.sql("SELECT parent_id FROM organisation WHERE id = ?").param(bury).query(Long.class).single())
                .isEqualTo(orgId("NHS Greater Manchester"));
    }

    @Test
    void missingAnswersAreReportedNextToTheirFields() throws Exception {
        MockHttpSession gmAdmin = SignIn.as(mvc, SignIn.GM_ADMIN);
        mvc.perform(post("/organisations/new").session(gmAdmin).with(csrf()).param("name", "")
                .param("typeCode", "").param("odsCode", "!!")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the organisation&#39;s name")))
                .andExpect(content().string(containsString("Select the type of organisation")))
                .andExpect(content().string(containsString("ODS code must be 3 to 10 letters or numbers")))
                .andExpect(content().string(containsString("href=\"#name\"")));
    }

    @Test
    void aPractitionerCannotManageOrganisations() throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(get("/organisations/new").session(coach)).andExpect(status().isNotFound());
        mvc.perform(post("/organisations/new").session(coach).with(csrf()).param("name", "Rogue")
                .param("typeCode", "TEAM").param("parentId", String.valueOf(orgId("Bury"))))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM organisation WHERE name = 'Rogue'").query(Integer.class).single())
                .isZero();
    }

    private long orgId(String name) {
        return jdbc.sql("SELECT id FROM organisation WHERE name = ?").param(name).query(Long.class).single();
    }
}

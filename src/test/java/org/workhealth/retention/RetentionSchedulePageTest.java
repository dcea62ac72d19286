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
import org.springframework.test.web.servlet.MvcResult;
import org.workhealth.SignIn;

/** The schedule page: every administrator sees it; only national administrators change it or start a run. */
@SpringBootTest
@AutoConfigureMockMvc
class RetentionSchedulePageTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    @Autowired
    RetentionSchedulePageTest(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    @Test
    void administratorsSeeTheScheduleButOnlyNationalAdministratorsChangeItOrRunIt() throws Exception {
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_ADMIN);
        Document page = page(gm, "/admin/retention");
        assertThat(page.select("#schedule tbody tr th").eachText()).containsExactly("Case files",
                "Referrals that did not become a case", "Uploaded referral files", "Audit log entries");
        assertThat(page.select("#schedule tbody tr td:nth-of-type(1)").eachText()).containsExactly(
                "6 years after the case closes", "1 year after the triage decision", "30 days after the upload",
                "7 years after the entry was written");
        assertThat(page.select("#schedule a")).isEmpty();
        assertThat(page.select("main form")).isEmpty();
        mvc.perform(get("/admin/retention/periods/CASE_FILE").session(gm)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/retention/periods/CASE_FILE").param("value", "1").param("unit", "DAYS").session(gm)
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/admin/retention/run").session(gm).with(csrf())).andExpect(status().isNotFound());
        for (String email : new String[] {SignIn.BURY_MANAGER, SignIn.BURY_COACH, SignIn.NATIONAL}) {
            mvc.perform(get("/admin/retention").session(SignIn.as(mvc, email))).andExpect(status().isNotFound());
        }
        assertThat(period("CASE_FILE")).isEqualTo("6 YEARS");
    }

    @Test
    void aNationalAdministratorChangesAPeriodAndStartsARun() throws Exception {
        MockHttpSession national = SignIn.as(mvc, SignIn.NATIONAL_ADMIN);
        try {
            Document form = page(national, "/admin/retention/periods/CASE_FILE");
            assertThat(form.select("h1").text()).isEqualTo("How long are case files kept?");
            assertThat(form.select("#value").val()).isEqualTo("6");
            Document invalid = Jsoup.parse(mvc.perform(post("/admin/retention/periods/CASE_FILE").param("value", "six")
                    .param("unit", "FORTNIGHTS").session(national).with(csrf())).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(invalid.select(".govuk-error-summary a").eachText()).containsExactly(
                    "Enter how long to keep them, as a whole number from 1", "Select days, months or years");
            assertThat(period("CASE_FILE")).isEqualTo("6 YEARS");

            mvc.perform(post("/admin/retention/periods/CASE_FILE").param("value", "8").param("unit", "YEARS")
                    .session(national).with(csrf())).andExpect(redirectedUrl("/admin/retention"));
            assertThat(period("CASE_FILE")).isEqualTo("8 YEARS");
            assertThat(page(national, "/admin/retention").select("#schedule tbody tr").first().text())
                    .contains("8 years after the case closes", " by ");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'retention-period' AND "
                    + "record_id = 'CASE_FILE' AND detail = 'From 6 years after the case closes to 8 years after the "
                    + "case closes'").query(Integer.class).single()).isOne();

            // Every period made so long that nothing is due, so that the run leaves other tests' records alone.
            jdbc.sql("UPDATE retention_period SET period_value = 100000, period_unit = 'DAYS'").update();
            MvcResult run = mvc.perform(post("/admin/retention/run").session(national).with(csrf()))
                    .andExpect(status().is3xxRedirection()).andReturn();
            Document report = page(national, run.getResponse().getRedirectedUrl());
            assertThat(report.select("#run").text()).contains("Started by hand");
            assertThat(report.select("#counts tbody tr")).hasSize(4);
        } finally {
            jdbc.sql("""
                    UPDATE retention_period SET period_value = CASE kind WHEN 'CASE_FILE' THEN 6
                        WHEN 'UNCONVERTED_REFERRAL' THEN 1 WHEN 'REFERRAL_UPLOAD' THEN 30 ELSE 7 END,
                      period_unit = CASE kind WHEN 'REFERRAL_UPLOAD' THEN 'DAYS' ELSE 'YEARS' END,
                      updated_at = NULL, updated_by = NULL
                    """).update();
        }
    }

    private String period(String kind) {
        return jdbc.sql("SELECT period_value || ' ' || period_unit FROM retention_period WHERE kind = ?").param(kind)
                .query(String.class).single();
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}

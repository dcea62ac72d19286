package org.workhealth.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;

/** Caseloads for provider managers: per practitioner against the cap, the in-work share, and reassigning. */
@SpringBootTest
@AutoConfigureMockMvc
class CaseloadsTest {

    private final MockMvc mvc;
    private final ViewsTestCases cases;

    @Autowired
    CaseloadsTest(MockMvc mvc, JdbcClient jdbc, Programmes programmes,
            Organisations organisations, Casework casework, People people) {
        this.mvc = mvc;
        this.cases = new ViewsTestCases(jdbc, programmes, organisations, casework, people);
    }

    @Test
    void theManagerSeesCaseloadsForTheirProviderOnly() throws Exception {
        Programme programme = cases.programme(SupportType.LOW_INTENSITY);
        ViewsTestCases.Staff coach = cases.practitioner(ViewsTestCases.BURY);
        ViewsTestCases.Staff blackCountry = cases.practitioner(ViewsTestCases.BCHFT);
        cases.open(programme, ViewsTestCases.BURY, coach.id(), "UNEMPLOYED");
        cases.open(programme, ViewsTestCases.BURY, coach.id(), "EMPLOYED");
        cases.open(programme, ViewsTestCases.BCHFT, blackCountry.id(), "UNEMPLOYED");

        Document manager = caseloads(SignIn.as(mvc, SignIn.BURY_MANAGER));
        assertThat(manager.select("h1").text()).isEqualTo("Caseloads");
        assertThat(rowsFor(manager, programme)).containsExactly(
                coach.fullName() + " " + ViewsTestCases.BURY + " " + programme.name() + " 2 No cap Not IPS");
        assertThat(manager.text()).doesNotContain(blackCountry.fullName());
        assertThat(manager.select("a[href=/caseloads?practitioner=" + coach.id() + "]").text())
                .isEqualTo(coach.fullName());

        // Commissioners see the figures for the providers below them, without the reassigning links.
        Document westMidlands = caseloads(SignIn.as(mvc, SignIn.WMCA_COMMISSIONER));
        assertThat(rowsFor(westMidlands, programme)).containsExactly(blackCountry.fullName() + " "
                + ViewsTestCases.BCHFT + " " + programme.name() + " 1 No cap Not IPS");
        assertThat(westMidlands.select("a[href^=/caseloads?practitioner=]")).isEmpty();
        assertThat(rowsFor(caseloads(SignIn.as(mvc, SignIn.GM_COMMISSIONER)), programme)).hasSize(1)
                .allMatch(row -> row.startsWith(coach.fullName()));

        // Practitioners, including another provider's, have no caseloads page.
        mvc.perform(get("/caseloads").session(SignIn.as(mvc, SignIn.BURY_COACH))).andExpect(status().isNotFound());
        mvc.perform(get("/caseloads").session(SignIn.as(mvc, ViewsTestCases.BCHFT_SPECIALIST)))
                .andExpect(status().isNotFound());
        // Nor does the manager see another provider's practitioner's cases.
        mvc.perform(get("/caseloads").param("practitioner", String.valueOf(blackCountry.id()))
                .session(SignIn.as(mvc, SignIn.BURY_MANAGER))).andExpect(status().isNotFound());
    }

    @Test
    void ipsCaseloadsShowTheCapAndWarnWhenMoreThanFifteenPercentAreInWork() throws Exception {
        // 1 in work of 6 is 17%: above the limit.
        Programme over = cases.programme(SupportType.INTENSIVE_IPS);
        ViewsTestCases.Staff overCoach = cases.practitioner(ViewsTestCases.BURY);
        openMany(over, overCoach, 5, "UNEMPLOYED");
        openMany(over, overCoach, 1, "OFF_SICK");
        // 3 in work of 20 is exactly 15%: within it, and at the cap but not over it.
        Programme edge = cases.programme(SupportType.INTENSIVE_IPS);
        ViewsTestCases.Staff edgeCoach = cases.practitioner(ViewsTestCases.BURY);
        openMany(edge, edgeCoach, 17, "UNEMPLOYED");
        openMany(edge, edgeCoach, 2, "EMPLOYED");
        openMany(edge, edgeCoach, 1, "SELF_EMPLOYED");
        // Everyone in work on a programme that is not IPS: no cap and no warning.
        Programme notIps = cases.programme(SupportType.LOW_INTENSITY);
        openMany(notIps, edgeCoach, 2, "EMPLOYED");

        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        Document page = caseloads(manager);
        List<String> warnings = page.select(".govuk-warning-text").eachText();
        assertThat(warnings).anyMatch(w -> w.contains(over.name()) && w.contains("17%")
                && w.contains("1 of 6") && w.contains(ViewsTestCases.BURY));
        assertThat(warnings).noneMatch(w -> w.contains(edge.name()) || w.contains(notIps.name()));
        assertThat(rowsFor(page, over)).containsExactly(overCoach.fullName() + " " + ViewsTestCases.BURY + " "
                + over.name() + " 6 20 1 of 6");
        assertThat(rowsFor(page, edge)).containsExactly(edgeCoach.fullName() + " " + ViewsTestCases.BURY + " "
                + edge.name() + " 20 20 3 of 20");
        assertThat(shareFor(page, edge)).isEqualTo(ViewsTestCases.BURY + " " + edge.name() + " 20 3 15%");
        assertThat(rowsFor(page, notIps)).containsExactly(edgeCoach.fullName() + " " + ViewsTestCases.BURY + " "
                + notIps.name() + " 2 No cap Not IPS");

        // One more case puts the practitioner over the cap (and 3 of 21 is back under 15%).
        openMany(edge, edgeCoach, 1, "UNEMPLOYED");
        Document after = caseloads(manager);
        assertThat(rowsFor(after, edge)).containsExactly(edgeCoach.fullName() + " " + ViewsTestCases.BURY + " "
                + edge.name() + " 21 Over cap 20 3 of 21");
        assertThat(after.select(".govuk-warning-text").eachText()).noneMatch(w -> w.contains(edge.name()));
    }

    @Test
    void theManagerReassignsACaseToAnotherPractitionerOfTheProvider() throws Exception {
        Programme programme = cases.programme(SupportType.LOW_INTENSITY);
        ViewsTestCases.Staff from = cases.practitioner(ViewsTestCases.BURY);
        ViewsTestCases.Staff to = cases.practitioner(ViewsTestCases.BURY);
        ViewsTestCases.TestCase moving = cases.open(programme, ViewsTestCases.BURY, from.id(),
                "UNEMPLOYED");
        ViewsTestCases.TestCase staying = cases.open(programme, ViewsTestCases.BURY, from.id(),
                "UNEMPLOYED");
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);

        Document held = caseloads(manager, from.id());
        assertThat(held.select("#held-heading").text()).isEqualTo("Cases held by " + from.fullName());
        assertThat(held.select("#held-cases tbody tr").eachText()).hasSize(2)
                .anyMatch(row -> row.startsWith(moving.reference() + " " + moving.fullName()));
        List<String> offered = held.select("select#personId-" + moving.id() + " option").eachText();
        assertThat(offered).contains(to.fullName(), "Daniel Brooks").doesNotContain(from.fullName(), "Sara Ahmed");

        // Nobody chosen: the page says so and nothing changes.
        Document blank = Jsoup.parse(mvc.perform(post("/caseloads/reassign").session(manager).with(csrf())
                .param("caseId", String.valueOf(moving.id())).param("personId", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(blank.select(".govuk-error-summary a").eachText())
                .containsExactly("Select the practitioner to give case " + moving.reference() + " to");
        assertThat(blank.select(".govuk-error-summary a").attr("href")).isEqualTo("#personId-" + moving.id());
        assertThat(cases.keyWorker(moving.id())).isEqualTo(from.id());

        mvc.perform(post("/caseloads/reassign").session(manager).with(csrf())
                .param("caseId", String.valueOf(moving.id())).param("personId", String.valueOf(to.id())))
                .andExpect(redirectedUrl("/caseloads?practitioner=" + from.id()));
        assertThat(cases.keyWorker(moving.id())).isEqualTo(to.id());
        assertThat(cases.keyWorker(staying.id())).isEqualTo(from.id());
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE action = 'REASSIGN' AND record_type = 'case' "
                + "AND record_id = ?", String.valueOf(moving.id()))).isEqualTo(1);
        assertThat(caseloads(manager, from.id()).select("#held-cases tbody tr").eachText()).hasSize(1)
                .allMatch(row -> row.startsWith(staying.reference()));
        assertThat(caseloads(manager, to.id()).select("#held-cases tbody tr").eachText()).hasSize(1)
                .allMatch(row -> row.startsWith(moving.reference()));

        // The new key worker now has it on their home page; the old one no longer does.
        assertThat(Jsoup.parse(mvc.perform(get("/cases").session(SignIn.as(mvc, to.email()))).andReturn()
                .getResponse().getContentAsString()).text()).contains(moving.fullName());
        assertThat(Jsoup.parse(mvc.perform(get("/cases").session(SignIn.as(mvc, from.email()))).andReturn()
                .getResponse().getContentAsString()).text()).doesNotContain(moving.fullName());
    }

    @Test
    void tamperedCaseOrPersonFromAnotherProviderGivesNotFoundAndChangesNothing() throws Exception {
        Programme programme = cases.programme(SupportType.LOW_INTENSITY);
        ViewsTestCases.Staff buryCoach = cases.practitioner(ViewsTestCases.BURY);
        ViewsTestCases.Staff buryOther = cases.practitioner(ViewsTestCases.BURY);
        ViewsTestCases.Staff blackCountry = cases.practitioner(ViewsTestCases.BCHFT);
        ViewsTestCases.TestCase bury = cases.open(programme, ViewsTestCases.BURY, buryCoach.id(),
                "UNEMPLOYED");
        ViewsTestCases.TestCase theirs = cases.open(programme, ViewsTestCases.BCHFT, blackCountry.id(),
                "UNEMPLOYED");
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);

        // Another provider's case, to our practitioner.
        reassign(manager, theirs.id(), buryOther.id()).andExpect(status().isNotFound());
        // Our case, to another provider's practitioner.
        reassign(manager, bury.id(), blackCountry.id()).andExpect(status().isNotFound());
        // Our case, to someone who is not a practitioner (the manager), or to nobody that exists.
        reassign(manager, bury.id(), cases.personId(SignIn.BURY_MANAGER)).andExpect(status().isNotFound());
        reassign(manager, bury.id(), 999_999_999L).andExpect(status().isNotFound());
        mvc.perform(post("/caseloads/reassign").session(manager).with(csrf()).param("caseId", "not-a-number")
                .param("personId", String.valueOf(buryOther.id()))).andExpect(status().isNotFound());

        // Another provider's practitioner, and a practitioner who is not a manager, cannot reassign at all.
        reassign(SignIn.as(mvc, ViewsTestCases.BCHFT_SPECIALIST), bury.id(), buryOther.id())
                .andExpect(status().isNotFound());
        reassign(SignIn.as(mvc, ViewsTestCases.BCHFT_SPECIALIST), theirs.id(), cases.personId(
                ViewsTestCases.BCHFT_SPECIALIST)).andExpect(status().isNotFound());
        reassign(SignIn.as(mvc, buryCoach.email()), bury.id(), buryOther.id()).andExpect(status().isNotFound());

        assertThat(cases.keyWorker(bury.id())).isEqualTo(buryCoach.id());
        assertThat(cases.keyWorker(theirs.id())).isEqualTo(blackCountry.id());
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE action = 'REASSIGN' AND record_type = 'case' "
                + "AND record_id IN (?, ?)", String.valueOf(bury.id()), String.valueOf(theirs.id()))).isZero();
    }

    // --- helpers ---

    private org.springframework.test.web.servlet.ResultActions reassign(MockHttpSession session, long caseId,
            long personId) throws Exception {
        return mvc.perform(post("/caseloads/reassign").session(session).with(csrf())
                .param("caseId", String.valueOf(caseId)).param("personId", String.valueOf(personId)));
    }

    private void openMany(Programme programme, ViewsTestCases.Staff keyWorker, int n, String status) {
        for (int i = 0; i < n; i++) {
            cases.open(programme, ViewsTestCases.BURY, keyWorker.id(), status);
        }
    }

    private Document caseloads(MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get("/caseloads").session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private Document caseloads(MockHttpSession session, long practitioner) throws Exception {
        return Jsoup.parse(mvc.perform(get("/caseloads").param("practitioner", String.valueOf(practitioner))
                .session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static List<String> rowsFor(Document page, Programme programme) {
        return page.select("#caseloads tbody tr").stream().map(Element::text)
                .filter(row -> row.contains(programme.name())).toList();
    }

    private static String shareFor(Document page, Programme programme) {
        return page.select("#in-work-shares tbody tr").stream().map(Element::text)
                .filter(row -> row.contains(programme.name())).findFirst().orElse("");
    }
}

package org.workhealth.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.PeriodLockedException;

/**
 * A quarter's return from submission to the national department: the hub returns it with a comment, the locality
 * compiles a second version whose changes the hub sees, the hub approves it, collates and sends it, and national
 * users download figures and pseudonymous rows.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReturnWorkflowTest {

    private final MockMvc mvc;
    private final ReturnFixtures fixtures;

    @Autowired
    ReturnWorkflowTest(MockMvc mvc, ReturnFixtures fixtures) {
        this.mvc = mvc;
        this.fixtures = fixtures;
    }

    @Test
    void submitReturnResubmitApproveCollateAndSend() throws Exception {
        ReturnFixtures.Setup setup = fixtures.programme(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        String code = setup.programme().code();
        String last = "Whitcombe" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        long amelia = fixtures.openCase(setup, "Amelia", last, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 2));
        fixtures.record(setup, amelia, MilestoneType.ENGAGEMENT, LocalDate.of(2026, 7, 6));
        String path = "/returns/" + code + "/2026/2";
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        MockHttpSession hub = SignIn.as(mvc, SignIn.GM_COMMISSIONER);

        // Nothing to submit until compiled; then submitted.
        mvc.perform(post(path + "/compile").with(csrf()).session(manager)).andExpect(status().is3xxRedirection());
        Document compiled = page(path, manager);
        assertThat(compiled.select("form#submit")).hasSize(1);
        String id = compiled.selectFirst("form#submit input[name=return]").val();
        mvc.perform(post(path + "/submit").param("return", id).with(csrf()).session(manager))
                .andExpect(status().is3xxRedirection());
        Document submitted = page(path, manager);
        assertThat(submitted.selectFirst("#status").text()).contains("Submitted");
        assertThat(submitted.select("form#submit")).isEmpty();
        assertThat(submitted.select("#history td").eachText()).contains("Submitted", "Priya Shah");

        // The hub's board shows it submitted; the hub returns it, and a blank comment is refused.
        Document board = page("/returns/board/" + code + "/2026", hub);
        assertThat(board.selectFirst("#board tr[data-organisation=" + ReturnFixtures.BURY + "] td[data-quarter=2]")
                .text()).contains("Submitted");
        String review = "/returns/review/" + id;
        Document blank = Jsoup.parse(mvc.perform(post(review + "/return").param("comment", " ").with(csrf())
                .session(hub)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(blank.select(".govuk-error-summary").text()).contains("Enter what the locality needs to put right");
        mvc.perform(post(review + "/return").param("comment", "Amelia's job start in September is missing")
                .with(csrf()).session(hub)).andExpect(status().is3xxRedirection());

        // The locality sees the comment, records the missing job start and compiles version 2.
        Document returned = page(path, manager);
        assertThat(returned.selectFirst("#status").text()).contains("Returned");
        assertThat(returned.selectFirst("#comment").text()).contains("job start in September is missing");
        fixtures.record(setup, amelia, MilestoneType.JOB_START, LocalDate.of(2026, 9, 14));
        mvc.perform(post(path + "/compile").with(csrf()).session(manager)).andExpect(status().is3xxRedirection());
        Document second = page(path, manager);
        assertThat(second.selectFirst("#compiled").text()).startsWith("Version 2");
        assertThat(second.selectFirst("#changed").text()).contains("Date of job start empty to 14 September 2026");
        String secondId = second.selectFirst("form#submit input[name=return]").val();
        mvc.perform(post(path + "/submit").param("return", secondId).with(csrf()).session(manager))
                .andExpect(status().is3xxRedirection());

        // The hub sees what changed since version 1, and approves.
        Document secondReview = page("/returns/review/" + secondId, hub);
        assertThat(secondReview.selectFirst("#changes").text()).isEqualTo("Changes from version 1");
        assertThat(secondReview.select("#figure-changes tbody tr").eachText())
                .anySatisfy(row -> assertThat(row).contains("0").contains("1"));
        mvc.perform(post("/returns/review/" + secondId + "/approve").with(csrf()).session(hub))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/returns/review/" + secondId, hub).selectFirst("#status").text()).contains("Approved");
        // The approved version can be approved or returned no more.
        Document again = Jsoup.parse(mvc.perform(post("/returns/review/" + secondId + "/approve").with(csrf())
                .session(hub)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(again.select(".govuk-error-summary").text()).contains("Only a submitted return can be approved");

        // Collate, then send.
        String collation = "/returns/board/" + code + "/2026/2";
        mvc.perform(post(collation + "/collate").with(csrf()).session(hub)).andExpect(status().is3xxRedirection());
        Document collated = page(collation, hub);
        assertThat(collated.selectFirst("#collated-rows").text()).isEqualTo("1");
        mvc.perform(post(collation + "/send").with(csrf()).session(hub)).andExpect(status().is3xxRedirection());
        String sentHref = page(collation, hub).selectFirst("#sent-link").attr("href");

        // National users find it, and download figures and pseudonymous rows only.
        MockHttpSession national = SignIn.as(mvc, SignIn.NATIONAL);
        assertThat(page("/returns", national).select("#sent a").eachAttr("href")).contains(sentHref);
        Document sent = page(sentHref, national);
        assertThat(sent.select("#extract td[data-column=LOCALITY]").eachText()).containsExactly(ReturnFixtures.BURY);
        assertThat(sent.text()).doesNotContain(last).doesNotContain("Amelia");
        String csv = mvc.perform(get(sentHref + "/participants.csv").session(national)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isEqualTo(2);
        assertThat(csv).startsWith("Locality,Participant ID").contains("2026-09-14").doesNotContain(last)
                .doesNotContain(ReturnFixtures.NHS_NUMBER).doesNotContain(ReturnFixtures.PHONE)
                .doesNotContain("@example.com").doesNotContain(ReturnFixtures.POSTCODE);
        mvc.perform(get(sentHref + "/return.xlsx").session(national)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", NationalReturnFiles.XLSX));
        String figures = mvc.perform(get(sentHref + "/figures.csv").session(national)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(figures).contains("JOB_OUTCOMES");

        // National never sees the locality's or the hub's pages, where the work is done.
        mvc.perform(get(path).session(national)).andExpect(status().isNotFound());
        mvc.perform(get("/returns/review/" + secondId).session(national)).andExpect(status().isNotFound());
        mvc.perform(get("/returns/board/" + code + "/2026").session(national)).andExpect(status().isNotFound());
    }

    @Test
    void theHubCollatesOnlyWhenEveryLocalitysReturnIsApproved() throws Exception {
        ReturnFixtures.Setup setup = fixtures.programme(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        fixtures.alongside(setup, fixtures.otherLocality());
        String code = setup.programme().code();
        MockHttpSession hub = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        // The contracts began in April 2026, so there is a board for 2026/27 and none for 2025/26.
        assertThat(page("/returns", hub).select("#boards a").eachAttr("href"))
                .contains("/returns/board/" + code + "/2026").doesNotContain("/returns/board/" + code + "/2025");
        mvc.perform(get("/returns/board/" + code + "/2025").session(hub)).andExpect(status().isNotFound());
        Document board = page("/returns/board/" + code + "/2026", hub);
        assertThat(board.select("#board tbody tr[data-organisation]").eachAttr("data-organisation"))
                .containsExactly(ReturnFixtures.BURY, "Oldham Working Well service");
        // Q1's return was due on 20 July: nobody has started it, so it is overdue.
        assertThat(board.selectFirst("tr[data-organisation=Oldham Working Well service] td[data-quarter=1]").text())
                .contains("Not started").contains("Overdue");
        Document refused = Jsoup.parse(mvc.perform(post("/returns/board/" + code + "/2026/1/collate").with(csrf())
                .session(hub)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select(".govuk-error-summary").text())
                .contains("Every locality's return must be approved")
                .contains(ReturnFixtures.BURY + ", Oldham Working Well service are not");
    }

    @Test
    void aLocalityCannotReviewAndNoOneOutsideTheHubSeesItsBoard() throws Exception {
        ReturnFixtures.Setup setup = fixtures.programme(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        String code = setup.programme().code();
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        String path = "/returns/" + code + "/2026/2";
        String id = compileAndSubmit(path, manager);
        for (String who : List.of(SignIn.BURY_MANAGER, SignIn.WMCA_COMMISSIONER, SignIn.BURY_COACH, SignIn.NATIONAL)) {
            MockHttpSession session = SignIn.as(mvc, who);
            mvc.perform(get("/returns/review/" + id).session(session)).andExpect(status().isNotFound());
            mvc.perform(post("/returns/review/" + id + "/approve").with(csrf()).session(session))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/returns/review/" + id + "/return").param("comment", "No").with(csrf())
                    .session(session)).andExpect(status().isNotFound());
            mvc.perform(get("/returns/board/" + code + "/2026").session(session)).andExpect(status().isNotFound());
            mvc.perform(post("/returns/board/" + code + "/2026/2/collate").with(csrf()).session(session))
                    .andExpect(status().isNotFound());
        }
        assertThat(page("/returns/review/" + id, SignIn.as(mvc, SignIn.GM_COMMISSIONER)).selectFirst("#status")
                .text()).contains("Submitted");
    }

    @Test
    void approvalLocksTheQuarterUntilTheHubUnlocksItWithAReason() throws Exception {
        ReturnFixtures.Setup setup = fixtures.programme(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        long caseId = fixtures.openCase(setup, "Rosa", "Pemberton", LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 7, 2));
        fixtures.record(setup, caseId, MilestoneType.ENGAGEMENT, LocalDate.of(2026, 7, 6));
        String path = "/returns/" + setup.programme().code() + "/2026/2";
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        MockHttpSession hub = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        String id = compileAndSubmit(path, manager);
        mvc.perform(post("/returns/review/" + id + "/approve").with(csrf()).session(hub))
                .andExpect(status().is3xxRedirection());

        assertThatThrownBy(() -> fixtures.record(setup, caseId, MilestoneType.JOB_START, LocalDate.of(2026, 9, 1)))
                .isInstanceOf(PeriodLockedException.class).hasMessageContaining("Ask the hub to unlock it");
        // The next quarter is not locked.
        fixtures.record(setup, caseId, MilestoneType.ACTION_PLAN_AGREED, LocalDate.of(2026, 10, 1));

        Document blank = Jsoup.parse(mvc.perform(post("/returns/review/" + id + "/unlock").param("comment", "")
                .with(csrf()).session(hub)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(blank.select(".govuk-error-summary").text()).contains("Enter why you are unlocking the period");
        mvc.perform(post("/returns/review/" + id + "/unlock").param("comment", "Job start reported late by employer")
                .with(csrf()).session(hub)).andExpect(status().is3xxRedirection());
        fixtures.record(setup, caseId, MilestoneType.JOB_START, LocalDate.of(2026, 9, 1));
        assertThat(fixtures.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'UNLOCK' AND detail LIKE ?")
                .param("%Job start reported late by employer%").query(Integer.class).single()).isPositive();

        // The locality sees why, and compiles and submits a second version.
        Document returned = page(path, manager);
        assertThat(returned.selectFirst("#status").text()).contains("Returned");
        assertThat(returned.selectFirst("#comment").text()).contains("unlocked the period")
                .contains("Job start reported late by employer");
        mvc.perform(post(path + "/compile").with(csrf()).session(manager)).andExpect(status().is3xxRedirection());
        assertThat(page(path, manager).selectFirst("#compiled").text()).startsWith("Version 2");
    }

    @Test
    void theNationalExtractHoldsNoNameContactDetailNhsNumberOrNationalInsuranceNumber() throws Exception {
        ReturnFixtures.Setup setup = fixtures.programme(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        String[][] people = {{"Oluwaseun", "Adeyemi"}, {"Siobhan", "O'Connell"}, {"Mary-Jane", "Smith-Jones"},
            {"Tomasz", "Kowalski"}, {"Aisha", "Rahman"}};
        for (String[] person : people) {
            long caseId = fixtures.openCase(setup, person[0], person[1], LocalDate.of(2026, 7, 1),
                    LocalDate.of(2026, 7, 2));
            fixtures.record(setup, caseId, MilestoneType.ENGAGEMENT, LocalDate.of(2026, 7, 9));
        }
        String path = "/returns/" + setup.programme().code() + "/2026/2";
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        MockHttpSession hub = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        String id = compileAndSubmit(path, manager);
        mvc.perform(post("/returns/review/" + id + "/approve").with(csrf()).session(hub))
                .andExpect(status().is3xxRedirection());
        String collation = "/returns/board/" + setup.programme().code() + "/2026/2";
        mvc.perform(post(collation + "/collate").with(csrf()).session(hub)).andExpect(status().is3xxRedirection());
        mvc.perform(post(collation + "/send").with(csrf()).session(hub)).andExpect(status().is3xxRedirection());
        String sent = page(collation, hub).selectFirst("#sent-link").attr("href");

        MockHttpSession national = SignIn.as(mvc, SignIn.NATIONAL);
        String csv = mvc.perform(get(sent + "/participants.csv").session(national)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        byte[] xlsx = mvc.perform(get(sent + "/return.xlsx").session(national)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(csv.lines().count()).isEqualTo(people.length + 1);
        // Every name in the service, not only these participants', and every pattern of identifier.
        List<String[]> names = fixtures.jdbc.sql("SELECT first_name, last_name FROM referral")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        PersonalDataScan scan = PersonalDataScan.withNames(names);
        List<String> cells = new java.util.ArrayList<>();
        csv.lines().forEach(line -> cells.addAll(List.of(line.split(","))));
        cells.addAll(XlsxText.cells(xlsx));
        assertThat(cells).hasSizeGreaterThan(people.length * 10);
        assertThat(cells).allSatisfy(cell -> assertThat(scan.scan(cell)).as(cell).isEmpty());
        assertThat(scan.scan("Siobhan O'Connell")).isNotEmpty();
        assertThat(scan.scan("AB123456C")).isNotEmpty();
    }

    /** Compiles the quarter's return as the manager and submits it; returns the version's id. */
    private String compileAndSubmit(String path, MockHttpSession manager) throws Exception {
        mvc.perform(post(path + "/compile").with(csrf()).session(manager)).andExpect(status().is3xxRedirection());
        String id = page(path, manager).selectFirst("form#submit input[name=return]").val();
        mvc.perform(post(path + "/submit").param("return", id).with(csrf()).session(manager))
                .andExpect(status().is3xxRedirection());
        return id;
    }

    private Document page(String path, MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}

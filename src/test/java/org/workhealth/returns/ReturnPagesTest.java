package org.workhealth.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import org.workhealth.SignIn;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.NewPerson;
import org.workhealth.organisation.Role;

/** Compiling a quarter's return from the milestone record, its page and extract, and who may see them. */
@SpringBootTest
@AutoConfigureMockMvc
class ReturnPagesTest {

    private static final LocalDate JUNE_15 = LocalDate.of(2026, 6, 15);

    private final MockMvc mvc;
    private final ReturnFixtures fixtures;
    private final JdbcClient jdbc;

    @Autowired
    ReturnPagesTest(MockMvc mvc, ReturnFixtures fixtures, JdbcClient jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    /** Three participants by the end of Q2 2026/27 and one who came later; returns the names used. */
    private List<String> participants(ReturnFixtures.Setup setup) {
        String suffix = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        List<String> names = List.of("Amelia", "Hartley" + suffix, "Bernard", "Okafor" + suffix, "Chiara",
                "Lindqvist" + suffix, "Dmitri", "Laterson" + suffix);
        long a = fixtures.openCase(setup, names.get(0), names.get(1), JUNE_15, JUNE_15);
        fixtures.record(setup, a, MilestoneType.ENGAGEMENT, LocalDate.of(2026, 7, 3));
        fixtures.record(setup, a, MilestoneType.ACTION_PLAN_AGREED, LocalDate.of(2026, 7, 10));
        fixtures.record(setup, a, MilestoneType.JOB_START, LocalDate.of(2026, 9, 1));
        long b = fixtures.openCase(setup, names.get(2), names.get(3), LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 7, 2));
        fixtures.record(setup, b, MilestoneType.ENGAGEMENT, LocalDate.of(2026, 8, 5));
        fixtures.record(setup, b, MilestoneType.EXIT, LocalDate.of(2026, 9, 20),
                Map.of("reason", "NO_LONGER_WANTS_SUPPORT", "reason_text", "Moved away", "in_work_at_referral",
                        "false"));
        long c = fixtures.openCase(setup, names.get(4), names.get(5), LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 2));
        fixtures.record(setup, c, MilestoneType.ENGAGEMENT, LocalDate.of(2026, 5, 10));
        fixtures.record(setup, c, MilestoneType.ACTION_PLAN_AGREED, LocalDate.of(2026, 10, 2));
        long d = fixtures.openCase(setup, names.get(6), names.get(7), LocalDate.of(2026, 10, 10),
                LocalDate.of(2026, 10, 10));
        fixtures.record(setup, d, MilestoneType.ENGAGEMENT, LocalDate.of(2026, 10, 15));
        return names;
    }

    @Test
    void compilingWithOneActionGivesTheQuartersFiguresAndAPseudonymousRowPerParticipant() throws Exception {
        ReturnFixtures.Setup setup = fixtures.programme(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        participants(setup);
        String path = "/returns/" + setup.programme().code() + "/2026/2";
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);

        Document before = page(path, manager);
        assertThat(before.selectFirst("#status").text()).isEqualTo("Not started Overdue");
        assertThat(before.selectFirst("#due").text()).contains("20 October 2026", "20 days after the quarter ends");
        assertThat(before.select("#figures")).isEmpty();

        mvc.perform(post(path + "/compile").with(csrf()).session(manager)).andExpect(status().is3xxRedirection());
        Document page = page(path, manager);
        assertThat(page.selectFirst("#status").text()).isEqualTo("In progress Overdue");
        assertThat(page.selectFirst("#row-count").text()).isEqualTo("3 participants");
        assertThat(figure(page, "ENGAGED")).isEqualTo("2");
        assertThat(figure(page, "ACTION_PLANS")).isEqualTo("1");
        assertThat(figure(page, "JOB_OUTCOMES")).isEqualTo("1");
        // The figures agree with the extract and the dates are in order: nothing to put right.
        assertThat(page.select("#validation-errors")).isEmpty();
        assertThat(page.title()).doesNotStartWith("Error");

        assertThat(page.select("#extract tbody tr")).hasSize(3);
        // People read words and dates; the files keep the documented codes.
        assertThat(column(page, "REFERRED_ON"))
                .containsExactly("1 May 2026", "15 June 2026", "1 July 2026");
        assertThat(column(page, "ACTION_PLAN_AGREED_ON"))
                .containsExactly("", "10 July 2026", "");
        assertThat(column(page, "EXIT_REASON"))
                .containsExactly("", "", "No longer wants support");
        assertThat(column(page, "SEX")).containsOnly("Female");
        assertThat(column(page, "DISABILITY")).containsOnly("No");
        assertThat(column(page, "EMPLOYMENT_STATUS")).containsOnly("Unemployed");
        assertThat(column(page, "AGE_BAND")).containsOnly("35 to 49");
        assertThat(column(page, "COHORT")).containsOnly("C1");
        List<String> pseudonyms = column(page, "PARTICIPANT_ID");
        assertThat(pseudonyms).allMatch(p -> p.matches("P[0-9A-F]{20}")).doesNotHaveDuplicates();

        // Compiling again replaces the draft, and a participant keeps their pseudonym.
        mvc.perform(post(path + "/compile").with(csrf()).session(manager)).andExpect(status().is3xxRedirection());
        Document again = page(path, manager);
        assertThat(column(again, "PARTICIPANT_ID")).isEqualTo(pseudonyms);
        assertThat(again.selectFirst("#compiled").text()).startsWith("Version 1");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM data_return WHERE programme_id = ?")
                .param(setup.programme().id()).query(Integer.class).single()).isEqualTo(1);

        // ... and the next quarter's return names them the same way.
        String q3 = "/returns/" + setup.programme().code() + "/2026/3";
        mvc.perform(post(q3 + "/compile").with(csrf()).session(manager)).andExpect(status().is3xxRedirection());
        Document next = page(q3, manager);
        assertThat(column(next, "PARTICIPANT_ID")).containsAll(pseudonyms)
                .hasSize(4);
        assertThat(next.selectFirst("#validation-warnings").text()).contains("The quarter has not ended");

        // The list shows both quarters with their state.
        Document list = page("/returns", manager);
        assertThat(list.selectFirst("tr[data-programme=" + setup.programme().code() + "][data-quarter=Q2 2026/27] "
                + "[data-column=status]").text()).isEqualTo("In progress Overdue");
        assertThat(list.selectFirst("tr[data-programme=" + setup.programme().code() + "][data-quarter=Q1 2026/27] "
                + "[data-column=status]").text()).isEqualTo("Not started Overdue");
        assertThat(list.selectFirst("tr[data-programme=" + setup.programme().code() + "][data-quarter=Q3 2026/27] "
                + "[data-column=status]").text()).isEqualTo("In progress");

        // Compiling and looking were logged.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'data_return' AND action = "
                + "'COMPILE' AND detail LIKE ?").param(setup.programme().code() + " Q2 2026/27: 3 participants%")
                .query(Integer.class).single()).isEqualTo(2);
    }

    /** The hub's "complete the equality fields" comment can be acted on: correct the referral, compile again. */
    @Test
    void aReferralsCorrectedEqualityAnswersShowInTheReturnCompiledAfterwards() throws Exception {
        ReturnFixtures.Setup setup = fixtures.programme(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        long caseId = fixtures.openCase(setup, "Esme", "Equality" + UUID.randomUUID().toString().replaceAll("[^a-f]", ""),
                JUNE_15, JUNE_15);
        fixtures.record(setup, caseId, MilestoneType.ENGAGEMENT, LocalDate.of(2026, 7, 3));
        String path = "/returns/" + setup.programme().code() + "/2026/2";
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        mvc.perform(post(path + "/compile").with(csrf()).session(manager)).andExpect(status().is3xxRedirection());
        assertThat(column(page(path, manager), "DISABILITY")).containsExactly("No");
        assertThat(column(page(path, manager), "ETHNICITY")).containsExactly("White: Irish");

        long referral = jdbc.sql("SELECT referral_id FROM support_case WHERE id = ?").param(caseId)
                .query(Long.class).single();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(post("/referrals/" + referral + "/correct").with(csrf()).session(coach)
                .param("phone", ReturnFixtures.PHONE).param("postcode", ReturnFixtures.POSTCODE)
                .param("contactPreference", "PHONE").param("sex", "FEMALE")
                .param("ethnicity", "Asian or Asian British: Chinese").param("disability", "YES")
                .param("reason", "Hub asked us to complete the equality fields"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post(path + "/compile").with(csrf()).session(manager)).andExpect(status().is3xxRedirection());
        Document recompiled = page(path, manager);
        assertThat(column(recompiled, "DISABILITY")).containsExactly("Yes");
        assertThat(column(recompiled, "ETHNICITY")).containsExactly("Asian or Asian British: Chinese");
    }

    @Test
    void theExtractCarriesNoNameContactDetailNhsNumberOrNationalInsuranceNumber() throws Exception {
        ReturnFixtures.Setup setup = fixtures.programme(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        List<String> names = participants(setup);
        String path = "/returns/" + setup.programme().code() + "/2026/2";
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        mvc.perform(post(path + "/compile").with(csrf()).session(manager)).andExpect(status().is3xxRedirection());

        var response = mvc.perform(get(path + "/extract.csv").session(manager)).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).contains(setup.programme().code() + "-return-2026-Q2.csv");
        String csv = response.getContentAsString(StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("Participant ID,Cohort,Age band,Sex,Ethnic group,Disability,"
                + "Employment status at referral,Date of referral,Date of engagement");

        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < names.size(); i += 2) {
            pairs.add(new String[] {names.get(i), names.get(i + 1)});
        }
        PersonalDataScan scan = PersonalDataScan.withNames(pairs);
        for (String line : lines) {
            for (String cell : line.split(",")) {
                assertThat(scan.scan(cell.replace("\"", ""))).as(cell).isEmpty();
            }
        }
        String lower = csv.toLowerCase();
        for (String name : names) {
            assertThat(lower).doesNotContain(name.toLowerCase());
        }
        assertThat(csv).doesNotContain(ReturnFixtures.NHS_NUMBER, ReturnFixtures.PHONE, ReturnFixtures.POSTCODE,
                "@example.com", "Market Street", "1990-03-14", "Moved away");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'data_return_extract'")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void aFigureThatDisagreesWithTheExtractIsShownAsAnError() throws Exception {
        ReturnFixtures.Setup setup = fixtures.programme(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        long a = fixtures.openCase(setup, "Eliza", "Mismatch" + UUID.randomUUID().toString().replaceAll("[^a-f]", ""),
                JUNE_15, JUNE_15);
        fixtures.record(setup, a, MilestoneType.ENGAGEMENT, LocalDate.of(2026, 7, 3));
        // The engagement recorded before the referral arrived.
        jdbc.sql("UPDATE referral SET received_at = ? WHERE id = (SELECT referral_id FROM support_case WHERE id = ?)")
                .params(java.sql.Timestamp.valueOf(LocalDate.of(2026, 8, 1).atStartOfDay()), a).update();
        String path = "/returns/" + setup.programme().code() + "/2026/2";
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        mvc.perform(post(path + "/compile").with(csrf()).session(manager)).andExpect(status().is3xxRedirection());
        Document page = page(path, manager);
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary__list a").eachText()).singleElement().asString()
                .startsWith("1 row has a date of engagement before the date of referral (participant P");
        assertThat(page.select("#validation-errors li")).hasSize(1);
    }

    @Test
    void onlyTheDeliveringProvidersManagerSeesTheReturn() throws Exception {
        ReturnFixtures.Setup setup = fixtures.programme(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        String path = "/returns/" + setup.programme().code() + "/2026/2";
        String email = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@oldham.workhealth.example";
        long other = fixtures.organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        long oldham = fixtures.jdbc.sql("SELECT id FROM organisation WHERE parent_id = ? AND id <> ? ORDER BY id")
                .params(other, fixtures.org("Bury Council Live Well service")).query(Long.class).list().stream()
                .filter(id -> !fixtures.organisations.find(id).orElseThrow().name().contains("Bury")).findFirst()
                .orElseThrow();
        fixtures.people.createWithPassword(new NewPerson("Another provider manager", email, oldham,
                EnumSet.of(Role.PROVIDER_MANAGER)), SignIn.DEMO_PASSWORD);
        for (String who : List.of(email, SignIn.BURY_COACH, SignIn.WMCA_COMMISSIONER, SignIn.NATIONAL)) {
            MockHttpSession session = SignIn.as(mvc, who);
            mvc.perform(get(path).session(session)).andExpect(status().isNotFound());
            mvc.perform(get(path + "/extract.csv").session(session)).andExpect(status().isNotFound());
            mvc.perform(post(path + "/compile").with(csrf()).session(session)).andExpect(status().isNotFound());
        }
        MockHttpSession practitioner = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(get("/returns").session(practitioner)).andExpect(status().isNotFound());
        Document list = page("/returns", SignIn.as(mvc, email));
        assertThat(list.select("tr[data-programme=" + setup.programme().code() + "]")).isEmpty();

        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        // Quarters outside the contract, not yet begun or made up are not there either.
        for (String missing : List.of("/2025/4", "/2027/1", "/2026/5", "/2026/0")) {
            mvc.perform(get("/returns/" + setup.programme().code() + missing).session(manager))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/returns/NOPE/2026/2").session(manager)).andExpect(status().isNotFound());
        mvc.perform(get(path).session(manager)).andExpect(status().isOk());
    }

    private Document page(String path, MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** Every cell of a column of the extract's preview, empty ones too. */
    private static List<String> column(Document page, String column) {
        return page.select("#extract td[data-column=" + column + "]").stream().map(e -> e.text()).toList();
    }

    private static String figure(Document page, String code) {
        return page.selectFirst("#figures tr[data-kpi=" + code + "] [data-column=figure]").text();
    }
}

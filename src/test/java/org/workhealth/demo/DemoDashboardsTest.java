package org.workhealth.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

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

/**
 * The demo data as the tests load it (no example cases) shows the board reports' tables on the dashboards as the
 * Wellbeing Board report "Thrive Programmes: Update" (6 March 2024) prints them, WorkWell rated against its
 * targets, Bury's fair share worked out from Greater Manchester's pot, and an account for everyone who holds a
 * contract.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DemoDashboardsTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    @Autowired
    DemoDashboardsTest(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    /** Thrive into Work 2023/24 as at 15 February 2024, the fourth quarter in progress, as the report has it. */
    @Test
    void theThriveIntoWorkTableOf2023IsTheBoardReports() throws Exception {
        Document page = dashboard(SignIn.WMCA_COMMISSIONER, "/performance/TIW/2023", "15", "2", "2024");

        assertRow(page, "ENGAGEMENTS_OOW", "1343", "+386", "+430 Green", "+409", "+496 Green", "+423", "+417 Amber");
        assertRow(page, "ENGAGEMENTS_IW", "412", "+128", "+141 Green", "+137", "+133 Amber", "+141", "+138 Amber");
        assertRow(page, "NEW_STARTS", "313", "+60", "+107 Green", "+142", "+107 Red", "+156", "+99 Red");
        assertRow(page, "RETENTIONS", "186", "+26", "+39 Green", "+63", "+70 Green", "+72", "+77 Green");
        assertThat(cell(page, "ENGAGEMENTS_OOW", "q4-forecast")).isEqualTo("+423");
        assertThat(cell(page, "ENGAGEMENTS_OOW", "q4-actual")).isEqualTo("+0 so far");
        assertThat(cell(page, "ENGAGEMENTS_OOW", "cumulative")).isEqualTo("1343");
        assertThat(cell(page, "RETENTIONS", "cumulative")).isEqualTo("186");

        // The end-of-Q3 view: the fourth quarter not yet reported.
        Document endOfQ3 = dashboard(SignIn.WMCA_COMMISSIONER, "/performance/TIW/2023", "31", "12", "2023");
        assertThat(cell(endOfQ3, "NEW_STARTS", "q3-actual")).startsWith("+99 Red");
        assertThat(cell(endOfQ3, "NEW_STARTS", "q4-actual")).isEqualTo("Not started");
        assertThat(endOfQ3.selectFirst("#as-at").text()).startsWith("Figures as at 31 December 2023.");
    }

    /** Thrive at Work, July 2022 to March 2024: the baseline and each quarter add up to the cumulative total. */
    @Test
    void theThriveAtWorkTableIsTheBoardReports() throws Exception {
        Document page = dashboard(SignIn.WMCA_COMMISSIONER, "/performance/TAW/2023", "1", "3", "2024");

        assertRow(page, "SIGN_UPS", "126", "+21", "+14 Red", "+21", "+24 Green", "+21", "+22 Green");
        assertThat(cell(page, "SIGN_UPS", "baseline")).isEqualTo("54");
        assertThat(cell(page, "SIGN_UPS", "q4-actual")).isEqualTo("+12 so far (to February)");
        // 54 + 14 + 24 + 22 + 12
        assertThat(cell(page, "SIGN_UPS", "cumulative")).isEqualTo("126");
        assertRow(page, "ACCREDITATIONS", "126", "+21", "+12 Red", "+21", "+15 Red", "+21", "+22 Green");
        assertThat(cell(page, "ACCREDITATIONS", "q4-forecast")).isEqualTo("+35 as left");
        assertThat(cell(page, "ACCREDITATIONS", "cumulative")).isEqualTo("94");
        assertRow(page, "ENGAGEMENTS", "900", "+150", "+229 Green", "+150", "+804 Green", "+150", "+1209 Green");
        assertThat(cell(page, "ENGAGEMENTS", "cumulative")).isEqualTo("3790");
        assertRow(page, "CASE_STUDIES", "12", "+2", "+3 Green", "+2", "+1 Red", "+2", "+3 Green");
        assertThat(cell(page, "CASE_STUDIES", "cumulative")).isEqualTo("13");
    }

    /** WorkWell has targets in Greater Manchester and in Coventry and Warwickshire, and is rated against them. */
    @Test
    void workWellIsRatedAgainstItsTargetsAndNotAllRed() throws Exception {
        for (String commissioner : List.of(SignIn.GM_COMMISSIONER, "commissioner@cw.workhealth.example")) {
            for (String year : List.of("2024", "2025")) {
                Document page = page(mvc.perform(get("/performance/WW/" + year).session(SignIn.as(mvc, commissioner)))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
                List<String> ratings = page.select("tr[data-kpi=ENGAGED] strong.govuk-tag").eachText();
                assertThat(ratings).as(commissioner + " " + year).isNotEmpty().contains("Green");
                assertThat(cell(page, "ENGAGED", "total")).as(commissioner + " " + year).isNotEqualTo("None");
            }
        }
        // Bury's 336 participants over six quarters: 56 a quarter, 112 in 2024/25.
        Document bury = page(mvc.perform(get("/performance/WW/2024").session(SignIn.as(mvc, SignIn.BURY_MANAGER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(cell(bury, "ENGAGED", "total")).isEqualTo("112");
        assertThat(cell(bury, "ENGAGED", "q3-forecast")).isEqualTo("+56");
    }

    /** Bury's £432,927 is its share of Greater Manchester's pot by population, worked out by the allocation code. */
    @Test
    void burysFairShareComesFromTheGreaterManchesterPot() throws Exception {
        long id = jdbc.sql("SELECT MIN(id) FROM funding_allocation WHERE name = 'WorkWell fair shares'")
                .query(Long.class).single();
        Document page = page(mvc.perform(get("/funding/allocations/" + id)
                .session(SignIn.as(mvc, SignIn.GM_COMMISSIONER))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());

        assertThat(page.select("tbody tr[data-locality]").eachAttr("data-locality")).containsExactly("Bolton", "Bury",
                "Manchester", "Oldham", "Rochdale", "Salford", "Stockport", "Tameside", "Trafford", "Wigan");
        Element bury = page.selectFirst("tr[data-locality=Bury]");
        assertThat(bury.selectFirst("[data-column=population]").text()).isEqualTo("193,846");
        assertThat(bury.selectFirst("[data-column=allocation]").text()).isEqualTo("£432,927");
        assertThat(bury.selectFirst("[data-column=basic]").text()).isEqualTo("£259,756");
        assertThat(bury.selectFirst("[data-column=performance]").text()).isEqualTo("£173,171");
        assertThat(page.selectFirst("tfoot [data-column=allocation]").text()).isEqualTo("£6,405,125");
    }

    /** Everyone who holds a contract or agreement can sign in, and each provider has two practitioners. */
    @Test
    void everyContractHolderHasDemoAccounts() throws Exception {
        for (String email : List.of("commissioner@cw.workhealth.example", "manager@bchft.workhealth.example",
                "manager@shaw.workhealth.example", "manager@warwickshire.workhealth.example",
                "manager@coventry.workhealth.example")) {
            mvc.perform(get("/performance").session(SignIn.as(mvc, email))).andExpect(status().isOk());
        }
        List<String> providers = List.of("Bury Council Live Well service", "Oldham Working Well service",
                "Black Country Healthcare NHS Foundation Trust", "Shaw Trust", "Warwickshire County Council",
                "Coventry City Council");
        Map<String, Long> practitioners = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT o.name, COUNT(DISTINCT p.id) FROM organisation o
                JOIN person p ON p.organisation_id = o.id JOIN person_role r ON r.person_id = p.id
                WHERE r.role = 'PRACTITIONER' AND p.active AND o.name IN (:providers)
                GROUP BY o.name""").param("providers", providers)
                .query((rs, row) -> practitioners.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(practitioners).containsOnlyKeys(providers);
        assertThat(practitioners.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(2));
    }

    private Document dashboard(String email, String path, String day, String month, String year) throws Exception {
        MockHttpSession session = SignIn.as(mvc, email);
        return page(mvc.perform(get(path).param("asAtDay", day).param("asAtMonth", month).param("asAtYear", year)
                .session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** Total, then each of Q1 to Q3 as forecast and the start of the actual's cell (figure and rating). */
    private static void assertRow(Document page, String kpi, String total, String... quarters) {
        assertThat(cell(page, kpi, "total")).as(kpi + " total").isEqualTo(total);
        for (int q = 1; q <= 3; q++) {
            assertThat(cell(page, kpi, "q" + q + "-forecast")).as(kpi + " Q" + q + " forecast")
                    .isEqualTo(quarters[(q - 1) * 2]);
            assertThat(cell(page, kpi, "q" + q + "-actual")).as(kpi + " Q" + q + " actual")
                    .startsWith(quarters[(q - 1) * 2 + 1]);
        }
    }

    private static String cell(Document page, String kpi, String column) {
        return page.selectFirst("tr[data-kpi=" + kpi + "] td[data-column=" + column + "]").text();
    }

    private static Document page(String html) {
        return Jsoup.parse(html);
    }
}

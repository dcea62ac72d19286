package org.workhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.letters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.Role;
import org.workhealth.performance.KpiCell;
import org.workhealth.performance.KpiDefinitions;
import org.workhealth.performance.KpiRow;
import org.workhealth.performance.KpiTables;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralSource;

/**
 * Response within 2 working days: the first contact attempt, decision or route by the due time. The KPI, the
 * funnel's figure and the responses page count the same referrals, and the page lists the late ones. The test has
 * its own provider and programme, so other records never count.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReferralResponsesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    MockMvc mvc;
    @Autowired
    Triage triage;
    @Autowired
    ReferralIntake intake;
    @Autowired
    ReferralAreas areas;
    @Autowired
    Programmes programmes;
    @Autowired
    Organisations organisations;
    @Autowired
    KpiDefinitions kpis;
    @Autowired
    KpiTables tables;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theKpiTheFunnelAndThePageCountResponsesByTheDueTimeAndListTheLateOnes() throws Exception {
        String tag = letters(6).toUpperCase();
        long gm = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        long provider = organisations.create("Response test provider " + tag, "PROVIDER", gm, null).id();
        areas.add(provider, AreaKind.GP_PRACTICE, "T" + tag);
        Programme programme = programmes.createUnchecked("RS" + tag, "Response test " + tag,
                SupportType.LOW_INTENSITY, null, gm);
        kpis.seedDefaults(programme.id(), "WW");
        LocalDate today = LocalDate.now(LONDON);
        programmes.addContractUnchecked(new NewContract("RS" + tag + "-LIVE", programme.id(), provider, gm, "Test",
                today.minusYears(1), today.plusYears(1), null));
        CurrentUser commissioner = commissioner();

        long onTime = referral("T" + tag);
        assertThat(triage.signpost(commissioner, triage.triageable(commissioner, onTime), "Citizens Advice")).isTrue();
        long lateDecided = referral("T" + tag);
        overdue(lateDecided);
        assertThat(triage.decline(commissioner, triage.triageable(commissioner, lateDecided), "Not eligible"))
                .isTrue();
        long lateWaiting = referral("T" + tag);
        overdue(lateWaiting);
        referral("T" + tag); // waiting, not yet due

        FinancialYear year = FinancialYear.containing(today);
        int q = Quarter.containing(today).number();
        List<KpiRow> rows = tables.table(commissioner, programme.id(), year).rows();
        assertThat(actual(rows, "REFERRALS", q)).isEqualByComparingTo("4");
        assertThat(actual(rows, "RESPONDED_ON_TIME", q)).isEqualByComparingTo("1");
        assertThat(actual(rows, "RESPONSE_RATE", q)).isEqualByComparingTo("25.0");

        String base = "/performance/" + programme.code() + "/" + year.startYear();
        Document page = page(base + "/responses");
        assertThat(page.select("#response-quarters tbody tr").get(q - 1).select("th, td").eachText())
                .containsExactly("Q" + q, "4", "1", "2", "1", "25.0%");
        assertThat(page.select("#late-responses tbody tr").eachText()).hasSize(2)
                .anySatisfy(row -> assertThat(row).contains(reference(lateWaiting), "No response yet"))
                .anySatisfy(row -> assertThat(row).contains(reference(lateDecided)))
                .noneMatch(row -> row.contains(reference(onTime)));
        assertThat(page(base + "/funnel").select("#funnel-response").text())
                .contains("1 of 4 referrals received this year (25.0%)", "2 late and 1 not yet due");

        // Another hub's commissioner sees none of them, and may not ask for this provider.
        String other = mvc.perform(get(base + "/responses").session(SignIn.as(mvc, SignIn.WMCA_COMMISSIONER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(other).select("#late-responses tbody tr").eachText())
                .noneMatch(row -> row.contains(reference(lateWaiting)));
        mvc.perform(get(base + "/responses").param("organisation", String.valueOf(provider))
                .session(SignIn.as(mvc, SignIn.WMCA_COMMISSIONER))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/responses").session(SignIn.as(mvc, SignIn.BURY_COACH)))
                .andExpect(status().isNotFound());
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(SignIn.as(mvc, SignIn.GM_COMMISSIONER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static BigDecimal actual(List<KpiRow> rows, String code, int quarter) {
        KpiCell cell = rows.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow().quarters()
                .get(quarter - 1);
        return cell.actual();
    }

    /** Due an hour before it was received: whatever comes next is late. */
    private void overdue(long id) {
        jdbc.sql("UPDATE referral SET response_due_at = received_at - INTERVAL '1' HOUR WHERE id = ?").param(id)
                .update();
    }

    private long referral(String practice) {
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Sam", "Response" + letters(8),
                LocalDate.of(1990, 2, 3), null, "07700 900982", null, null, null, null, "BL9 0EJ",
                ContactPreference.PHONE, "Mornings", "Test practice", practice, EmploymentStatus.UNEMPLOYED,
                LocalDate.now(LONDON).minusWeeks(6), null, false, null, true, false, false, "Anxiety", "NO", "Help to find work", true, false, null, null,
                null, null, null);
        return intake.submit(answers, ReferralSource.PUBLIC, null, null).id();
    }

    private String reference(long id) {
        return jdbc.sql("SELECT reference FROM referral WHERE id = ?").param(id).query(String.class).single();
    }

    private CurrentUser commissioner() {
        Map<String, Object> row = jdbc.sql("""
                SELECT p.id, p.full_name, p.organisation_id, o.name FROM person p
                JOIN organisation o ON o.id = p.organisation_id WHERE p.email = ?
                """).param(SignIn.GM_COMMISSIONER).query().singleRow();
        return new CurrentUser(((Number) row.get("id")).longValue(), SignIn.GM_COMMISSIONER,
                (String) row.get("full_name"), ((Number) row.get("organisation_id")).longValue(),
                (String) row.get("name"), Set.of(Role.COMMISSIONER));
    }
}

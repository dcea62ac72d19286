package org.workhealth.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.letters;

import java.time.LocalDate;
import java.time.ZoneId;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

/**
 * The funnel and equality pages. Each test has a programme of its own, so only its own referrals and
 * milestones are counted however full the shared database is.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FunnelAndEqualityPagesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate IN_YEAR = LocalDate.of(2025, 6, 1);
    private static final LocalDate YEAR_BEFORE = LocalDate.of(2025, 3, 31);

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ReferralIntake intake;
    private final Programmes programmes;
    private final Organisations organisations;
    private final Milestones milestones;

    @Autowired
    FunnelAndEqualityPagesTest(MockMvc mvc, JdbcClient jdbc, ReferralIntake intake, Programmes programmes,
            Organisations organisations, Milestones milestones) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.intake = intake;
        this.programmes = programmes;
        this.organisations = organisations;
        this.milestones = milestones;
    }

    // --- funnel ---

    @Test
    void theFunnelCountsDistinctReferralsPerStageAndCohortInTheYear() throws Exception {
        Programme programme = programme();
        long c1 = cohort(programme, "C1");
        long c2 = cohort(programme, "C2");
        long bury = buryLiveWell();
        long r1 = referral(programme, c1, bury);
        record(r1, programme, bury, IN_YEAR, MilestoneType.REFERRAL_RECEIVED, MilestoneType.REFERRAL_ACCEPTED,
                MilestoneType.ENGAGEMENT, MilestoneType.ACTION_PLAN_AGREED, MilestoneType.JOB_START,
                MilestoneType.JOB_RETENTION);
        // Two engagements of one referral count once.
        record(r1, programme, bury, IN_YEAR.plusDays(10), MilestoneType.ENGAGEMENT);
        long r2 = referral(programme, c1, bury);
        record(r2, programme, bury, IN_YEAR, MilestoneType.REFERRAL_RECEIVED, MilestoneType.REFERRAL_ACCEPTED,
                MilestoneType.ENGAGEMENT);
        long r3 = referral(programme, c1, bury);
        record(r3, programme, bury, IN_YEAR, MilestoneType.REFERRAL_RECEIVED);
        // An engagement corrected to a date in the year before no longer counts in this one.
        long wrong = record(r3, programme, bury, IN_YEAR, MilestoneType.ENGAGEMENT);
        milestones.supersede(wrong, new NewMilestone(MilestoneType.ENGAGEMENT, null, r3, programme.id(), null, bury,
                YEAR_BEFORE, Map.of(), null));
        long r4 = referral(programme, c2, bury);
        record(r4, programme, bury, IN_YEAR, MilestoneType.REFERRAL_RECEIVED, MilestoneType.REFERRAL_ACCEPTED);
        // In work when referred, kept their job: a retention, not a job start.
        record(r4, programme, bury, IN_YEAR, MilestoneType.JOB_RETENTION);
        long r5 = referral(programme, null, bury);
        record(r5, programme, bury, IN_YEAR, MilestoneType.REFERRAL_RECEIVED);
        // Last year's referral is not this year's.
        long r6 = referral(programme, c1, bury);
        record(r6, programme, bury, YEAR_BEFORE, MilestoneType.REFERRAL_RECEIVED);
        // Oldham's referral is outside Bury's scope but inside Greater Manchester's.
        long oldham = organisations.findByName("Oldham Working Well service").orElseThrow().id();
        long r7 = referral(programme, c2, oldham);
        record(r7, programme, oldham, IN_YEAR, MilestoneType.REFERRAL_RECEIVED);

        Document bury2025 = funnel(SignIn.BURY_MANAGER, programme.code(), "");
        assertThat(bury2025.select("h1").text()).isEqualTo(programme.name() + " referral funnel, 2025/26");
        // Job starts and job retentions are counted apart, each a share of those with an agreed action plan.
        assertThat(bury2025.select("#funnel-counts thead th").eachText()).containsExactly("Cohort", "Referrals",
                "Eligible", "Engaged", "Action plan agreed", "Job start", "Job retention");
        assertThat(rows(bury2025, "funnel-counts")).containsExactly(
                List.of("Cohort C1", "3", "2", "2", "1", "1", "1"),
                List.of("Cohort C2", "1", "1", "0", "0", "0", "1"),
                List.of("No cohort", "1", "0", "0", "0", "0", "0"),
                List.of("Total", "5", "3", "2", "1", "1", "2"));
        assertThat(bury2025.select("#funnel-conversion thead th").eachText()).contains(
                "Job start (of Action plan agreed)", "Job retention (of Action plan agreed)");
        assertThat(rows(bury2025, "funnel-conversion")).contains(
                List.of("Cohort C2", "100.0%", "0.0%", "Not applicable", "Not applicable", "Not applicable"),
                List.of("Total", "60.0%", "66.7%", "50.0%", "100.0%", "200.0%"));
        assertThat(bury2025.select("#funnel-counts caption").text()).isNotBlank();
        assertThat(bury2025.select("svg#funnel-chart[role=img] > title").text())
                .isEqualTo("Referrals reaching each stage in 2025/26, all cohorts");
        assertThat(bury2025.select("svg rect.chart-bar").eachAttr("data-value"))
                .containsExactly("5", "3", "2", "1", "1", "2");

        Document gm = funnel(SignIn.GM_COMMISSIONER, programme.code(), "");
        assertThat(rows(gm, "funnel-counts").get(1)).containsExactly("Cohort C2", "2", "1", "0", "0", "0", "1");
        assertThat(rows(gm, "funnel-counts").get(3).get(1)).isEqualTo("6");
        // One organisation of the commissioner's scope, when asked.
        Document gmBury = funnel(SignIn.GM_COMMISSIONER, programme.code(), "?organisation=" + bury);
        assertThat(rows(gmBury, "funnel-counts").get(3).get(1)).isEqualTo("5");
        // National sees the figures of every organisation.
        assertThat(rows(funnel(SignIn.NATIONAL, programme.code(), ""), "funnel-counts").get(3).get(1))
                .isEqualTo("6");
        // Another hub sees none of them.
        assertThat(rows(funnel(SignIn.WMCA_COMMISSIONER, programme.code(), ""), "funnel-counts").get(3))
                .containsExactly("Total", "0", "0", "0", "0", "0", "0");
    }

    @Test
    void theFunnelIsNotFoundOutsideTheScopeOrWithoutFigures() throws Exception {
        Programme programme = programme();
        long oldham = organisations.findByName("Oldham").orElseThrow().id();
        notFound(SignIn.BURY_MANAGER, "/performance/" + programme.code() + "/2025/funnel?organisation=" + oldham);
        notFound(SignIn.WMCA_COMMISSIONER,
                "/performance/" + programme.code() + "/2025/funnel?organisation=" + buryLiveWell());
        notFound(SignIn.BURY_MANAGER, "/performance/" + programme.code() + "/2025/funnel?organisation=x");
        notFound(SignIn.BURY_COACH, "/performance/" + programme.code() + "/2025/funnel");
        notFound(SignIn.BURY_MANAGER, "/performance/NOSUCHPROG/2025/funnel");
        notFound(SignIn.BURY_MANAGER, "/performance/" + programme.code() + "/twenty/funnel");
        notFound(SignIn.BURY_COACH, "/performance/" + programme.code() + "/2025/equality");
        notFound(SignIn.BURY_MANAGER, "/performance/" + programme.code() + "/2025/equality?organisation=" + oldham);
    }

    // --- equality ---

    @Test
    void theEqualityPageBreaksDownByAgeSexEthnicityAndDisabilityAndHidesSmallNumbers() throws Exception {
        Programme programme = programme();
        long bury = buryLiveWell();
        LocalDate today = LocalDate.now(LONDON);
        String year = String.valueOf(FinancialYear.containing(today).startYear());
        LocalDate thirty = today.minusYears(30);
        // 7 women and 5 men referred; 6 women and 3 men engaged; one of each with a job outcome.
        for (int i = 0; i < 12; i++) {
            boolean woman = i < 7;
            LocalDate born = i == 11 ? today.minusYears(55) : thirty;
            long id = referral(programme, null, bury, born, woman ? "FEMALE" : "MALE",
                    "White: Irish", i == 0 ? null : "YES");
            record(id, programme, bury, today, MilestoneType.REFERRAL_RECEIVED);
            if ((woman && i < 6) || (!woman && i < 10)) {
                record(id, programme, bury, today, MilestoneType.ENGAGEMENT);
            }
            if (i == 0) {
                record(id, programme, bury, today, MilestoneType.JOB_START, MilestoneType.JOB_RETENTION);
            }
            if (i == 7) {
                record(id, programme, bury, today, MilestoneType.JOB_START);
            }
        }

        Document page = equality(SignIn.BURY_MANAGER, programme.code(), year);
        assertThat(page.select("h1").text()).contains("equality monitoring");
        assertThat(page.select("#suppression").text()).contains("Fewer than 5", "Not shown");
        assertThat(page.select("table caption").eachText())
                .containsExactly("Age at referral", "Sex", "Ethnic group", "Disability", "Area deprivation");

        assertThat(rows(page, "equality-sex")).containsExactly(
                List.of("Female", "7", "Not shown", "Fewer than 5"),
                List.of("Male", "5", "Fewer than 5", "Fewer than 5"),
                List.of("Prefer not to say", "0", "0", "0"),
                List.of("Not known", "0", "0", "0"),
                List.of("Total", "12", "9", "Fewer than 5"));
        assertThat(rows(page, "equality-age-at-referral")).contains(
                List.of("25 to 34", "Not shown", "9", "Fewer than 5"),
                List.of("50 to 64", "Fewer than 5", "0", "0"),
                List.of("16 to 24", "0", "0", "0"));
        assertThat(rows(page, "equality-ethnic-group")).contains(List.of("White", "12", "9", "Fewer than 5"),
                List.of("Asian or Asian British", "0", "0", "0"));
        assertThat(rows(page, "equality-disability")).contains(List.of("Yes", "Not shown", "Not shown",
                "Fewer than 5"), List.of("Not known", "Fewer than 5", "Fewer than 5", "Fewer than 5"));

        // National sees the same counts, and never a name.
        Document national = equality(SignIn.NATIONAL, programme.code(), year);
        assertThat(rows(national, "equality-sex")).isEqualTo(rows(page, "equality-sex"));
        assertThat(national.text()).doesNotContain("Equality" + programme.code());
        // Outside the scope: nothing.
        assertThat(rows(equality(SignIn.WMCA_COMMISSIONER, programme.code(), year), "equality-sex").get(4))
                .containsExactly("Total", "0", "0", "0");
    }

    @Test
    void theAreaBreakdownCountsByTheDecileOfThePostcodeWithTheSameSuppressionAndTheCsvHidesAsThePageDoes()
            throws Exception {
        Programme programme = programme();
        long bury = buryLiveWell();
        LocalDate today = LocalDate.now(LONDON);
        String year = String.valueOf(FinancialYear.containing(today).startYear());
        mvc.perform(multipart("/admin/area-deprivation/upload").file(new MockMultipartFile("file", "imd.csv",
                "text/csv", "postcode,imd_decile\nBL9 1AA,1\nBL9 1AB,2\nBL9 2AA,4\nBL9 3AA,10\n".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))).session(SignIn.as(mvc, SignIn.NATIONAL_ADMIN))
                .with(csrf())).andExpect(status().is3xxRedirection());
        // Referrals / engagements / job outcomes per pair of deciles:
        // 1 to 2: 8/8/5; 3 to 4: 3/1/0; 9 to 10: 7/6/0; not in the lookup: 2/0/0.
        people(programme, bury, today, "bl91aa", 6, 6, 5);
        people(programme, bury, today, "BL9 1AB", 2, 2, 0);
        people(programme, bury, today, "BL9 2AA", 3, 1, 0);
        people(programme, bury, today, "BL9 3AA", 7, 6, 0);
        people(programme, bury, today, "BL9 9ZZ", 2, 0, 0);

        Document page = equality(SignIn.BURY_MANAGER, programme.code(), year);
        assertThat(page.select("#equality-area-deprivation thead th").eachText()).containsExactly(
                "IMD decile of the postcode", "Referrals", "Engagements", "Job outcomes");
        assertThat(rows(page, "equality-area-deprivation")).containsExactly(
                List.of("1 to 2 (most deprived)", "8", "8", "5"),
                List.of("3 to 4", "Fewer than 5", "Fewer than 5", "0"),
                List.of("5 to 6", "0", "0", "0"),
                List.of("7 to 8", "0", "0", "0"),
                // Engagements hide one count (1), so the next smallest (6) is hidden too.
                List.of("9 to 10 (least deprived)", "7", "Not shown", "0"),
                List.of("Not known", "Fewer than 5", "0", "0"),
                List.of("Total", "20", "15", "5"));

        String href = page.select("a[href$=equality.csv]").attr("href");
        assertThat(href).isEqualTo("/performance/" + programme.code() + "/" + year + "/equality.csv");
        var response = mvc.perform(get(href).session(SignIn.as(mvc, SignIn.BURY_MANAGER)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        List<String> lines = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Breakdown,Group,Referrals,Engagements,Job outcomes");
        assertThat(lines).contains("Area deprivation,3 to 4,Fewer than 5,Fewer than 5,0",
                "Area deprivation,9 to 10 (least deprived),7,Not shown,0", "Area deprivation,Total,20,15,5",
                "Sex,Total,20,15,5");
        // Every cell of every table, exactly as the page shows it.
        long cells = page.select("table[id^=equality-] tbody tr").size();
        assertThat(lines).hasSize((int) cells + 1);
        // Someone outside the scope gets the CSV of nothing, and an organisation outside theirs is not found.
        long oldham = organisations.findByName("Oldham Working Well service").orElseThrow().id();
        notFound(SignIn.BURY_MANAGER, href + "?organisation=" + oldham);
        notFound(SignIn.BURY_COACH, href);
        assertThat(mvc.perform(get(href).session(SignIn.as(mvc, SignIn.WMCA_COMMISSIONER))).andReturn().getResponse()
                .getContentAsString()).contains("Area deprivation,Total,0,0,0");
    }

    /** {@code referred} people at the postcode, the first {@code engaged} engaged, the first {@code started} in work. */
    private void people(Programme programme, long organisation, LocalDate on, String postcode, int referred,
            int engaged, int started) {
        for (int i = 0; i < referred; i++) {
            long id = referral(programme, null, organisation, LocalDate.of(1985, 5, 5), null, null, null, postcode);
            record(id, programme, organisation, on, MilestoneType.REFERRAL_RECEIVED);
            if (i < engaged) {
                record(id, programme, organisation, on, MilestoneType.ENGAGEMENT);
            }
            if (i < started) {
                record(id, programme, organisation, on, MilestoneType.JOB_START);
            }
        }
    }

    @Test
    void suppressionHidesTheNextSmallestWhenOnlyOneIsHidden() {
        assertThat(EqualitySuppression.RULE.cells(List.of(10L, 3L, 7L, 0L)))
                .containsExactly("10", "Fewer than 5", "Not shown", "0");
        assertThat(EqualitySuppression.RULE.cells(List.of(10L, 3L, 4L))).containsExactly("10", "Fewer than 5",
                "Fewer than 5");
        assertThat(EqualitySuppression.RULE.cells(List.of(3L, 0L))).containsExactly("Fewer than 5", "0");
        assertThat(EqualitySuppression.RULE.cells(List.of(1200L, 5L))).containsExactly("1,200", "5");
        assertThat(EqualitySuppression.RULE.total(4)).isEqualTo("Fewer than 5");
        assertThat(EqualitySuppression.RULE.total(0)).isEqualTo("0");
    }

    // --- helpers ---

    private Programme programme() {
        String code = "FQ" + letters(6).toUpperCase();
        long gm = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        return programmes.createUnchecked(code, "Funnel test " + code, SupportType.LOW_INTENSITY, null, gm);
    }

    private long cohort(Programme programme, String code) {
        programmes.addCohortUnchecked(programme.id(), code, "Cohort " + code, null);
        return jdbc.sql("SELECT id FROM cohort WHERE programme_id = ? AND code = ?").params(programme.id(), code)
                .query(Long.class).single();
    }

    private long referral(Programme programme, Long cohortId, long routedTo) {
        return referral(programme, cohortId, routedTo, LocalDate.of(1980, 1, 1), null, null, null);
    }

    private long referral(Programme programme, Long cohortId, long routedTo, LocalDate born, String sex,
            String ethnicity, String disability) {
        return referral(programme, cohortId, routedTo, born, sex, ethnicity, disability, "BL9 0EJ");
    }

    private long referral(Programme programme, Long cohortId, long routedTo, LocalDate born, String sex,
            String ethnicity, String disability, String postcode) {
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Alex", "Equality" + programme.code(),
                born, null, "07700 900982", null, null, null, null, postcode, ContactPreference.PHONE, null, null,
                null, EmploymentStatus.UNEMPLOYED, LocalDate.now(LONDON).minusWeeks(6), null, null, null, true, false, false, "Anxiety", "NO",
                "Help to find work", true, false, sex, null, ethnicity, disability, null);
        long id = intake.submit(answers, ReferralSource.PUBLIC, null, null).id();
        jdbc.sql("UPDATE referral SET programme_id = ?, cohort_id = ?, routed_organisation_id = ? WHERE id = ?")
                .params(programme.id(), cohortId, routedTo, id).update();
        return id;
    }

    /** @return the id of the last milestone recorded */
    private long record(long referralId, Programme programme, long organisationId, LocalDate on,
            MilestoneType... types) {
        long id = 0;
        for (MilestoneType type : types) {
            id = milestones.record(new NewMilestone(type, null, referralId, programme.id(), null, organisationId, on,
                    Map.of(), null));
        }
        return id;
    }

    private Document funnel(String email, String code, String query) throws Exception {
        return page(email, "/performance/" + code + "/2025/funnel" + query);
    }

    private Document equality(String email, String code, String year) throws Exception {
        return page(email, "/performance/" + code + "/" + year + "/equality");
    }

    private Document page(String email, String path) throws Exception {
        MockHttpSession session = SignIn.as(mvc, email);
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private void notFound(String email, String path) throws Exception {
        mvc.perform(get(path).session(SignIn.as(mvc, email))).andExpect(status().isNotFound());
    }

    private static List<List<String>> rows(Document page, String tableId) {
        Element table = page.getElementById(tableId);
        assertThat(table).as(tableId).isNotNull();
        return table.select("tbody tr").stream().map(tr -> tr.children().eachText()).toList();
    }

    private long buryLiveWell() {
        return organisations.findByName("Bury Council Live Well service").orElseThrow().id();
    }
}

package org.workhealth.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;

/** Extracts as evaluators receive them: pseudonyms, allowed fields only, dates, withdrawals, log and checksum. */
@SpringBootTest
@AutoConfigureMockMvc
class EvaluationExtractTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);
    private static final LocalDate REFERRED = LocalDate.of(2025, 3, 10);

    @Autowired
    MockMvc mvc;
    @Autowired
    EvaluationFixtures fixtures;
    @Autowired
    ParticipantExtract extract;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Agreements agreements;

    private static List<String[]> rows(String csv) {
        return Arrays.stream(csv.split("\r\n")).map(line -> line.split(",", -1)).toList();
    }

    private String write(Agreement agreement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        extract.write(agreement, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The pseudonym column's values by referral id, from an agreement's extract. */
    private Map<Long, String> pseudonyms(Agreement agreement, List<Long> ids) {
        Pseudonyms p = new Pseudonyms(new AgreementKeyCipher("").decrypt(agreement.keyEncrypted()));
        Map<Long, String> map = new HashMap<>();
        ids.forEach(id -> map.put(id, p.of(id)));
        return map;
    }

    @Test
    void anEvaluatorDownloadsAnExtractWithOnlyTheAllowedFieldsAndNoDirectIdentifiers() throws Exception {
        EvaluationFixtures.Made made = fixtures.referrals(3, REFERRED);
        fixtures.jobStart(made.ids().get(0), REFERRED.plusDays(40));
        Agreement agreement = fixtures.agreement(List.of(ExtractField.AGE_BAND, ExtractField.SEX,
                ExtractField.REFERRAL_DATE, ExtractField.JOB_START_DATE), DateHandling.EXACT, 0, FROM, TO);
        MockHttpSession evaluator = SignIn.as(mvc, EvaluationFixtures.EVALUATOR);
        String home = mvc.perform(get("/evaluation").session(evaluator)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(home).contains(agreement.title()).contains("/evaluation/agreements/" + agreement.id());
        mvc.perform(get("/home").session(evaluator)).andExpect(status().is3xxRedirection());

        String csv = mvc.perform(post("/evaluation/agreements/" + agreement.id() + "/extract").with(csrf())
                .session(evaluator)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String[]> rows = rows(csv);
        assertThat(rows.get(0)).containsExactly("pseudonym", "age_band", "sex", "referral_date", "job_start_date");
        Map<Long, String> pseudonyms = pseudonyms(agreement, made.ids());
        String first = Arrays.stream(csv.split("\r\n")).filter(l -> l.startsWith(pseudonyms.get(made.ids().get(0))))
                .findFirst().orElseThrow();
        // 39 on the day referred: band 4 (35 to 49); female: 1
        assertThat(first).isEqualTo(pseudonyms.get(made.ids().get(0)) + ",4,1,2025-03-10,2025-04-19");
        for (String banned : List.of(made.surname(), "Morgan", EvaluationFixtures.NHS_NUMBER, "943 476 5919",
                EvaluationFixtures.POSTCODE, "WV1", EvaluationFixtures.EMAIL, "07700900999", "1985",
                "Lichfield")) {
            assertThat(csv).as("no %s in the extract", banned).doesNotContain(banned);
        }
        assertThat(made.ids()).allSatisfy(id -> assertThat(csv).contains(pseudonyms.get(id)));

        String page = mvc.perform(get("/evaluation/agreements/" + agreement.id()).session(evaluator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(page).contains(sha);
        Long logged = jdbc.sql("SELECT row_count FROM evaluation_extract WHERE agreement_id = ? AND sha256 = ?")
                .params(agreement.id(), sha).query(Long.class).single();
        assertThat(logged).isEqualTo(rows.size() - 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'EXTRACT' AND record_id = ? "
                + "AND detail LIKE ?").params(String.valueOf(agreement.id()), "%" + logged + " rows%")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void pseudonymsAreStableWithinAnAgreementAndItsVersionsAndDifferAcrossAgreementsAndFromTheReturn() {
        EvaluationFixtures.Made made = fixtures.referrals(2, REFERRED);
        Agreement one = fixtures.agreement(List.of(ExtractField.SEX), DateHandling.EXACT, 0, FROM, TO);
        Agreement two = fixtures.agreement(List.of(ExtractField.SEX), DateHandling.EXACT, 0, FROM, TO);
        String first = write(one);
        assertThat(write(one)).isEqualTo(first);
        Map<Long, String> underOne = pseudonyms(one, made.ids());
        Map<Long, String> underTwo = pseudonyms(two, made.ids());
        for (long id : made.ids()) {
            assertThat(underOne.get(id)).matches("E[A-Z2-7]{16}").isNotEqualTo(underTwo.get(id));
            assertThat(first).contains(underOne.get(id)).doesNotContain(underTwo.get(id));
        }
        Agreement next = agreements.newVersion(fixtures.user(EvaluationFixtures.WMCA), one.id(),
                fixtures.terms(List.of(ExtractField.SEX, ExtractField.AGE_BAND), DateHandling.EXACT, 0, FROM, TO));
        assertThat(next.version()).isEqualTo(2);
        assertThat(pseudonyms(next, made.ids())).isEqualTo(underOne);
        // The national return's pseudonyms are random tokens of another form: none is an evaluation pseudonym.
        List<String> returned = jdbc.sql("SELECT pseudonym FROM return_participant").query(String.class).list();
        assertThat(returned).noneMatch(p -> p.matches("E[A-Z2-7]{16}")).doesNotContainAnyElementsOf(underOne.values());
    }

    @Test
    void withdrawalOfCollectedDataLeavesThePersonOutAndOfFurtherDataBlanksLaterDates() {
        EvaluationFixtures.Made made = fixtures.referrals(3, REFERRED);
        long gone = made.ids().get(0);
        long stopped = made.ids().get(1);
        long stays = made.ids().get(2);
        fixtures.jobStart(stopped, REFERRED.plusDays(60));
        fixtures.jobStart(stays, REFERRED.plusDays(60));
        fixtures.withdraw("TIW", gone, REFERRED.plusDays(5), false, true);
        fixtures.withdraw("TIW", stopped, REFERRED.plusDays(30), true, false);
        Agreement agreement = fixtures.agreement(List.of(ExtractField.REFERRAL_DATE, ExtractField.JOB_START_DATE),
                DateHandling.EXACT, 0, FROM, TO);
        String csv = write(agreement);
        Map<Long, String> p = pseudonyms(agreement, made.ids());
        assertThat(csv).doesNotContain(p.get(gone));
        assertThat(csv).contains(p.get(stopped) + ",2025-03-10,\r\n");
        assertThat(csv).contains(p.get(stays) + ",2025-03-10,2025-05-09\r\n");
    }

    @Test
    void shiftedDatesKeepEachPersonsIntervalsAndMonthsCoarsen() {
        EvaluationFixtures.Made made = fixtures.referrals(4, REFERRED);
        made.ids().forEach(id -> fixtures.jobStart(id, REFERRED.plusDays(40)));
        Agreement shifted = fixtures.agreement(List.of(ExtractField.REFERRAL_DATE, ExtractField.JOB_START_DATE),
                DateHandling.SHIFTED, 30, FROM, TO);
        Map<Long, String> p = pseudonyms(shifted, made.ids());
        String csv = write(shifted);
        for (long id : made.ids()) {
            String[] row = rows(csv).stream().filter(r -> r[0].equals(p.get(id))).findFirst().orElseThrow();
            LocalDate referred = LocalDate.parse(row[1]);
            assertThat(LocalDate.parse(row[2])).isEqualTo(referred.plusDays(40));
            assertThat(Math.abs(referred.toEpochDay() - REFERRED.toEpochDay())).isLessThanOrEqualTo(30);
        }
        assertThat(write(shifted)).isEqualTo(csv);
        Agreement months = fixtures.agreement(List.of(ExtractField.REFERRAL_DATE, ExtractField.JOB_START_DATE),
                DateHandling.MONTH, 0, FROM, TO);
        assertThat(write(months)).contains(pseudonyms(months, made.ids()).get(made.ids().get(0)) + ",2025-03,2025-04");
    }

    @Test
    void onlyPeopleReferredInThePeriodAndNothingDatedAfterItLeave() {
        EvaluationFixtures.Made inside = fixtures.referrals(1, LocalDate.of(2024, 6, 1));
        EvaluationFixtures.Made outside = fixtures.referrals(1, LocalDate.of(2023, 6, 1));
        fixtures.jobStart(inside.ids().get(0), LocalDate.of(2025, 2, 1));
        Agreement agreement = fixtures.agreement(List.of(ExtractField.JOB_START_DATE), DateHandling.EXACT, 0,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        String csv = write(agreement);
        assertThat(csv).contains(pseudonyms(agreement, inside.ids()).get(inside.ids().get(0)) + ",\r\n")
                .doesNotContain(pseudonyms(agreement, outside.ids()).get(outside.ids().get(0)));
    }

    @Test
    void reproducingAnExtractSaysWhetherTheChecksumMatches() throws Exception {
        fixtures.referrals(2, REFERRED);
        Agreement agreement = fixtures.agreement(List.of(ExtractField.SEX), DateHandling.EXACT, 0, FROM, TO);
        MockHttpSession evaluator = SignIn.as(mvc, EvaluationFixtures.EVALUATOR);
        mvc.perform(post("/evaluation/agreements/" + agreement.id() + "/extract").with(csrf()).session(evaluator))
                .andExpect(status().isOk());
        long made = jdbc.sql("SELECT MAX(id) FROM evaluation_extract WHERE agreement_id = ?").param(agreement.id())
                .query(Long.class).single();
        MockHttpSession commissioner = SignIn.as(mvc, EvaluationFixtures.WMCA);
        String notice = (String) mvc.perform(post("/evaluation/agreements/" + agreement.id() + "/extracts/" + made
                + "/reproduce").with(csrf()).session(commissioner)).andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get("notice");
        assertThat(notice).contains("checksum matches");
        fixtures.referrals(1, REFERRED);
        notice = (String) mvc.perform(post("/evaluation/agreements/" + agreement.id() + "/extracts/" + made
                + "/reproduce").with(csrf()).session(commissioner)).andReturn().getFlashMap().get("notice");
        assertThat(notice).contains("checksum differs").contains("data may have changed");
    }

    @Test
    void theAggregateTableHidesSmallCountsAndTheOneThatWouldGiveThemAway() throws Exception {
        // A month of its own, so that no other test's referrals are counted.
        LocalDate on = LocalDate.of(2022, 2, 10);
        EvaluationFixtures.Made made = fixtures.referrals(7, on);
        jdbc.sql("UPDATE referral SET sex = 'MALE' WHERE id = ?").param(made.ids().get(6)).update();
        fixtures.jobStart(made.ids().get(0), on.plusDays(10));
        Agreement agreement = fixtures.agreement(List.of(ExtractField.SEX), DateHandling.EXACT, 0,
                LocalDate.of(2022, 2, 1), LocalDate.of(2022, 2, 28));
        String csv = mvc.perform(post("/evaluation/agreements/" + agreement.id() + "/aggregate").with(csrf())
                .session(SignIn.as(mvc, EvaluationFixtures.EVALUATOR))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        // One man is fewer than 5; the six women would give him away from the total, so they are hidden too. The
        // one job start is fewer than 5, and no other count in its column could give it away.
        assertThat(rows(csv)).extracting(r -> String.join(",", r)).containsExactly(
                "breakdown,group,arm,people,engaged,job_started",
                "sex,Female,All,suppressed,0,<5",
                "sex,Male,All,<5,0,0",
                "total,All,All,7,,");
    }

    @Test
    void theDictionaryDescribesTheSameColumnsForCsvStataAndSpss() throws Exception {
        Agreement agreement = fixtures.agreement(List.of(ExtractField.SEX, ExtractField.REFERRAL_DATE),
                DateHandling.EXACT, 0, FROM, TO);
        MockHttpSession evaluator = SignIn.as(mvc, EvaluationFixtures.EVALUATOR);
        String base = "/evaluation/agreements/" + agreement.id();
        String csv = mvc.perform(get(base + "/dictionary.csv").session(evaluator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("field,label,meaning,type,codes,source\r\npseudonym,")
                .contains("sex,Sex,").contains("1=Female; 2=Male; 9=Prefer not to say,referral")
                .contains("referral_date,Referral date");
        String stata = mvc.perform(get(base + "/dictionary.do").session(evaluator)).andReturn().getResponse()
                .getContentAsString();
        assertThat(stata).contains("import delimited using \"agreement-" + agreement.seriesId() + "-v1-participants.csv\"")
                .contains("label define sex_lbl 1 \"Female\" 2 \"Male\" 9 \"Prefer not to say\"")
                .contains("label values sex sex_lbl");
        String spss = mvc.perform(get(base + "/dictionary.sps").session(evaluator)).andReturn().getResponse()
                .getContentAsString();
        assertThat(spss).contains("GET DATA /TYPE=TXT").contains("sex F8.0").contains("VARIABLE LABELS")
                .contains("VALUE LABELS\n  sex 1 'Female' 2 'Male' 9 'Prefer not to say'");
    }
}

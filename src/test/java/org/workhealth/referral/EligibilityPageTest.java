package org.workhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.internal.MatchKey;

/** The commissioner's eligibility page, and eligibility and cohorts worked out for real referrals. */
@SpringBootTest
@AutoConfigureMockMvc
class EligibilityPageTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Organisations organisations;
    private final EligibilityRules rules;
    private final EligibilityCheck check;

    @Autowired
    EligibilityPageTest(MockMvc mvc, JdbcClient jdbc, Programmes programmes, Organisations organisations,
            EligibilityRules rules, EligibilityCheck check) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.organisations = organisations;
        this.rules = rules;
        this.check = check;
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
    }

    private long wmca() {
        return organisations.findByName("West Midlands Combined Authority").orElseThrow().id();
    }

    @Test
    void commissionerSeesThriveIntoWorkRulesAndACoachIsToldThePageIsNotFound() throws Exception {
        long thrive = programmes.findByCode("TIW").orElseThrow().id();
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        String html = mvc.perform(get("/programmes/" + thrive + "/eligibility").session(commissioner))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Eligibility rules", "Thrive into Work", "Add a rule", "Age range");

        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(get("/programmes/" + thrive + "/eligibility").session(coach)).andExpect(status().isNotFound());
        mvc.perform(post("/programmes/" + thrive + "/eligibility").session(coach).with(csrf())
                .param("kind", "HEALTH_CONDITION_PRESENT")).andExpect(status().isNotFound());
    }

    @Test
    void commissionerAddsAndRemovesRulesAndEachChangeIsAudited() throws Exception {
        Programme programme = programmes.createUnchecked("EP" + unique(), "Eligibility page " + unique(),
                SupportType.LOW_INTENSITY, null, wmca());
        String path = "/programmes/" + programme.id() + "/eligibility";
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);

        mvc.perform(post(path).session(commissioner).with(csrf()).param("kind", "AGE_RANGE")
                        .param("minAge", "18").param("maxAge", "64"))
                .andExpect(redirectedUrl(path)).andExpect(flash().attribute("notice", "Rule added: Aged 18 to 64"));
        mvc.perform(post(path).session(commissioner).with(csrf()).param("kind", "EMPLOYMENT_STATUS_IN")
                        .param("statuses", "EMPLOYED", "OFF_SICK"))
                .andExpect(redirectedUrl(path));
        String html = mvc.perform(get(path).session(commissioner)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Aged 18 to 64", "Employment status is employed or off sick from a job");

        // Errors come back as GOV.UK messages, keeping the answers given.
        String errors = mvc.perform(post(path).session(commissioner).with(csrf()).param("kind", "WEEKS_SINCE_LAST_WORKED_AT_MOST")
                        .param("weeks", "eight"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(errors).contains("Error: ", "Number of weeks must be a whole number, like 16", "value=\"eight\"");
        String noKind = mvc.perform(post(path).session(commissioner).with(csrf())).andReturn().getResponse()
                .getContentAsString();
        assertThat(noKind).contains("Select the kind of rule");
        String twice = mvc.perform(post(path).session(commissioner).with(csrf()).param("kind", "AGE_RANGE")
                .param("minAge", "16").param("maxAge", "67")).andReturn().getResponse().getContentAsString();
        assertThat(twice).contains("This programme already has a rule of this kind");

        long ageRule = rules.rules(programme.id()).get(0).id();
        mvc.perform(post(path + "/remove").session(commissioner).with(csrf()).param("ruleId", String.valueOf(ageRule)))
                .andExpect(redirectedUrl(path)).andExpect(flash().attribute("notice", "Rule removed"));
        assertThat(rules.rules(programme.id())).extracting(EligibilityRule::kind)
                .containsExactly(EligibilityRuleKind.EMPLOYMENT_STATUS_IN);

        // A rule of another programme cannot be removed through this one.
        long thrive = programmes.findByCode("TIW").orElseThrow().id();
        long otherRule = rules.addRule(thrive, EligibilityRuleKind.WEEKS_SINCE_LAST_WORKED_AT_MOST, "52");
        mvc.perform(post(path + "/remove").session(commissioner).with(csrf()).param("ruleId", String.valueOf(otherRule)))
                .andExpect(status().isNotFound());
        rules.removeRule(thrive, otherRule);

        List<String> audited = jdbc.sql("SELECT action FROM audit_event WHERE record_type = 'programme' AND record_id = ?")
                .param(String.valueOf(programme.id())).query(String.class).list();
        assertThat(audited).contains("ADD_ELIGIBILITY_RULE", "REMOVE_ELIGIBILITY_RULE");
    }

    @Test
    void assessesARealReferralAgainstWorkWellDefaultsAndSuggestsItsCohort() {
        long wmca = wmca();
        long provider = organisations.findByName("Black Country Healthcare NHS Foundation Trust").map(Organisation::id)
                .orElseThrow();
        Programme programme = programmes.createUnchecked("EW" + unique(), "Eligibility check " + unique(),
                SupportType.LOW_INTENSITY, null, wmca);
        for (String[] cohort : new String[][] {{"C1", "In work, at risk of falling out"}, {"C2", "Off sick from work"},
                {"C3", "Recently out of work"}, {"C4", "Out of work and ready to look for work"}}) {
            programmes.addCohortUnchecked(programme.id(), cohort[0], cohort[1], null);
        }
        programmes.addContractUnchecked(new NewContract("EW-" + unique(), programme.id(), provider, wmca, "Test area",
                LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), null));
        rules.seedDefaults(programme.id(), "WW");
        rules.seedDefaults(programme.id(), "WW"); // a second call adds nothing
        String practice = "Y" + unique().replaceAll("[^0-9]", "7").substring(0, 5);
        jdbc.sql("INSERT INTO referral_area (organisation_id, kind, code) VALUES (?, 'GP_PRACTICE', ?)")
                .params(provider, practice).update();

        Instant received = Instant.parse("2026-11-23T10:00:00Z");
        LocalDate sixteenToday = LocalDate.of(2010, 11, 23);
        String last = "Eligible" + unique().replaceAll("[0-9]", "x").toLowerCase();
        long referral = referral(received, last, sixteenToday, practice, "UNEMPLOYED", LocalDate.of(2026, 9, 28),
                "RECEIVED", null);

        Map<String, RuleOutcome> outcomes = check.assess(referral, programme.id()).stream()
                .collect(Collectors.toMap(RuleOutcome::rule, o -> o));
        assertThat(outcomes).hasSize(6);
        assertThat(outcomes.values()).allMatch(RuleOutcome::passed);
        assertThat(outcomes.get("Aged 16 to 67").reason()).isEqualTo("Aged 16 when referred");
        assertThat(outcomes.get("Lives in, or is registered with a GP practice in, the programme's area").reason())
                .isEqualTo("GP practice " + practice + " (Black Country Healthcare NHS Foundation Trust) is in the programme's area");
        assertThat(check.suggestCohort(referral, programme.id())).map(SuggestedCohort::cohortName)
                .contains("Recently out of work");

        // The same person already accepted onto the programme: not eligible again.
        referral(received, last, sixteenToday, practice, "EMPLOYED", null, "ACCEPTED", programme.id());
        assertThat(check.assess(referral, programme.id()))
                .filteredOn(o -> o.rule().equals("Not already accepted on this programme"))
                .singleElement().satisfies(o -> {
                    assertThat(o.passed()).isFalse();
                    assertThat(o.reason()).startsWith("Already accepted on this programme (referral ");
                });
        // The other programme's rules are unaffected by it.
        long thrive = programmes.findByCode("TIW").orElseThrow().id();
        assertThat(check.assess(referral, thrive)).noneMatch(o -> o.reason().startsWith("Already accepted"));
    }

    private long referral(Instant received, String lastName, LocalDate dateOfBirth, String practice, String status,
            LocalDate unemployedSince, String referralStatus, Long programmeId) {
        String postcode = "B70 9PL";
        org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO referral (reference, status, source, received_at, response_due_at, routed_organisation_id,
                            referring_for, first_name, last_name, date_of_birth, postcode, contact_preference,
                            gp_practice_code, employment_status, unemployed_since, condition_mental_health,
                            consent_to_contact, match_key, programme_id)
                        VALUES (?, ?, 'PUBLIC', ?, ?, ?, 'SELF', 'Test', ?, ?, ?, 'PHONE', ?, ?, ?, TRUE, TRUE, ?, ?)
                        """)
                .params("T" + unique(), referralStatus, Timestamp.from(received), Timestamp.from(received),
                        wmca(), lastName, Date.valueOf(dateOfBirth), postcode, practice, status,
                        unemployedSince == null ? null : Date.valueOf(unemployedSince),
                        MatchKey.of("Test", lastName, dateOfBirth, postcode), programmeId)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }
}

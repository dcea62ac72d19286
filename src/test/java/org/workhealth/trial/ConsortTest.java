package org.workhealth.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.workhealth.SignIn;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Role;
import org.workhealth.trial.consort.ArmFlow;
import org.workhealth.trial.consort.Consort;
import org.workhealth.trial.consort.ConsortCounts;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.internal.TrialDesign;
import org.workhealth.trial.internal.UnitFacts;
import org.workhealth.trial.internal.Randomiser;

/** The CONSORT boxes counted from a record built for the purpose, each box checked, and that they add up. */
@SpringBootTest
@AutoConfigureMockMvc
class ConsortTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TrialFixtures fixtures;
    @Autowired
    Randomiser randomiser;
    @Autowired
    Trials trials;
    @Autowired
    Consort consort;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Casework casework;
    @Autowired
    Milestones milestones;
    @Autowired
    AccessPolicy access;

    private CurrentUser commissioner;

    private void exclude(Trial trial, long unit, String reason) {
        jdbc.sql("""
                INSERT INTO trial_exclusion (trial_id, unit_type, unit_id, unit_organisation_id, reason, recorded_by,
                    recorded_at) VALUES (?, 'PARTICIPANT', ?, 1, ?, ?, CURRENT_TIMESTAMP)""")
                .params(trial.id(), unit, reason, commissioner.id()).update();
    }

    private void withdraw(Trial trial, Allocation a, boolean furtherData, boolean collectedData, LocalDate on) {
        jdbc.sql("""
                INSERT INTO research_consent (study_code, referral_id, organisation_id, information_sheet_version,
                    consented_on, recorded_by, recorded_at, withdrawn_on, withdrawal_recorded_by,
                    withdrawal_recorded_at, withdraws_contact, withdraws_further_data, withdraws_collected_data)
                VALUES (?, ?, 1, 'v1', ?, ?, CURRENT_TIMESTAMP, ?, ?, CURRENT_TIMESTAMP, FALSE, ?, ?)""")
                .params(trial.code(), a.unitId(), LocalDate.now().minusDays(60), commissioner.id(), on,
                        commissioner.id(), furtherData, collectedData).update();
    }

    private void finalPoint(Allocation a, String status, LocalDate assessed) {
        jdbc.sql("UPDATE trial_follow_up SET status = ?, assessed_on = ? WHERE allocation_id = ? AND week = 52")
                .params(status, assessed, a.id()).update();
    }

    private void engaged(Allocation a) {
        long bury = jdbc.sql("SELECT id FROM organisation WHERE name = 'Bury Council Live Well service'")
                .query(Long.class).single();
        long coach = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.BURY_COACH).query(Long.class)
                .single();
        long programme = fixtures.thriveIntoWork();
        String reference = jdbc.sql("SELECT reference FROM referral WHERE id = ?").param(a.unitId())
                .query(String.class).single();
        long caseId = casework.openCase(new OpenCase(a.unitId(), reference, programme, null, bury, coach,
                "UNEMPLOYED", LocalDate.now()));
        milestones.record(new NewMilestone(MilestoneType.ENGAGEMENT, caseId, a.unitId(), programme, null, bury,
                LocalDate.now(), Map.of(), coach));
    }

    @Test
    void everyBoxCountsWhatItSaysAndTheNumbersAddUp() throws Exception {
        commissioner = fixtures.user(SignIn.WMCA_COMMISSIONER);
        Trial trial = fixtures.trial(commissioner, AllocationMethod.PERMUTED_BLOCKS, List.of());
        List<Allocation> treatment = new ArrayList<>();
        List<Allocation> control = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Allocation a = randomiser.randomise(commissioner, trial.id(),
                    new UnitFacts(fixtures.buryReferral(), 1L, Map.of()));
            (trial.arm(a.armCode()).control() ? control : treatment).add(a);
        }
        exclude(trial, 990_000_001L, "NOT_ELIGIBLE");
        exclude(trial, 990_000_002L, "NOT_ELIGIBLE");
        exclude(trial, 990_000_003L, "NOT_ELIGIBLE");
        exclude(trial, 990_000_004L, "DECLINED");
        exclude(trial, 990_000_005L, "DECLINED");
        exclude(trial, 990_000_006L, "OTHER");
        // excluded at first, randomised later: counted once, as randomised
        exclude(trial, treatment.get(4).unitId(), "OTHER");

        randomiser.markInError(commissioner, trial, treatment.get(0).id(), "Under 18");
        withdraw(trial, treatment.get(1), true, true, LocalDate.now());
        finalPoint(treatment.get(2), "RECORDED", LocalDate.now());
        engaged(treatment.get(2));
        finalPoint(treatment.get(3), "LOST", null);
        withdraw(trial, control.get(0), true, false, LocalDate.now().minusDays(1));
        finalPoint(control.get(1), "RECORDED", LocalDate.now());
        jdbc.sql("""
                INSERT INTO trial_drop_out (allocation_id, dropped_on, reason, recorded_by, recorded_at)
                VALUES (?, CURRENT_DATE, 'HEALTH', ?, CURRENT_TIMESTAMP)""").params(control.get(1).id(),
                commissioner.id()).update();
        withdraw(trial, control.get(2), true, false, LocalDate.now().minusDays(1));
        finalPoint(control.get(2), "RECORDED", LocalDate.now());

        ConsortCounts c = consort.counts(trial);
        assertThat(c.excludedNotEligible()).isEqualTo(3);
        assertThat(c.excludedDeclined()).isEqualTo(2);
        assertThat(c.excludedOther()).isEqualTo(1);
        assertThat(c.excluded()).isEqualTo(6);
        assertThat(c.randomised()).isEqualTo(12);
        assertThat(c.assessed()).isEqualTo(18);
        ArmFlow t = c.arms().get(0);
        ArmFlow u = c.arms().get(1);
        assertThat(t.control()).isFalse();
        assertThat(t.allocated()).isEqualTo(treatment.size());
        assertThat(t.received()).isEqualTo(1);
        assertThat(t.notReceived()).isEqualTo(treatment.size() - 1);
        assertThat(t.excludedInError()).isEqualTo(1);
        assertThat(t.excludedDataWithdrawn()).isEqualTo(1);
        assertThat(t.analysed()).isEqualTo(1);
        assertThat(t.lostFinalPoint()).isEqualTo(1);
        assertThat(t.lostWithdrawn()).isZero();
        assertThat(t.discontinued()).isZero();
        assertThat(t.awaiting()).isEqualTo(treatment.size() - 4);
        assertThat(u.allocated()).isEqualTo(control.size());
        assertThat(u.received()).as("usual care is received by all allocated to it").isEqualTo(control.size());
        assertThat(u.lostWithdrawn()).isEqualTo(2);
        assertThat(u.analysed()).isEqualTo(1);
        assertThat(u.discontinued()).isEqualTo(1);
        assertThat(u.awaiting()).isEqualTo(control.size() - 3);
        assertThat(u.excludedFromAnalysis()).isZero();
        assertThat(c.addsUp()).isTrue();
        for (ArmFlow arm : c.arms()) {
            assertThat(arm.analysed() + arm.excludedFromAnalysis() + arm.lost() + arm.awaiting())
                    .isEqualTo(arm.allocated());
            assertThat(arm.received() + arm.notReceived()).isEqualTo(arm.allocated());
        }
        assertThat(c.arms().stream().mapToInt(ArmFlow::allocated).sum() + c.excluded()).isEqualTo(c.assessed());
        // referred: the programme's referrals received in the owner's scope since recruitment started
        long referred = jdbc.sql("""
                SELECT COUNT(DISTINCT m.referral_id) FROM milestone m WHERE m.type = 'REFERRAL_RECEIVED'
                  AND m.programme_id = :p AND m.organisation_id IN (:orgs) AND m.occurred_on >= :from
                  AND m.occurred_on <= CURRENT_DATE AND m.withdrawn = FALSE
                  AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)""")
                .param("p", trial.programmeId()).param("orgs", List.copyOf(access.scopeOf(trial.ownerOrganisationId())))
                .param("from", trial.recruitmentStarts()).query(Long.class).single();
        assertThat(c.referred()).isEqualTo(referred);

        MockHttpSession session = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        long viewsBefore = views(trial);
        String page = mvc.perform(get("/trials/" + trial.id() + "/consort").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Randomised (n=12)").contains("Assessed for eligibility (n=18 participants)")
                .contains("role=\"img\"").contains("<title id=\"consort-title\">");
        byte[] svg = mvc.perform(get("/trials/" + trial.id() + "/consort.svg").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        String text = document.getDocumentElement().getTextContent();
        assertThat(text).contains("Excluded (n=6)").contains("Not eligible (n=3)").contains("Declined to take part (n=2)")
                .contains("Allocated to Individual placement")
                .contains("Analysed (n=1)").contains("Discontinued intervention (n=1)");
        String csv = mvc.perform(get("/trials/" + trial.id() + "/consort.csv").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("stage,arm,box,count").contains("\"Enrolment\",\"\",\"Randomised\",12")
                .contains("\"Analysis\",\"Usual care\",\"Analysed\",1");
        assertThat(views(trial)).isEqualTo(viewsBefore + 3);
    }

    private long views(Trial trial) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'VIEW' AND record_type = 'trial_consort' "
                + "AND record_id = ?").param(String.valueOf(trial.id())).query(Long.class).single();
    }

    @Test
    void anEmployerTrialCountsEmployersAndHasNoReferredBox() throws Exception {
        commissioner = fixtures.user(SignIn.WMCA_COMMISSIONER);
        TrialDesign p = fixtures.design(AllocationMethod.PERMUTED_BLOCKS, List.of());
        Trial trial = trials.create(commissioner, new TrialDesign(p.programmeId(),
                "SME-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "Wellbeing grant trial",
                TrialUnit.EMPLOYER, p.method(), p.arms(), List.of(), p.blockMultipliers(), 0.8, p.recruitmentStarts(),
                p.recruitmentEnds(), 148, EnumSet.of(Role.COMMISSIONER), "Usual offer", List.of(26)));
        for (int i = 0; i < 4; i++) {
            randomiser.randomise(commissioner, trial.id(), new UnitFacts(880_000_000L + i, 1L, Map.of()));
        }
        ConsortCounts c = consort.counts(trial);
        assertThat(c.referred()).isNull();
        assertThat(c.randomised()).isEqualTo(4);
        assertThat(c.addsUp()).isTrue();
        String page = mvc.perform(get("/trials/" + trial.id() + "/consort")
                .session(SignIn.as(mvc, SignIn.WMCA_COMMISSIONER))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("(n=4 employers)").doesNotContain("Referred to the programme");
    }

    @Test
    void anotherHubCannotSeeTheDiagramNorItsNumbers() throws Exception {
        commissioner = fixtures.user(SignIn.WMCA_COMMISSIONER);
        Trial trial = fixtures.trial(commissioner, AllocationMethod.PERMUTED_BLOCKS, List.of());
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        for (String path : List.of("/consort", "/consort.svg", "/consort.csv")) {
            mvc.perform(get("/trials/" + trial.id() + path).session(gm)).andExpect(status().isNotFound());
        }
        assertThat(views(trial)).isZero();
    }
}

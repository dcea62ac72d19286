package org.workhealth.trial.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.calendar.Quarter;
import org.workhealth.employer.Employer;
import org.workhealth.employer.EmployerExamples;
import org.workhealth.employer.Employers;
import org.workhealth.funding.internal.FundingAgreements;
import org.workhealth.funding.FundingExamples;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.programme.Programmes;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.internal.StratificationFactor;
import org.workhealth.trial.Trial;

/** SME trials: randomising employers, exclusions, the grant's instalment rules, funding lines, drop-outs, access. */
@SpringBootTest
@AutoConfigureMockMvc
class SmeTrialTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SmeTrialExamples examples;
    @Autowired
    SmeTrials smeTrials;
    @Autowired
    SmeGrants grants;
    @Autowired
    EmployerExamples employerExamples;
    @Autowired
    Employers employers;
    @Autowired
    FundingExamples fundingExamples;
    @Autowired
    FundingAgreements agreements;
    @Autowired
    Programmes programmes;
    @Autowired
    People people;
    @Autowired
    Organisations organisations;

    CurrentUser commissioner;
    long agreementId;
    long taw;

    @BeforeEach
    void setUp() {
        commissioner = user(SignIn.WMCA_COMMISSIONER);
        taw = programmes.findByCode("TAW").orElseThrow().id();
        synchronized (SmeTrialTest.class) {
            long contract = programmes.findContractByReference("TAW-WMCA-2026").orElseThrow().id();
            agreementId = agreements.idForContract(contract).orElseGet(fundingExamples::thriveAtWorkThisYear);
        }
    }

    private CurrentUser user(String email) {
        Person person = people.findByEmail(email).orElseThrow();
        return new CurrentUser(person.id(), person.email(), person.fullName(), person.organisationId(),
                organisations.find(person.organisationId()).orElseThrow().name(), person.roleSet());
    }

    private Trial trial(List<StratificationFactor> factors) {
        Trial trial = examples.trial(taw, commissioner.organisationId(), "SME-" + UUID.randomUUID().toString()
                .substring(0, 8), "Test SME trial", 100, factors);
        grants.addInstalment(commissioner, trial, agreementId, 100_000, "On signing the grant agreement");
        grants.addInstalment(commissioner, trial, null, 150_000, "On evidence of the wellbeing activity");
        return trial;
    }

    private List<Employer> smes(int count) {
        return employers.findAll(employerExamples.smes(count, "Test " + UUID.randomUUID().toString().substring(0, 6)));
    }

    private int allocations(Trial trial) {
        return jdbc.sql("SELECT COUNT(*) FROM trial_allocation WHERE trial_id = ?").param(trial.id())
                .query(Integer.class).single();
    }

    @Test
    void aCommissionerRandomisesAnSmeWithStrataFromItsRecordOnceAndNamesWhoAgreed() throws Exception {
        Trial trial = trial(List.of(StratificationFactor.SIZE_BAND, StratificationFactor.SECTOR));
        Employer sme = smes(1).get(0);
        MockHttpSession session = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        String path = "/trials/" + trial.id() + "/employers/" + sme.id() + "/randomise";
        mvc.perform(get(path).session(session)).andExpect(status().isOk());
        String refused = mvc.perform(post(path).session(session).with(csrf()).param("eligible", "yes")
                .param("consentBy", "Jo Bradley, director")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Confirm the employer has agreed to take part").contains("Jo Bradley, director");
        assertThat(allocations(trial)).isZero();

        for (int i = 0; i < 2; i++) {
            mvc.perform(post(path).session(session).with(csrf()).param("eligible", "yes").param("consented", "yes")
                    .param("consentBy", "Jo Bradley, director")).andExpect(status().isOk());
        }
        assertThat(allocations(trial)).isEqualTo(1);
        Allocation allocation = smeTrials.allocation(trial, sme.id()).orElseThrow();
        assertThat(allocation.strata()).containsEntry("SIZE_BAND", sme.sizeBand().name())
                .containsEntry("SECTOR", sme.sicSection());
        assertThat(smeTrials.consentGivenBy(trial, sme.id())).contains("Jo Bradley, director");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'RANDOMISE' AND record_id = ?")
                .param(String.valueOf(allocation.id())).query(Integer.class).single()).isEqualTo(1);
        mvc.perform(get("/trials/" + trial.id() + "/employers").session(session)).andExpect(status().isOk());
        mvc.perform(get("/trials/" + trial.id() + "/employers/" + sme.id()).session(session))
                .andExpect(status().isOk());
    }

    @Test
    void anExcludedSmeIsRecordedWithItsReasonAndIsNotRandomisedAfter() throws Exception {
        Trial trial = trial(List.of());
        Employer sme = smes(1).get(0);
        MockHttpSession session = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        mvc.perform(post("/trials/" + trial.id() + "/employers/" + sme.id() + "/exclude").session(session)
                .with(csrf()).param("reason", "DECLINED").param("detail", "Too busy this year"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT unit_type || ':' || reason FROM trial_exclusion WHERE trial_id = ?")
                .param(trial.id()).query(String.class).single()).isEqualTo("EMPLOYER:DECLINED");
        mvc.perform(post("/trials/" + trial.id() + "/employers/" + sme.id() + "/randomise").session(session)
                .with(csrf()).param("eligible", "yes").param("consented", "yes").param("consentBy", "Sam"))
                .andExpect(status().isOk());
        assertThat(allocations(trial)).isZero();
    }

    @Test
    void instalmentsArePaidOnceOnlyToTheTreatmentArmAfterTheirConditionAndNotAfterDroppingOut() {
        Trial trial = trial(List.of());
        List<Employer> smes = smes(4);
        List<Allocation> made = new ArrayList<>();
        smes.forEach(s -> made.add(smeTrials.randomise(commissioner, trial, s, "Owner")));
        int t = -1;
        int c = -1;
        for (int i = 0; i < 4; i++) {
            if (trial.arm(made.get(i).armCode()).control()) {
                c = i;
            } else {
                t = i;
            }
        }
        Allocation treated = made.get(t);
        Employer treatedSme = smes.get(t);
        LocalDate today = LocalDate.now();

        assertThatThrownBy(() -> grants.pay(commissioner, trial, treated, treatedSme, 1))
                .hasMessageContaining("condition has not been met");
        grants.conditionMet(commissioner, trial, treated, 1, "GA-1", today);
        grants.pay(commissioner, trial, treated, treatedSme, 1);
        assertThatThrownBy(() -> grants.pay(commissioner, trial, treated, treatedSme, 1))
                .hasMessageContaining("already been paid");
        assertThat(jdbc.sql("SELECT amount_pence FROM funding_grant_line WHERE source_key = ?")
                .param("TRIAL-" + trial.id() + "-A" + treated.id() + "-I1").query(Long.class).list())
                .containsExactly(100_000L);

        Allocation control = made.get(c);
        assertThatThrownBy(() -> grants.conditionMet(commissioner, trial, control, 1, "GA-2", today))
                .hasMessageContaining("control arm");

        grants.dropOut(commissioner, trial, treated, new SmeDropOut(today, DropOutReason.CEASED_TRADING, null));
        assertThat(grants.instalments(trial, treated)).extracting(SmeInstalment::status)
                .containsExactly(InstalmentStatus.PAID, InstalmentStatus.WITHHELD);
        assertThatThrownBy(() -> grants.conditionMet(commissioner, trial, treated, 2, "WA-1", today))
                .hasMessageContaining("dropped out");
        assertThat(jdbc.sql("SELECT reason FROM trial_drop_out WHERE allocation_id = ?").param(treated.id())
                .query(String.class).single()).isEqualTo("CEASED_TRADING");
    }

    @Test
    void aPaidInstalmentIsAGrantLineOnTheAgreementsClaimStatementWithItsExactAmount() throws Exception {
        Trial trial = trial(List.of());
        List<Employer> smes = smes(4);
        Allocation treated = null;
        Employer treatedSme = null;
        for (Employer s : smes) {
            Allocation a = smeTrials.randomise(commissioner, trial, s, "Owner");
            if (!trial.arm(a.armCode()).control()) {
                treated = a;
                treatedSme = s;
            }
        }
        grants.conditionMet(commissioner, trial, treated, 1, "GA-9", LocalDate.now());
        MockHttpSession session = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        mvc.perform(post("/trials/" + trial.id() + "/employers/" + treatedSme.id() + "/instalments/1/pay")
                .session(session).with(csrf())).andExpect(status().is3xxRedirection());
        Quarter quarter = Quarter.containing(LocalDate.now());
        String statement = mvc.perform(get("/funding/agreements/" + agreementId + "/claims/"
                + quarter.financialYear().startYear() + "/" + quarter.number()).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(statement).contains("Grant instalment to an employer").contains(treatedSme.name())
                .contains("£1,000.00");
        String base = "/funding/agreements/" + agreementId + "/claims/" + quarter.financialYear().startYear() + "/"
                + quarter.number() + "/statement";
        mvc.perform(get(base + ".xlsx").session(session)).andExpect(status().isOk());
        mvc.perform(get(base + ".pdf").session(session)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'PAY_INSTALMENT'").query(Integer.class)
                .single()).isPositive();
    }

    @Test
    void anotherHubOrAProviderCannotReachTheTrialItsSmesOrPayments() throws Exception {
        Trial trial = trial(List.of());
        Employer sme = smes(1).get(0);
        Allocation allocation = smeTrials.randomise(commissioner, trial, sme, "Owner");
        for (String email : List.of(SignIn.GM_COMMISSIONER, SignIn.BURY_MANAGER)) {
            MockHttpSession session = SignIn.as(mvc, email);
            String base = "/trials/" + trial.id() + "/employers";
            mvc.perform(get(base).session(session)).andExpect(status().isNotFound());
            mvc.perform(get(base + "/" + sme.id()).session(session)).andExpect(status().isNotFound());
            mvc.perform(get("/trials/" + trial.id() + "/grant-plan").session(session)).andExpect(status().isNotFound());
            mvc.perform(post(base + "/" + sme.id() + "/randomise").session(session).with(csrf())
                    .param("eligible", "yes").param("consented", "yes").param("consentBy", "X"))
                    .andExpect(status().isNotFound());
            mvc.perform(post(base + "/" + sme.id() + "/instalments/1/pay").session(session).with(csrf()))
                    .andExpect(status().isNotFound());
            mvc.perform(post(base + "/" + sme.id() + "/drop-out").session(session).with(csrf())
                    .param("reason", "OTHER").param("onDay", "1").param("onMonth", "1").param("onYear", "2026"))
                    .andExpect(status().isNotFound());
        }
        assertThat(grants.dropOut(allocation)).isEmpty();
        assertThatThrownBy(() -> smeTrials.trial(user(SignIn.GM_COMMISSIONER), trial.id()))
                .isInstanceOf(OutOfScopeException.class);
    }
}

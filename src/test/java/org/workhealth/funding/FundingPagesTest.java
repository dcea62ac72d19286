package org.workhealth.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
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
import org.springframework.test.web.servlet.ResultActions;
import org.workhealth.SignIn;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingAgreements;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.NewFundingAgreement;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.organisation.NewPerson;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Role;
import org.workhealth.programme.Contract;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programmes;

/** The funding pages: the public reports' tables, the agreement form, and who may see and do what. */
@SpringBootTest
@AutoConfigureMockMvc
class FundingPagesTest {

    private final MockMvc mvc;
    private final Programmes programmes;
    private final Organisations organisations;
    private final FundingAgreements agreements;
    private final JdbcClient jdbc;
    private final People people;

    @Autowired
    FundingPagesTest(MockMvc mvc, Programmes programmes, Organisations organisations, FundingAgreements agreements,
            JdbcClient jdbc, People people) {
        this.people = people;
        this.mvc = mvc;
        this.programmes = programmes;
        this.organisations = organisations;
        this.agreements = agreements;
        this.jdbc = jdbc;
    }

    @Test
    void warwickshiresAgreementReproducesTheCoventryAndWarwickshireFinanceTable() throws Exception {
        MockHttpSession cw = SignIn.as(mvc, "admin@workhealth.example");
        long id = agreementOf("WW-WARKS-2024");
        // The national administrator has no funding role: nobody outside the contract's organisations sees it.
        mvc.perform(get("/funding/agreements/" + id).session(cw)).andExpect(status().isNotFound());

        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        mvc.perform(get("/funding/agreements/" + id).session(gm)).andExpect(status().isNotFound());

        Document page = asCoventryAndWarwickshire("/funding/agreements/" + id);
        assertThat(row(page, "2024/25")).containsExactly("£320,000.00", "£216,000.00", "£144,000.00", "£680,000.00");
        assertThat(row(page, "2025/26")).containsExactly("£220,000.00", "£510,930.00", "£340,620.00",
                "£1,071,550.00");
        assertThat(row(page, "total")).containsExactly("£540,000.00", "£726,930.00", "£484,620.00", "£1,751,550.00");
    }

    @Test
    void burysFairShareSplitsIntoItsBasicAndPerformanceMaximums() throws Exception {
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        Document page = page(mvc.perform(get("/funding/agreements/" + agreementOf("WW-BURY-2024")).session(manager))
                .andExpect(status().isOk()));
        // £432,927 over 18 months: £259,756 basic and £173,171 performance (the report's £171,171 would not add up).
        assertThat(row(page, "total")).containsExactly("£0.00", "£259,756.00", "£173,171.00", "£432,927.00");
        assertThat(page.selectFirst("#terms").text()).contains("336 participants", "£515.38");
    }

    @Test
    void theAgreementFormShowsEachProblemAndKeepsTheAnswers() throws Exception {
        Contract contract = contract();
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        Document form = page(mvc.perform(get("/funding/agreements/new").param("contract", id(contract)).session(gm))
                .andExpect(status().isOk()));
        assertThat(form.select("input[name^=pot-]").eachAttr("name")).containsExactly("pot-2025", "pot-2026");

        Document errors = page(mvc.perform(post("/funding/agreements/new").param("contract", id(contract))
                .param("model", "BASIC_AND_PERFORMANCE").param("percent", "160").param("target", "")
                .param("pot-2025", "100,000.50").param("pot-2026", "200,000").param("management-2026", "lots")
                .with(csrf()).session(gm)).andExpect(status().isOk()));
        assertThat(errors.title()).startsWith("Error: ");
        assertThat(errors.select(".govuk-error-summary__list a").eachText()).containsExactly(
                "The guaranteed share must be a whole number from 0 to 100",
                "Enter how many participants the pot pays for",
                "The pot for 2025/26 must be an amount in whole pounds, like 360,000",
                "The management and team budget for 2026/27 must be an amount in pounds, like 320,000 or 320,000.50");
        assertThat(errors.selectFirst("#pot-2026").val()).isEqualTo("200,000");
        assertThat(errors.selectFirst("#percent").val()).isEqualTo("160");
        assertThat(errors.selectFirst("input[name=model][value=BASIC_AND_PERFORMANCE]").hasAttr("checked")).isTrue();
        assertThat(agreements.idForContract(contract.id())).isEmpty();

        String saved = mvc.perform(post("/funding/agreements/new").param("contract", id(contract))
                .param("model", "BLOCK_AND_RESULTS").param("percent", "90").param("pot-2025", "100,000")
                .param("pot-2026", "0").param("price-JOB_START", "£1,250.50").with(csrf()).session(gm))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        FundingAgreement agreement = agreements.find(agreements.idForContract(contract.id()).orElseThrow())
                .orElseThrow();
        assertThat(saved).isEqualTo("/funding/agreements/" + agreement.id());
        assertThat(agreement.outcomePrices()).containsEntry(org.workhealth.milestone.MilestoneType.JOB_START, 125_050L);
        assertThat(agreement.years()).containsExactly(new FundingYear(2025, 10_000_000L, 0),
                new FundingYear(2026, 0, 0));
        // The contract now has its agreement: the form sends the commissioner to it rather than make a second.
        mvc.perform(get("/funding/agreements/new").param("contract", id(contract)).session(gm))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theCommissionerChangesAYearsMoneyUntilAClaimOfTheYearIsSubmitted() throws Exception {
        Contract contract = contract();
        long id = agreements.createUnchecked(new NewFundingAgreement(contract.id(), PaymentModel.BASIC_AND_PERFORMANCE,
                60, 10, List.of(new FundingYear(2025, 10_000_000L, 0), new FundingYear(2026, 0, 0)), Map.of()));
        String change = "/funding/agreements/" + id + "/years/2025/change";
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        Document form = page(mvc.perform(get(change).session(gm)).andExpect(status().isOk()));
        assertThat(form.selectFirst("#pot").val()).isEqualTo("100,000");

        Document errors = page(mvc.perform(post(change).param("pot", "120,000.50").param("management", "5,000")
                .with(csrf()).session(gm)).andExpect(status().isOk()));
        assertThat(errors.select(".govuk-error-summary__list a").eachText())
                .containsExactly("The pot for 2025/26 must be an amount in whole pounds, like 360,000");
        assertThat(errors.selectFirst("#management").val()).isEqualTo("5,000");

        mvc.perform(post(change).param("pot", "120,000").param("management", "5,000").with(csrf()).session(gm))
                .andExpect(status().is3xxRedirection());
        Document agreement = page(mvc.perform(get("/funding/agreements/" + id).session(gm)));
        assertThat(row(agreement, "2025/26")).containsExactly("£5,000.00", "£72,000.00", "£48,000.00", "£125,000.00");

        // The provider manager may read the agreement but not vary it.
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        mvc.perform(get(change).session(manager)).andExpect(status().isNotFound());
        mvc.perform(post(change).param("pot", "1").with(csrf()).session(manager)).andExpect(status().isNotFound());

        // Once a claim of the year is submitted, the year's money stays as the claim was worked out from it.
        mvc.perform(post("/funding/agreements/" + id + "/claims/2025/1/expenditure").param("description", "Salaries")
                .param("amount", "1,000").with(csrf()).session(manager)).andExpect(status().is3xxRedirection());
        Document claim = page(mvc.perform(get("/funding/agreements/" + id + "/claims/2025/1").session(manager)));
        mvc.perform(post("/funding/agreements/" + id + "/claims/2025/1/submit")
                .param("fingerprint", claim.selectFirst("input[name=fingerprint]").val()).with(csrf())
                .session(manager)).andExpect(status().is3xxRedirection());
        mvc.perform(post(change).param("pot", "1").with(csrf()).session(gm)).andExpect(status().is3xxRedirection());
        assertThat(agreements.find(id).orElseThrow().years().get(0).potPence()).isEqualTo(12_000_000L);
        assertThat(page(mvc.perform(get("/funding/agreements/" + id).session(gm))).select("#years a[href$=/change]")
                .eachAttr("href")).containsExactly("/funding/agreements/" + id + "/years/2026/change");
    }

    @Test
    void onlyTheCommissionerOfTheContractSetsUpItsFunding() throws Exception {
        Contract contract = contract();
        for (String email : List.of(SignIn.WMCA_COMMISSIONER, SignIn.BURY_MANAGER, SignIn.BURY_COACH)) {
            MockHttpSession session = SignIn.as(mvc, email);
            mvc.perform(get("/funding/agreements/new").param("contract", id(contract)).session(session))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/funding/agreements/new").param("contract", id(contract))
                    .param("model", "BLOCK_AND_RESULTS").param("percent", "90").param("pot-2025", "1")
                    .param("pot-2026", "1").param("price-JOB_START", "1").with(csrf()).session(session))
                    .andExpect(status().isNotFound());
        }
        assertThat(agreements.idForContract(contract.id())).isEmpty();
    }

    @Test
    void anotherHubsCommissionerCannotSeeOrDecideAClaimByEditingTheAddress() throws Exception {
        Contract contract = contract();
        long id = agreements.createUnchecked(new NewFundingAgreement(contract.id(), PaymentModel.BASIC_AND_PERFORMANCE,
                60, 10, List.of(new FundingYear(2025, 100_000L, 0)), Map.of()));
        String claim = "/funding/agreements/" + id + "/claims/2025/1";

        MockHttpSession wmca = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        for (String path : List.of("/funding/agreements/" + id, "/funding/agreements/" + id + "/years/2025", claim,
                claim + "/return", claim + "/statement.pdf")) {
            mvc.perform(get(path).session(wmca)).andExpect(status().isNotFound());
        }
        mvc.perform(post(claim + "/approve").param("version", "0").with(csrf()).session(wmca))
                .andExpect(status().isNotFound());
        Document list = page(mvc.perform(get("/funding").session(wmca)).andExpect(status().isOk()));
        assertThat(list.text()).doesNotContain(contract.reference());

        // The provider's manager submits but never approves; the commissioner approves but never submits.
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        mvc.perform(post(claim + "/approve").param("version", "0").with(csrf()).session(manager))
                .andExpect(status().isNotFound());
        mvc.perform(get(claim + "/return").session(manager)).andExpect(status().isNotFound());
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        mvc.perform(post(claim + "/submit").param("fingerprint", "x").with(csrf()).session(gm))
                .andExpect(status().isNotFound());
        mvc.perform(post(claim + "/expenditure").param("description", "Salaries").param("amount", "100")
                .with(csrf()).session(gm)).andExpect(status().isNotFound());
        mvc.perform(post(claim + "/expenditure").param("description", "Salaries").param("amount", "100")
                .with(csrf()).session(wmca)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM funding_expenditure WHERE agreement_id = ?").param(id)
                .query(Integer.class).single()).isZero();

        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(get("/funding").session(coach)).andExpect(status().isNotFound());
        mvc.perform(get(claim).session(coach)).andExpect(status().isNotFound());
        MockHttpSession national = SignIn.as(mvc, SignIn.NATIONAL);
        mvc.perform(get(claim).session(national)).andExpect(status().isNotFound());
    }

    @Test
    void aProviderSeesAndSubmitsOnlyItsOwnClaims() throws Exception {
        long gm = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        long oldham = organisations.findByName("Oldham Working Well service").orElseThrow().id();
        Contract contract = programmes.addContractUnchecked(new NewContract("FP-OLD-" + UUID.randomUUID().toString()
                .substring(0, 8).toUpperCase(), programmes.findByCode("WW").orElseThrow().id(), oldham, gm, "Oldham",
                LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31), null));
        long id = agreements.createUnchecked(new NewFundingAgreement(contract.id(), PaymentModel.BASIC_AND_PERFORMANCE,
                60, 10, List.of(new FundingYear(2025, 100_000L, 0)), Map.of()));
        String claim = "/funding/agreements/" + id + "/claims/2025/1";

        // Bury's manager is a provider manager too, but of another provider in the same hub.
        MockHttpSession bury = SignIn.as(mvc, SignIn.BURY_MANAGER);
        for (String path : List.of("/funding/agreements/" + id, "/funding/agreements/" + id + "/years/2025", claim,
                claim + "/expenditure", claim + "/statement.xlsx")) {
            mvc.perform(get(path).session(bury)).andExpect(status().isNotFound());
        }
        mvc.perform(post(claim + "/expenditure").param("description", "Salaries").param("amount", "100")
                .with(csrf()).session(bury)).andExpect(status().isNotFound());
        mvc.perform(post(claim + "/submit").param("fingerprint", "x").with(csrf()).session(bury))
                .andExpect(status().isNotFound());
        assertThat(page(mvc.perform(get("/funding").session(bury))).text()).doesNotContain(contract.reference());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM funding_claim WHERE agreement_id = ?").param(id)
                .query(Integer.class).single()).isZero();

        // Greater Manchester's commissioner funds both, and sees this one.
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        mvc.perform(get(claim).session(commissioner)).andExpect(status().isOk());
        // The statement names participants' cases, so reading it is logged; the refused readings were not.
        assertThat(jdbc.sql("""
                SELECT actor_email FROM audit_event WHERE action = 'VIEW' AND record_type = 'funding_claim'
                AND record_id = ?
                """).param(id + " Q1 2025/26").query(String.class).list()).containsExactly(SignIn.GM_COMMISSIONER);
    }

    @Test
    void expenditureFromAnotherAgreementCannotBeRemovedThroughThisOne() throws Exception {
        Contract mine = contract();
        Contract other = contract();
        long myAgreement = agreements.createUnchecked(new NewFundingAgreement(mine.id(),
                PaymentModel.BASIC_AND_PERFORMANCE, 60, 10, List.of(new FundingYear(2025, 100_000L, 0)), Map.of()));
        long otherAgreement = agreements.createUnchecked(new NewFundingAgreement(other.id(),
                PaymentModel.BASIC_AND_PERFORMANCE, 60, 10, List.of(new FundingYear(2025, 100_000L, 0)), Map.of()));
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        mvc.perform(post("/funding/agreements/" + otherAgreement + "/claims/2025/1/expenditure")
                .param("description", "Salaries").param("amount", "1,000").with(csrf()).session(manager))
                .andExpect(status().is3xxRedirection());
        long item = jdbc.sql("SELECT id FROM funding_expenditure WHERE agreement_id = ?").param(otherAgreement)
                .query(Long.class).single();
        mvc.perform(post("/funding/agreements/" + myAgreement + "/claims/2025/1/expenditure/" + item + "/remove")
                .with(csrf()).session(manager)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM funding_expenditure WHERE id = ?").param(item)
                .query(Integer.class).single()).isEqualTo(1);
    }

    private Document asCoventryAndWarwickshire(String path) throws Exception {
        // No demo person works for Coventry and Warwickshire; a commissioner of the ICB is made for the test.
        String email = "commissioner-" + UUID.randomUUID() + "@cw.workhealth.example";
        long icb = organisations.findByName("Coventry and Warwickshire Integrated Care Board").orElseThrow().id();
        people.createWithPassword(new NewPerson("Coventry and Warwickshire commissioner", email, icb,
                java.util.EnumSet.of(Role.COMMISSIONER)), SignIn.DEMO_PASSWORD);
        MockHttpSession session = SignIn.as(mvc, email);
        return page(mvc.perform(get(path).session(session)).andExpect(status().isOk()));
    }

    private long agreementOf(String reference) {
        return agreements.idForContract(programmes.findContractByReference(reference).orElseThrow().id())
                .orElseThrow();
    }

    private Contract contract() {
        long gm = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        long bury = organisations.findByName("Bury Council Live Well service").orElseThrow().id();
        long workwell = programmes.findByCode("WW").orElseThrow().id();
        String reference = "FP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return programmes.addContractUnchecked(new NewContract(reference, workwell, bury, gm, "Bury",
                LocalDate.of(2025, 4, 1), LocalDate.of(2026, 9, 30), null));
    }

    private static List<String> row(Document page, String year) {
        return page.select("#years tr[data-year=" + year + "] td.govuk-table__cell--numeric").eachText();
    }

    private static String id(Contract contract) {
        return String.valueOf(contract.id());
    }

    private static Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
    }
}

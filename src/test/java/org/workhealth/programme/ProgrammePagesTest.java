package org.workhealth.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workhealth.SignIn;
import org.workhealth.organisation.Organisations;

/**
 * The commissioner pages for programmes, cohorts and contracts, against the demo data. The
 * database is shared with other tests, so every record made here has a code of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProgrammePagesTest {

    private final MockMvc mvc;
    private final Programmes programmes;
    private final ContractRepository contracts;
    private final Organisations organisations;

    @Autowired
    ProgrammePagesTest(MockMvc mvc, Programmes programmes, ContractRepository contracts, Organisations organisations) {
        this.mvc = mvc;
        this.programmes = programmes;
        this.contracts = contracts;
        this.organisations = organisations;
    }

    // --- seeing programmes ---

    @Test
    void aCommissionerSeesTheProgrammesAndTheContractsTheirOrganisationsCommission() throws Exception {
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        long workwell = programmeId("WW");

        Document list = page(mvc.perform(get("/programmes").session(gm)).andExpect(status().isOk()).andReturn());
        assertThat(list.select("a[href=/programmes/" + workwell + "]").text()).isEqualTo("WorkWell");
        assertThat(list.select("table").text()).contains("Thrive into Work",
                "Low-intensity early support", "Intensive (Individual Placement and Support)");
        assertThat(list.select("a.govuk-button[href=/programmes/new]").text()).isEqualTo("Add a programme");

        Document page = page(mvc.perform(get("/programmes/" + workwell).session(gm)).andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("h1").text()).isEqualTo("WorkWell");
        assertThat(page.select(".govuk-summary-list").text()).contains("WW", "Low-intensity early support",
                "Joint Work and Health Directorate (DWP and DHSC)", "single access point");
        assertThat(page.select("table").text()).contains("In work, on a community health or elective care waiting list", "WW-BURY-2024",
                "Bury Council Live Well service", "NHS Greater Manchester", "1 October 2024", "31 March 2026",
                "£432,927.00", "WW-OLDHAM-2024").doesNotContain("WW-WARKS-2024", "WW-COV-2024");
        // WorkWell is the national organisation's: a hub commissioner records contracts but does not change it.
        assertThat(page.select(".govuk-summary-list__actions")).isEmpty();
        assertThat(page.select("a[href=/programmes/" + workwell + "/cohorts/new]")).isEmpty();
        assertThat(page.select("a[href=/programmes/" + workwell + "/contracts/new]").text())
                .isEqualTo("Add a contract");
    }

    @Test
    void aPractitionerSeesProgrammesButCannotAddOrChangeAnything() throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long thrive = programmeId("TIW");

        Document list = page(mvc.perform(get("/programmes").session(coach)).andExpect(status().isOk()).andReturn());
        assertThat(list.select("a[href=/programmes/new]")).isEmpty();
        Document page = page(mvc.perform(get("/programmes/" + thrive).session(coach)).andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("a[href*=/new], a[href$=/edit]")).isEmpty();

        mvc.perform(get("/programmes/new").session(coach)).andExpect(status().isNotFound());
        mvc.perform(post("/programmes/new").session(coach).with(csrf()).param("code", unique("P"))
                .param("name", "Sneaky").param("supportType", "FIGURES_ONLY")
                .param("ownerOrganisationId", String.valueOf(organisationId("Bury Council Live Well service"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/programmes/" + thrive + "/cohorts/new").session(coach)).andExpect(status().isNotFound());
        mvc.perform(post("/programmes/" + thrive + "/cohorts/new").session(coach).with(csrf())
                .param("code", unique("C")).param("name", "Sneaky")).andExpect(status().isNotFound());
        mvc.perform(post("/programmes/" + thrive + "/contracts/new").session(coach).with(csrf())
                .param("reference", unique("R"))).andExpect(status().isNotFound());
        mvc.perform(get("/programmes/" + thrive + "/edit").session(coach)).andExpect(status().isNotFound());
        assertThat(programmes.find(thrive).orElseThrow().cohorts()).noneMatch(c -> c.name().equals("Sneaky"));
    }

    @Test
    void anUnknownProgrammeIsNotFound() throws Exception {
        MockHttpSession tom = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        mvc.perform(get("/programmes/987654321").session(tom)).andExpect(status().isNotFound());
    }

    // --- cohorts ---

    @Test
    void aHubCommissionerCannotAddACohortToTheNationalProgramme() throws Exception {
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        long workwell = programmeId("WW");
        int before = programmes.find(workwell).orElseThrow().cohorts().size();

        mvc.perform(get("/programmes/" + workwell + "/cohorts/new").session(gm)).andExpect(status().isNotFound());
        mvc.perform(post("/programmes/" + workwell + "/cohorts/new").session(gm).with(csrf())
                .param("code", unique("C")).param("name", "Carers")).andExpect(status().isNotFound());

        assertThat(programmes.find(workwell).orElseThrow().cohorts()).hasSize(before);
    }

    @Test
    void theOwningCommissionerAddsACohortAndSeesItOnTheProgramme() throws Exception {
        MockHttpSession tom = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        long thrive = programmeId("TIW");
        String code = unique("c");

        Document form = page(mvc.perform(get("/programmes/" + thrive + "/cohorts/new").session(tom))
                .andExpect(status().isOk()).andReturn());
        assertThat(form.select("form[action=/programmes/" + thrive + "/cohorts/new] input[name=_csrf]")).hasSize(1);

        MvcResult added = mvc.perform(post("/programmes/" + thrive + "/cohorts/new").session(tom).with(csrf())
                        .param("code", code).param("name", "Long-term sick " + code)
                        .param("description", "Off work for 4 weeks or more"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/programmes/" + thrive))
                .andExpect(flash().attribute("notice", "Cohort added")).andReturn();

        assertThat(programmes.find(thrive).orElseThrow().hasCohortCode(code.toUpperCase())).isTrue();
        Document page = page(mvc.perform(get("/programmes/" + thrive).session(tom)
                .flashAttrs(added.getFlashMap())).andExpect(status().isOk()).andReturn());
        assertThat(page.select(".govuk-notification-banner--success").text()).contains("Cohort added");
        assertThat(page.select("table").first().text()).contains(code.toUpperCase(), "Long-term sick " + code,
                "Off work for 4 weeks or more");
        assertThat(page.select("a[href=/programmes/" + thrive + "/cohorts/new]").text()).isEqualTo("Add a cohort");
        assertThat(page.select(".govuk-summary-list__actions a[href=/programmes/" + thrive + "/edit]")).hasSize(4);
    }

    @Test
    void aCohortCodeMustBeNewToTheProgramme() throws Exception {
        MockHttpSession tom = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        long thrive = programmeId("TIW");

        Document page = page(mvc.perform(post("/programmes/" + thrive + "/cohorts/new").session(tom).with(csrf())
                .param("code", "out").param("name", "Another out of work")).andExpect(status().isOk()).andReturn());

        assertErrors(page, Map.of("#code", "This programme already has a cohort with this code"));
        assertThat(page.select("input#name").val()).isEqualTo("Another out of work");
    }

    // --- programmes ---

    @Test
    void aCommissionerAddsAProgrammeAndChangesItsDetails() throws Exception {
        MockHttpSession tom = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        long wmca = organisationId("West Midlands Combined Authority");
        String code = unique("p");

        Document form = page(mvc.perform(get("/programmes/new").session(tom)).andExpect(status().isOk()).andReturn());
        assertThat(form.select("input[name=supportType]")).hasSize(SupportType.values().length);
        assertThat(form.select("select#ownerOrganisationId option[selected]").val()).isEqualTo(String.valueOf(wmca));
        assertThat(form.select("select#ownerOrganisationId option").eachText())
                .contains("Shaw Trust").doesNotContain("NHS Greater Manchester");

        MvcResult created = mvc.perform(post("/programmes/new").session(tom).with(csrf()).param("code", code)
                        .param("name", "  Housing First  ").param("supportType", "FIGURES_ONLY").param("description", "")
                        .param("ownerOrganisationId", String.valueOf(wmca)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "Programme added"))
                .andReturn();
        Programme programme = programmes.findByCode(code).orElseThrow();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/programmes/" + programme.id());
        assertThat(programme.name()).isEqualTo("Housing First");
        assertThat(programme.description()).isNull();
        assertThat(programme.ownerOrganisationId()).isEqualTo(wmca);

        Document edit = page(mvc.perform(get("/programmes/" + programme.id() + "/edit").session(tom))
                .andExpect(status().isOk()).andReturn());
        assertThat(edit.select("input#name").val()).isEqualTo("Housing First");
        assertThat(edit.select("input[name=supportType][checked]").val()).isEqualTo("FIGURES_ONLY");

        mvc.perform(post("/programmes/" + programme.id() + "/edit").session(tom).with(csrf())
                        .param("name", "Housing First (West Midlands)").param("supportType", "INTENSIVE_IPS")
                        .param("description", "Homes first, then support").param("code", "HACKED"))
                .andExpect(redirectedUrl("/programmes/" + programme.id()))
                .andExpect(flash().attribute("notice", "Programme details changed"));
        Programme changed = programmes.find(programme.id()).orElseThrow();
        assertThat(changed.name()).isEqualTo("Housing First (West Midlands)");
        assertThat(changed.supportType()).isEqualTo(SupportType.INTENSIVE_IPS);
        assertThat(changed.description()).isEqualTo("Homes first, then support");
        assertThat(changed.code()).isEqualTo(code.toUpperCase());
    }

    @Test
    void whoeverMayChangeAProgrammeSetsItsCaseloadCapAWholeNumberFrom1To500OrNone() throws Exception {
        MockHttpSession tom = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        long wmca = organisationId("West Midlands Combined Authority");
        Programme ips = programmes.createUnchecked(unique("CAP"), "Cap test", SupportType.INTENSIVE_IPS, null, wmca);
        String edit = "/programmes/" + ips.id() + "/edit";

        Document form = page(mvc.perform(get(edit).session(tom)).andExpect(status().isOk()).andReturn());
        assertThat(form.select("input#caseloadCap").val()).isEqualTo("20");
        for (String wrong : List.of("0", "501", "12.5", "twenty", "-3")) {
            Document refused = page(mvc.perform(post(edit).session(tom).with(csrf()).param("name", "Cap test")
                    .param("supportType", "INTENSIVE_IPS").param("caseloadCap", wrong))
                    .andExpect(status().isOk()).andReturn());
            assertErrors(refused, Map.of("#caseloadCap",
                    "Caseload cap must be a whole number from 1 to 500, or leave it blank for no cap"));
            assertThat(refused.select("input#caseloadCap").val()).isEqualTo(wrong);
        }
        assertThat(programmes.find(ips.id()).orElseThrow().caseloadCap()).isEqualTo(20);

        mvc.perform(post(edit).session(tom).with(csrf()).param("name", "Cap test").param("supportType", "INTENSIVE_IPS")
                .param("caseloadCap", " 15 ")).andExpect(redirectedUrl("/programmes/" + ips.id()));
        assertThat(programmes.find(ips.id()).orElseThrow().caseloadCap()).isEqualTo(15);
        assertThat(page(mvc.perform(get("/programmes/" + ips.id()).session(tom)).andReturn())
                .select(".govuk-summary-list").text()).contains("Caseload cap", "15 open cases per key worker");

        mvc.perform(post(edit).session(tom).with(csrf()).param("name", "Cap test").param("supportType", "INTENSIVE_IPS")
                .param("caseloadCap", "")).andExpect(redirectedUrl("/programmes/" + ips.id()));
        assertThat(programmes.find(ips.id()).orElseThrow().caseloadCap()).isNull();

        // Someone who may not change the programme cannot set its cap by posting the form.
        mvc.perform(post(edit).session(SignIn.as(mvc, SignIn.GM_COMMISSIONER)).with(csrf()).param("name", "Cap test")
                .param("supportType", "INTENSIVE_IPS").param("caseloadCap", "400")).andExpect(status().isNotFound());
        assertThat(programmes.find(ips.id()).orElseThrow().caseloadCap()).isNull();
    }

    @Test
    void aBlankNameShowsTheErrorAndKeepsTheOtherAnswers() throws Exception {
        MockHttpSession tom = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        String code = unique("KEEP");

        Document page = page(mvc.perform(post("/programmes/new").session(tom).with(csrf()).param("code", code)
                        .param("name", "   ").param("supportType", "LOW_INTENSITY").param("description", "Kept answer")
                        .param("ownerOrganisationId", String.valueOf(organisationId("Shaw Trust"))))
                .andExpect(status().isOk()).andReturn());

        assertThat(page.title()).startsWith("Error: ");
        assertErrors(page, Map.of("#name", "Enter the name of the programme"));
        assertThat(page.select("#name-error").text()).contains("Enter the name of the programme");
        assertThat(page.select("input#code").val()).isEqualTo(code);
        assertThat(page.select("input[name=supportType][checked]").val()).isEqualTo("LOW_INTENSITY");
        assertThat(page.select("textarea#description").text()).isEqualTo("Kept answer");
        assertThat(page.select("select#ownerOrganisationId option[selected]").text()).isEqualTo("Shaw Trust");
        assertThat(programmes.codeInUse(code)).isFalse();
    }

    @Test
    void everyProgrammeAnswerIsCheckedOnTheServer() throws Exception {
        MockHttpSession tom = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);

        Document page = page(mvc.perform(post("/programmes/new").session(tom).with(csrf()).param("code", "tiw")
                .param("name", "x".repeat(201)).param("supportType", "NOT_A_TYPE")
                .param("description", "d".repeat(2001)).param("ownerOrganisationId", "")).andExpect(status().isOk())
                .andReturn());

        assertErrors(page, Map.of("#code", "There is already a programme with this code",
                "#name", "Name must be 200 characters or fewer",
                "#supportType", "Select the type of support",
                "#description", "Description must be 2000 characters or fewer",
                "#ownerOrganisationId", "Select the organisation that owns the programme"));

        Document badCode = page(mvc.perform(post("/programmes/new").session(tom).with(csrf())
                .param("code", "two words").param("name", "Fine")).andExpect(status().isOk()).andReturn());
        assertThat(badCode.select(".govuk-error-summary a[href=#code]").text())
                .isEqualTo("Code must only include letters a to z, numbers and hyphens");
    }

    @Test
    void anOwnerOutsideTheCommissionersScopeIsNotFound() throws Exception {
        MockHttpSession tom = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        String code = unique("p");

        mvc.perform(post("/programmes/new").session(tom).with(csrf()).param("code", code).param("name", "Elsewhere")
                        .param("supportType", "FIGURES_ONLY")
                        .param("ownerOrganisationId", String.valueOf(organisationId("NHS Greater Manchester"))))
                .andExpect(status().isNotFound());

        assertThat(programmes.codeInUse(code)).isFalse();
    }

    // --- contracts ---

    @Test
    void aContractValueIsStoredExactlyInPence() throws Exception {
        MockHttpSession tom = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        long thrive = programmeId("TIW");
        String reference = unique("tiw-bchft");

        Document form = page(mvc.perform(get("/programmes/" + thrive + "/contracts/new").session(tom))
                .andExpect(status().isOk()).andReturn());
        assertThat(form.select("select#providerOrganisationId option").eachText()).contains(
                "Black Country Healthcare NHS Foundation Trust", "Shaw Trust").doesNotContain(
                "West Midlands Combined Authority", "Bury Council Live Well service");
        assertThat(form.select("input#startsOn-day[name=startsOnDay]")).hasSize(1);

        MvcResult added = mvc.perform(contract(tom, thrive, reference, "Black Country Healthcare NHS Foundation Trust",
                        "West Midlands Combined Authority", "1", "4", "2025", "31", "march", "2027", "1,200,000.50"))
                .andExpect(redirectedUrl("/programmes/" + thrive))
                .andExpect(flash().attribute("notice", "Contract added")).andReturn();

        Contract contract = contracts.findByReference(reference.toUpperCase()).orElseThrow();
        assertThat(contract.valuePence()).isEqualTo(120_000_050L);
        assertThat(contract.startsOn()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(contract.endsOn()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(contract.area()).isEqualTo("Black Country");

        Document page = page(mvc.perform(get("/programmes/" + thrive).session(tom).flashAttrs(added.getFlashMap()))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select(".govuk-notification-banner").text()).contains("Contract added");
        Element row = page.select("tr:contains(" + reference.toUpperCase() + ")").first();
        assertThat(row).isNotNull();
        assertThat(row.text()).contains("1 April 2025", "31 March 2027", "£1,200,000.50");
    }

    @Test
    void aHubCommissionerRecordsContractsOnTheNationalProgrammeForTheirLocalities() throws Exception {
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        long workwell = programmeId("WW");
        String reference = unique("ww-bury");

        mvc.perform(contract(gm, workwell, reference, "Bury Council Live Well service", "Bury", "1", "4", "2026",
                "31", "3", "2027", "")).andExpect(redirectedUrl("/programmes/" + workwell));

        Contract contract = contracts.findByReference(reference.toUpperCase()).orElseThrow();
        assertThat(contract.valuePence()).isNull();
        assertThat(contract.commissionerOrganisationId()).isEqualTo(organisationId("Bury"));
    }

    @Test
    void badDatesAndValueShowErrorsAndKeepTheOtherAnswers() throws Exception {
        MockHttpSession tom = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        long thrive = programmeId("TIW");
        String reference = unique("bad");

        Document page = page(mvc.perform(contract(tom, thrive, reference, "Shaw Trust",
                "West Midlands Combined Authority", "31", "2", "2025", "", "3", "2026", "abc"))
                .andExpect(status().isOk()).andReturn());

        assertErrors(page, Map.of("#startsOn-day", "Start date must be a real date",
                "#endsOn-day", "End date must include a day",
                "#value", Pounds.FORMAT_ERROR));
        assertThat(page.select(".govuk-error-summary a").eachAttr("href"))
                .containsExactly("#startsOn-day", "#endsOn-day", "#value");
        assertThat(page.select("input#startsOn-day.govuk-input--error")).hasSize(1);
        assertThat(page.select("input#reference").val()).isEqualTo(reference);
        assertThat(page.select("input#area").val()).isEqualTo("Black Country");
        assertThat(page.select("input#startsOn-day").val()).isEqualTo("31");
        assertThat(page.select("input#endsOn-year").val()).isEqualTo("2026");
        assertThat(page.select("input#value").val()).isEqualTo("abc");
        assertThat(page.select("select#providerOrganisationId option[selected]").text()).isEqualTo("Shaw Trust");
        assertThat(contracts.findByReference(reference.toUpperCase())).isEmpty();
    }

    @Test
    void anEndDateBeforeTheStartIsRejected() throws Exception {
        MockHttpSession tom = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        long thrive = programmeId("TIW");
        String reference = unique("early");

        Document page = page(mvc.perform(contract(tom, thrive, reference, "Shaw Trust",
                "West Midlands Combined Authority", "1", "4", "2025", "31", "3", "2025", "100"))
                .andExpect(status().isOk()).andReturn());

        assertErrors(page, Map.of("#endsOn-day", "End date must be the same as or after the start date"));
        assertThat(page.select("input#startsOn-month").val()).isEqualTo("4");
        assertThat(contracts.findByReference(reference.toUpperCase())).isEmpty();
    }

    @Test
    void aMissingContractAnswerIsAskedFor() throws Exception {
        MockHttpSession tom = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        long thrive = programmeId("TIW");

        Document page = page(mvc.perform(post("/programmes/" + thrive + "/contracts/new").session(tom).with(csrf())
                .param("reference", "TIW-BCHFT-2024").param("providerOrganisationId", "")
                .param("commissionerOrganisationId", "").param("area", "")).andExpect(status().isOk()).andReturn());

        assertErrors(page, Map.of("#reference", "There is already a contract with this reference",
                "#providerOrganisationId", "Select the provider",
                "#commissionerOrganisationId", "Select the commissioning organisation",
                "#area", "Enter the area the contract covers",
                "#startsOn-day", "Enter the start date",
                "#endsOn-day", "Enter the end date"));
    }

    @Test
    void theProviderMustBePartOfTheCommissioningOrganisation() throws Exception {
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        long workwell = programmeId("WW");

        Document page = page(mvc.perform(contract(gm, workwell, unique("mixed"), "Oldham Working Well service",
                "Bury", "1", "4", "2026", "31", "3", "2027", "")).andExpect(status().isOk()).andReturn());

        assertErrors(page, Map.of("#providerOrganisationId",
                "Select a provider that is part of the commissioning organisation"));
    }

    @Test
    void aProviderOrCommissionerOutsideTheCommissionersScopeIsNotFound() throws Exception {
        MockHttpSession tom = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        long thrive = programmeId("TIW");
        String reference = unique("far");

        mvc.perform(contract(tom, thrive, reference, "Bury Council Live Well service",
                "West Midlands Combined Authority", "1", "4", "2025", "31", "3", "2026", ""))
                .andExpect(status().isNotFound());
        mvc.perform(contract(tom, thrive, reference, "Shaw Trust", "NHS Greater Manchester", "1", "4", "2025", "31",
                "3", "2026", "")).andExpect(status().isNotFound());
        assertThat(contracts.findByReference(reference.toUpperCase())).isEmpty();
    }

    // --- helpers ---

    private MockHttpServletRequestBuilder contract(MockHttpSession session, long programmeId, String reference,
            String provider, String commissioner, String startDay, String startMonth, String startYear, String endDay,
            String endMonth, String endYear, String value) {
        return post("/programmes/" + programmeId + "/contracts/new").session(session).with(csrf())
                .param("reference", reference)
                .param("providerOrganisationId", String.valueOf(organisationId(provider)))
                .param("commissionerOrganisationId", String.valueOf(organisationId(commissioner)))
                .param("area", "Black Country")
                .param("startsOnDay", startDay).param("startsOnMonth", startMonth).param("startsOnYear", startYear)
                .param("endsOnDay", endDay).param("endsOnMonth", endMonth).param("endsOnYear", endYear)
                .param("value", value);
    }

    /** The error summary links exactly these fields, each with its message, and each field shows it too. */
    private static void assertErrors(Document page, Map<String, String> expected) {
        assertThat(page.select(".govuk-error-summary h2").text()).isEqualTo("There is a problem");
        List<Element> links = page.select(".govuk-error-summary__list a");
        assertThat(links).extracting(a -> a.attr("href")).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Element link : links) {
            String message = expected.get(link.attr("href"));
            assertThat(link.text()).isEqualTo(message);
            String target = link.attr("href").substring(1);
            assertThat(page.getElementById(target)).as("the field %s the summary links to", target).isNotNull();
            assertThat(page.select(".govuk-error-message").text()).contains(message);
        }
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    private long programmeId(String code) {
        return programmes.findByCode(code).orElseThrow().id();
    }

    private long organisationId(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

package org.workhealth.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.workhealth.casework.ServiceDirectory;
import org.workhealth.employer.EmployerExamples;
import org.workhealth.employer.EmployerFigureExamples;
import org.workhealth.employer.assessment.AccreditationExamples;
import org.workhealth.funding.FundingExamples;
import org.workhealth.performance.KpiDefinitions;
import org.workhealth.performance.PerformanceExamples;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.EligibilityRules;
import org.workhealth.returns.ReturnExamples;

/**
 * Organisations, people, programmes and contracts modelled on the public reports of docs/sources.md, so a
 * newcomer has something real to look at. Loaded once, into an empty database: by default only the
 * embedded H2 one; on PostgreSQL only when DEMO_DATA=true. The organisations and people are {@link DemoPeople}'s,
 * this year's cases {@link DemoCases}'; this class loads the programmes, contracts and figures between them.
 */
@Component
class DemoData implements ApplicationRunner {

    /** Greater Manchester's WorkWell pot, in whole pounds, that gives Bury its fair share of £432,927. */
    static final long GM_WORKWELL_POT = 6_405_125L;

    private static final LocalDate WORKWELL_FROM = LocalDate.of(2024, 10, 1);
    private static final LocalDate WORKWELL_TO = LocalDate.of(2026, 3, 31);

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoPeople demoPeople;
    private final DemoCases demoCases;
    private final Programmes programmes;
    private final EligibilityRules eligibility;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final String mode;
    private final boolean withCases;
    private final ServiceDirectory services;
    private final KpiDefinitions kpiDefinitions;
    private final PerformanceExamples performanceExamples;
    private final FundingExamples fundingExamples;
    private final ReturnExamples returnExamples;
    private final EmployerExamples employerExamples;
    private final AccreditationExamples accreditationExamples;
    private final EmployerFigureExamples employerFigureExamples;

    DemoData(DemoPeople demoPeople, DemoCases demoCases, Programmes programmes, EligibilityRules eligibility,
            ServiceDirectory services, DataSource dataSource, TransactionTemplate transaction,
            @Value("${workhealth.demo-data:auto}") String mode, KpiDefinitions kpiDefinitions,
            PerformanceExamples performanceExamples, FundingExamples fundingExamples, ReturnExamples returnExamples,
            @Value("${workhealth.demo-cases:${DEMO_CASES:true}}") boolean withCases,
            EmployerExamples employerExamples, AccreditationExamples accreditationExamples,
            EmployerFigureExamples employerFigureExamples) {
        this.demoPeople = demoPeople;
        this.demoCases = demoCases;
        this.programmes = programmes;
        this.eligibility = eligibility;
        this.services = services;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.mode = mode;
        this.withCases = withCases;
        this.kpiDefinitions = kpiDefinitions;
        this.performanceExamples = performanceExamples;
        this.fundingExamples = fundingExamples;
        this.returnExamples = returnExamples;
        this.employerExamples = employerExamples;
        this.accreditationExamples = accreditationExamples;
        this.employerFigureExamples = employerFigureExamples;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!wanted() || !demoPeople.empty()) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
        log.info("Loaded demo organisations, people and programmes; sign in with the demo accounts in the README");
    }

    private boolean wanted() throws Exception {
        if ("true".equalsIgnoreCase(mode)) {
            return true;
        }
        if (!"auto".equalsIgnoreCase(mode)) {
            return false;
        }
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
    }

    private void load() {
        DemoPeople.Places places = demoPeople.load();
        long national = places.national();
        long wmca = places.wmca();
        long bchft = places.bchft();
        long shaw = places.shaw();
        long gm = places.gm();
        long cw = places.cw();
        long buryLiveWell = places.buryLiveWell();
        long oldhamProvider = places.oldhamProvider();
        long warwickshire = places.warwickshire();
        long coventry = places.coventry();

        Programme thrive = programmes.createUnchecked("TIW", "Thrive into Work", SupportType.INTENSIVE_IPS,
                "Individual Placement and Support in primary care for people with health conditions who are out of "
                        + "work or struggling in work.", wmca);
        programmes.addCohortUnchecked(thrive.id(), "OUT", "Out of work", "Unemployed or not working at referral");
        programmes.addCohortUnchecked(thrive.id(), "IN", "In work", "In work but struggling, or off sick");
        eligibility.seedDefaults(thrive.id(), "TIW");
        // 2023/24, the year of the Wellbeing Board's Thrive into Work table.
        contract("TIW-BCHFT-2023", thrive, bchft, wmca, "Black Country", "2023-04-01", "2024-03-31", null);
        contract("TIW-BCHFT-2024", thrive, bchft, wmca, "Black Country", "2024-04-01", "2026-03-31", 120_000_000L);
        contract("TIW-SHAW-2024", thrive, shaw, wmca, "Birmingham and Solihull, Coventry", "2024-04-01", "2026-03-31",
                95_000_000L);

        Programme workwell = programmes.createUnchecked("WW", "WorkWell", SupportType.LOW_INTENSITY,
                "Low-intensity early support through a single access point for people recently out of work, or at "
                        + "risk of falling out of work, through poor health.", national);
        // Greater Manchester's four WorkWell cohorts.
        programmes.addCohortUnchecked(workwell.id(), "C1", "In work, at risk through mental health or musculoskeletal conditions", null);
        programmes.addCohortUnchecked(workwell.id(), "C2", "In work, on a community health or elective care waiting list", null);
        programmes.addCohortUnchecked(workwell.id(), "C3", "Out of work in the last 8 weeks through poor health", null);
        programmes.addCohortUnchecked(workwell.id(), "C4", "Locally defined cohort", null);
        eligibility.seedDefaults(workwell.id(), "WW");
        contract("WW-BURY-2024", workwell, buryLiveWell, gm, "Bury", "2024-10-01", "2026-03-31", 43_292_700L);
        contract("WW-OLDHAM-2024", workwell, oldhamProvider, gm, "Oldham", "2024-10-01", "2026-03-31", 41_000_000L);
        contract("WW-WARKS-2024", workwell, warwickshire, cw, "Warwickshire", "2024-10-01", "2026-03-31", 87_577_500L);
        contract("WW-COV-2024", workwell, coventry, cw, "Coventry", "2024-10-01", "2026-03-31", 87_577_500L);

        demoPeople.areas(places);

        // The services directory hubs keep, for onward referrals from cases.
        services.addExamples(places.gm());

        Programme thriveAtWork = programmes.createUnchecked("TAW", "Thrive at Work", SupportType.EMPLOYER_ACCREDITATION,
                "Workplace wellbeing accreditation for employers: Foundation, Bronze, Silver and Gold.", wmca);
        Programme mhfa = programmes.createUnchecked("MHFA", "Mental Health First Aid training", SupportType.FIGURES_ONLY,
                "People trained in Mental Health First Aid by partners; figures entered quarterly.", wmca);

        // The KPIs of the board reports.
        kpiDefinitions.seedDefaults(thrive.id(), "TIW");
        kpiDefinitions.seedDefaults(workwell.id(), "WW");
        kpiDefinitions.seedDefaults(thriveAtWork.id(), "TAW");
        kpiDefinitions.seedDefaults(mhfa.id(), "MHFA");
        // WorkWell's quarterly data return, which Greater Manchester's localities compile and the hub collates.
        returnExamples.workWell();
        // The board report's Thrive into Work table for 2023/24. No targets for the years after: the reports give
        // no figures for them, and targets against nothing would only show red.
        performanceExamples.thriveIntoWork2023(thrive.id(), contractId("TIW-BCHFT-2023"), bchft);
        // WorkWell's participant targets: Bury's 336 and Coventry and Warwickshire's 1,500 over 18 months (Oldham's
        // 318 is Bury's cost per participant applied to its value), with illustrative engagements against them.
        performanceExamples.workWell(workwell.id(), contractId("WW-BURY-2024"), buryLiveWell, WORKWELL_FROM,
                WORKWELL_TO, 336, new int[] {72, 104, 105, 98, 102, 96});
        performanceExamples.workWell(workwell.id(), contractId("WW-OLDHAM-2024"), oldhamProvider, WORKWELL_FROM,
                WORKWELL_TO, 318, new int[] {66, 100, 97, 104, 99, 108});
        performanceExamples.workWell(workwell.id(), contractId("WW-WARKS-2024"), warwickshire, WORKWELL_FROM,
                WORKWELL_TO, 1_500, new int[] {80, 102, 95, 101, 97, 103});

        // Thrive at Work and MHFA training are run by the combined authority's own team, outside the service:
        // their figures are entered by hand. Thrive at Work's 2023/24 figures are the board report's table.
        long tawContract = programmes.addContractUnchecked(new NewContract("TAW-WMCA-2022", thriveAtWork.id(), wmca,
                wmca, "West Midlands", LocalDate.of(2022, 7, 1), LocalDate.of(2026, 3, 31), null)).id();
        programmes.addContractUnchecked(new NewContract("MHFA-WMCA-2024", mhfa.id(), wmca, wmca, "West Midlands",
                LocalDate.of(2024, 4, 1), LocalDate.of(2026, 3, 31), null));
        performanceExamples.thriveAtWork2023(thriveAtWork.id(), tawContract,
                demoPeople.id("commissioner@wmca.workhealth.example"));
        // Thrive at Work is counted from the employer record from 2024/25; this year's contract, for the demo employers'
        // sign-ups, engagements and case studies to count under.
        programmes.addContractUnchecked(new NewContract("TAW-WMCA-2026", thriveAtWork.id(), wmca, wmca, "West Midlands",
                LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), null));
        // Thrive at Work's employers, advisors and assessor (E1), their accreditation (E2), their figures (E3).
        employerExamples.load(places.passwordHash());
        accreditationExamples.load(wmca, demoPeople.id("commissioner@wmca.workhealth.example"));
        employerFigureExamples.load();

        fundingExamples.agreements();
        Map<Long, Long> populations = new LinkedHashMap<>();
        DemoPeople.GM_POPULATIONS.forEach((locality, population) -> populations.put(places.gmLocalities().get(locality), population));
        populations.put(warwickshire, 596_773L);
        populations.put(coventry, 345_324L);
        fundingExamples.populations(populations);
        // Greater Manchester's WorkWell pot shared by population: the papers give Bury's fair share (£432,927) but
        // not the pot; with these populations any pot from £6,405,125 to £6,405,138 gives Bury exactly that.
        fundingExamples.fairShares(demoPeople.user("commissioner@gm.workhealth.example"), "WorkWell fair shares",
                workwell.id(), gm, GM_WORKWELL_POT, "October 2024 to March 2026 (18 months)");
        if (withCases) {
            demoCases.load(places, thrive, workwell, thriveAtWork);
        }
    }

    private long contractId(String reference) {
        return programmes.findContractByReference(reference).orElseThrow().id();
    }

    private void contract(String reference, Programme programme, long provider, long commissioner, String area,
            String from, String to, Long valuePence) {
        DemoCases.contract(programmes, reference, programme, provider, commissioner, area, from, to, valuePence);
    }
}

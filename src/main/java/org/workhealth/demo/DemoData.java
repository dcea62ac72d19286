package org.workhealth.demo;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.workhealth.casework.CaseworkExamples;
import org.workhealth.casework.ServiceDirectory;
import org.workhealth.evaluation.EvaluationExamples;
import org.workhealth.employer.EmployerExamples;
import org.workhealth.trial.employer.SmeTrialExamples;
import org.workhealth.employer.EmployerFigureExamples;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.NewPerson;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.organisation.Role;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.AreaKind;
import org.workhealth.referral.EligibilityRules;
import org.workhealth.referral.ReferralAreas;
import org.workhealth.referral.ReferralExamples;
import org.workhealth.referral.Referrer;
import org.workhealth.employer.assessment.AccreditationExamples;
import org.workhealth.funding.FundingExamples;
import org.workhealth.returns.ReturnExamples;
import org.workhealth.performance.KpiDefinitions;
import org.workhealth.performance.PerformanceExamples;
import org.workhealth.trial.TrialExamples;

/**
 * Organisations, people, programmes and contracts modelled on the public reports of docs/sources.md, so a
 * newcomer has something real to look at. Loaded once, into an empty database: by default only the
 * embedded H2 one; on PostgreSQL only when DEMO_DATA=true.
 */
@Component
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo-password-2026";

    /**
     * The ten Greater Manchester localities and their usual resident populations at the 2021 Census, as the demo
     * holds them (see docs/funding-allocations.md for how far they are checked).
     */
    static final Map<String, Long> GM_POPULATIONS = orderedPopulations();

    /** Greater Manchester's WorkWell pot, in whole pounds, that gives Bury its fair share of £432,927. */
    static final long GM_WORKWELL_POT = 6_405_125L;

    private static final LocalDate WORKWELL_FROM = LocalDate.of(2024, 10, 1);
    private static final LocalDate WORKWELL_TO = LocalDate.of(2026, 3, 31);

    private static Map<String, Long> orderedPopulations() {
        Map<String, Long> populations = new LinkedHashMap<>();
        populations.put("Bolton", 295_962L);
        populations.put("Bury", 193_846L);
        populations.put("Manchester", 551_938L);
        populations.put("Oldham", 242_089L);
        populations.put("Rochdale", 223_773L);
        populations.put("Salford", 270_707L);
        populations.put("Stockport", 294_197L);
        populations.put("Tameside", 231_073L);
        populations.put("Trafford", 235_052L);
        populations.put("Wigan", 329_304L);
        return java.util.Collections.unmodifiableMap(populations);
    }

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Organisations organisations;
    private final People people;
    private final Programmes programmes;
    private final ReferralAreas areas;
    private final EligibilityRules eligibility;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final String mode;
    private String demoPasswordHash;
    private long hubWithServices;
    private final ServiceDirectory services;
    private final KpiDefinitions kpiDefinitions;
    private final PerformanceExamples performanceExamples;
    private final ReferralExamples referralExamples;
    private final CaseworkExamples caseworkExamples;
    private final boolean demoCases;
    private final FundingExamples fundingExamples;
    private final ReturnExamples returnExamples;
    private final EmployerExamples employerExamples;
    private final AccreditationExamples accreditationExamples;
    private final EmployerFigureExamples employerFigureExamples;
    private final TrialExamples trialExamples;
    private final SmeTrialExamples smeTrialExamples;
    private final EvaluationExamples evaluationExamples;

    DemoData(Organisations organisations, People people, Programmes programmes, ReferralAreas areas,
            EligibilityRules eligibility, ServiceDirectory services, JdbcClient jdbc, DataSource dataSource,
            TransactionTemplate transaction, @Value("${workhealth.demo-data:auto}") String mode,
            KpiDefinitions kpiDefinitions, PerformanceExamples performanceExamples,
            ReferralExamples referralExamples, CaseworkExamples caseworkExamples, FundingExamples fundingExamples,
            ReturnExamples returnExamples, @Value("${workhealth.demo-cases:${DEMO_CASES:true}}") boolean demoCases,
            EmployerExamples employerExamples, AccreditationExamples accreditationExamples,
            EmployerFigureExamples employerFigureExamples, TrialExamples trialExamples,
            SmeTrialExamples smeTrialExamples, EvaluationExamples evaluationExamples) {
        this.evaluationExamples = evaluationExamples;
        this.trialExamples = trialExamples;
        this.smeTrialExamples = smeTrialExamples;
        this.employerExamples = employerExamples;
        this.accreditationExamples = accreditationExamples;
        this.employerFigureExamples = employerFigureExamples;
        this.referralExamples = referralExamples;
        this.fundingExamples = fundingExamples;
        this.returnExamples = returnExamples;
        this.caseworkExamples = caseworkExamples;
        this.demoCases = demoCases;
        this.performanceExamples = performanceExamples;
        this.kpiDefinitions = kpiDefinitions;
        this.organisations = organisations;
        this.people = people;
        this.programmes = programmes;
        this.areas = areas;
        this.eligibility = eligibility;
        this.services = services;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.mode = mode;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!wanted()) {
            return;
        }
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM organisation").query(Integer.class).single();
        if (existing > 0) {
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
        // One hash for every demo account: bcrypt is slow by design, and the accounts share a password anyway.
        demoPasswordHash = people.hash(PASSWORD);
        long national = org("Joint Work and Health Directorate (DWP and DHSC)", "NATIONAL", null, null);

        long wmca = org("West Midlands Combined Authority", "HUB", national, null);
        long bchft = org("Black Country Healthcare NHS Foundation Trust", "PROVIDER", wmca, "TAJ");
        long shaw = org("Shaw Trust", "PROVIDER", wmca, null);
        org("Thrive into Work Black Country team", "TEAM", bchft, null);
        long university = org("University of Warwick evaluation team", "TEAM", wmca, null);

        long gm = org("NHS Greater Manchester", "HUB", national, "QOP");
        hubWithServices = gm;
        // All ten Greater Manchester localities, so that the hub's fair shares are worked out over all of them.
        Map<String, Long> gmLocalities = new LinkedHashMap<>();
        for (String locality : GM_POPULATIONS.keySet()) {
            gmLocalities.put(locality, org(locality, "LOCALITY", gm, null));
        }
        long bury = gmLocalities.get("Bury");
        long buryLiveWell = org("Bury Council Live Well service", "PROVIDER", bury, null);
        long gpPractice = org("Townside Primary Care Centre", "REFERRER", bury, "P83010");
        long oldham = gmLocalities.get("Oldham");
        long oldhamProvider = org("Oldham Working Well service", "PROVIDER", oldham, null);

        long cw = org("Coventry and Warwickshire Integrated Care Board", "HUB", national, "QWU");
        long warwickshire = org("Warwickshire County Council", "LOCALITY", cw, null);
        long coventry = org("Coventry City Council", "LOCALITY", cw, null);

        person("Asha Patel", "admin@workhealth.example", national, EnumSet.of(Role.ADMINISTRATOR));
        person("Noah Williams", "national@workhealth.example", national, EnumSet.of(Role.NATIONAL));
        person("Grace Okafor", "commissioner@gm.workhealth.example", gm, EnumSet.of(Role.COMMISSIONER));
        person("Tom Hughes", "commissioner@wmca.workhealth.example", wmca, EnumSet.of(Role.COMMISSIONER));
        person("Priya Shah", "manager@bury.workhealth.example", buryLiveWell, EnumSet.of(Role.PROVIDER_MANAGER));
        person("Daniel Brooks", "coach@bury.workhealth.example", buryLiveWell, EnumSet.of(Role.PRACTITIONER));
        // Oldham's manager, so that the hub's collation of its localities' returns can be shown end to end.
        person("Ravi Desai", "manager@oldham.workhealth.example", oldhamProvider, EnumSet.of(Role.PROVIDER_MANAGER));
        person("Sara Ahmed", "specialist@bchft.workhealth.example", bchft, EnumSet.of(Role.PRACTITIONER));
        person("Dr Helen Clarke", "referrer@townside.workhealth.example", gpPractice, EnumSet.of(Role.REFERRER));
        person("Professor Mark Evans", "evaluator@workhealth.example", university, EnumSet.of(Role.EVALUATOR));
        person("Leah Turner", "admin@gm.workhealth.example", gm, EnumSet.of(Role.ADMINISTRATOR));
        // Someone for every organisation that holds a contract or agreement, and two practitioners per provider,
        // so that a manager can move a case from one to the other.
        person("Fiona Gallagher", "commissioner@cw.workhealth.example", cw, EnumSet.of(Role.COMMISSIONER));
        person("Joe Marsh", "coach2@bury.workhealth.example", buryLiveWell, EnumSet.of(Role.PRACTITIONER));
        person("Amira Hussain", "coach@oldham.workhealth.example", oldhamProvider, EnumSet.of(Role.PRACTITIONER));
        person("Liam Doherty", "coach2@oldham.workhealth.example", oldhamProvider, EnumSet.of(Role.PRACTITIONER));
        person("Rebecca Hall", "manager@bchft.workhealth.example", bchft, EnumSet.of(Role.PROVIDER_MANAGER));
        person("Kwame Mensah", "specialist2@bchft.workhealth.example", bchft, EnumSet.of(Role.PRACTITIONER));
        person("Helen Price", "manager@shaw.workhealth.example", shaw, EnumSet.of(Role.PROVIDER_MANAGER));
        person("Marcus Reid", "coach@shaw.workhealth.example", shaw, EnumSet.of(Role.PRACTITIONER));
        person("Nadia Begum", "coach2@shaw.workhealth.example", shaw, EnumSet.of(Role.PRACTITIONER));
        person("Owen Clarke", "manager@warwickshire.workhealth.example", warwickshire,
                EnumSet.of(Role.PROVIDER_MANAGER));
        person("Chloe Evans", "coach@warwickshire.workhealth.example", warwickshire, EnumSet.of(Role.PRACTITIONER));
        person("Sam Patel", "coach2@warwickshire.workhealth.example", warwickshire, EnumSet.of(Role.PRACTITIONER));
        person("Zainab Ali", "manager@coventry.workhealth.example", coventry, EnumSet.of(Role.PROVIDER_MANAGER));
        person("Tomasz Nowak", "coach@coventry.workhealth.example", coventry, EnumSet.of(Role.PRACTITIONER));
        person("Grace Bennett", "coach2@coventry.workhealth.example", coventry, EnumSet.of(Role.PRACTITIONER));

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

        // Areas: which organisation the single access point routes a referral to.
        area(buryLiveWell, AreaKind.GP_PRACTICE, "P83010");
        for (String district : new String[] {"BL0", "BL8", "BL9", "M25", "M26", "M45"}) {
            area(buryLiveWell, AreaKind.POSTCODE_DISTRICT, district);
        }
        for (String district : new String[] {"OL1", "OL2", "OL3", "OL4", "OL8", "OL9"}) {
            area(oldhamProvider, AreaKind.POSTCODE_DISTRICT, district);
        }
        for (String district : new String[] {"CV1", "CV2", "CV3", "CV4", "CV5", "CV6"}) {
            area(coventry, AreaKind.POSTCODE_DISTRICT, district);
        }
        for (String district : new String[] {"CV10", "CV11", "CV12", "CV21", "CV22", "CV31", "CV32", "CV34", "CV37"}) {
            area(warwickshire, AreaKind.POSTCODE_DISTRICT, district);
        }
        for (String district : new String[] {"WV1", "WV2", "WV10", "WS1", "WS2", "DY1", "DY2", "B66", "B70"}) {
            area(bchft, AreaKind.POSTCODE_DISTRICT, district);
        }
        for (String district : new String[] {"B1", "B5", "B15", "B23", "B90", "B91"}) {
            area(shaw, AreaKind.POSTCODE_DISTRICT, district);
        }

        // The services directory hubs keep, for onward referrals from cases.
        services.addExamples(hubWithServices);

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
                people.findByEmail("commissioner@wmca.workhealth.example").orElseThrow().id());
        // Thrive at Work is counted from the employer record from 2024/25; this year's contract, for the demo employers'
        // sign-ups, engagements and case studies to count under.
        programmes.addContractUnchecked(new NewContract("TAW-WMCA-2026", thriveAtWork.id(), wmca, wmca, "West Midlands",
                LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), null));
        // Thrive at Work's employers, advisors and assessor (E1), their accreditation (E2), their figures (E3).
        employerExamples.load(demoPasswordHash);
        accreditationExamples.load(wmca, people.findByEmail("commissioner@wmca.workhealth.example").orElseThrow().id());
        employerFigureExamples.load();

        fundingExamples.agreements();
        Map<Long, Long> populations = new LinkedHashMap<>();
        GM_POPULATIONS.forEach((locality, population) -> populations.put(gmLocalities.get(locality), population));
        populations.put(warwickshire, 596_773L);
        populations.put(coventry, 345_324L);
        fundingExamples.populations(populations);
        // Greater Manchester's WorkWell pot shared by population: the papers give Bury's fair share (£432,927) but
        // not the pot; with these populations any pot from £6,405,125 to £6,405,138 gives Bury exactly that.
        fundingExamples.fairShares(user("commissioner@gm.workhealth.example"), "WorkWell fair shares",
                workwell.id(), gm, GM_WORKWELL_POT, "October 2024 to March 2026 (18 months)");

        if (demoCases) {
            // The 2024 contracts ended in March 2026; the example cases are this year's, so they need this
            // year's contracts to count under (and to show on the performance pages).
            contract("WW-BURY-2026", workwell, buryLiveWell, gm, "Bury", "2026-04-01", "2027-03-31", 28_861_800L);
            contract("WW-OLDHAM-2026", workwell, oldhamProvider, gm, "Oldham", "2026-04-01", "2027-03-31", 27_333_300L);
            contract("TIW-BCHFT-2026", thrive, bchft, wmca, "Black Country", "2026-04-01", "2027-03-31", 60_000_000L);
            fundingExamples.thisYear();
            // The Wellbeing Premium trial of SMEs (issue 16): 148 randomised, 104 continue, grants paid through
            // Thrive at Work's agreement for this year.
            long smeStarted = System.nanoTime();
            smeTrialExamples.wellbeingPremium(user("commissioner@wmca.workhealth.example"), thriveAtWork.id(), wmca,
                    employerExamples.smes(148, "Wellbeing Premium SME"), fundingExamples.thriveAtWorkThisYear());
            log.info("Loaded the Wellbeing Premium trial (148 SMEs) in {} ms", (System.nanoTime() - smeStarted) / 1_000_000);
            loadCases();
            // Issue 16 (H2): the Thrive into Work IPS trial, run by the combined authority, randomised at triage by
            // the Black Country specialist, with the trial's follow-up, drop-outs and CONSORT numbers.
            long tiwTrial = trialExamples.thriveIntoWork(thrive.id(), wmca, bchft,
                    people.findByEmail("specialist@bchft.workhealth.example").orElseThrow().id(),
                    List.of(programmes.findContractByReference("TIW-BCHFT-2024").orElseThrow(),
                            programmes.findContractByReference("TIW-BCHFT-2026").orElseThrow()));
            // Its evaluators' data sharing agreement, so the evaluator's home has an extract to download.
            evaluationExamples.thriveIntoWorkTrial(wmca,
                    people.findByEmail("commissioner@wmca.workhealth.example").orElseThrow().id(),
                    people.findByEmail("evaluator@workhealth.example").orElseThrow().organisationId(), thrive.id(),
                    tiwTrial);
        }
    }

    /**
     * About 30 referrals and the cases opened from them, made through the services that make real ones
     * (see ReferralExamples and CaseworkExamples): the Bury coach gets a triage queue, a caseload with
     * appointments today and ahead, plans, a review overdue, job starts and closed cases; Oldham and the
     * Black Country get referrals waiting, and the BCHFT specialist a few Thrive into Work cases. Off with
     * DEMO_CASES=false (the tests turn it off: their counts of queues and caseloads assume none of these).
     */
    private void loadCases() {
        CurrentUser coach = user("coach@bury.workhealth.example");
        CurrentUser specialist = user("specialist@bchft.workhealth.example");
        Person gp = people.findByEmail("referrer@townside.workhealth.example").orElseThrow();
        Referrer townside = new Referrer(gp.id(), gp.organisationId());
        String townsidePractice = "P83010";

        // Cases first: they take the start of the examples' list of people, whose stories fit them.
        List<Long> buryCases = referralExamples.cases(coach, "WW", ReferralExamples.Area.BURY, townsidePractice,
                townside, List.of(98, 91, 84, 77, 70, 63, 56, 49, 42, 35, 28, 21, 14, 10, 7, 4, 2));
        CaseworkExamples.Played bury = caseworkExamples.playOut(coach, buryCases, 3, 2);
        List<Long> blackCountryCases = referralExamples.cases(specialist, "TIW", ReferralExamples.Area.BLACK_COUNTRY,
                null, null, List.of(80, 45, 12));
        caseworkExamples.playOut(specialist, blackCountryCases, 1, 0);
        referralExamples.awaitingContact(coach, "WW", ReferralExamples.Area.BURY, null, null, 1);
        referralExamples.waiting(ReferralExamples.Area.BURY, townsidePractice, townside, 4);
        referralExamples.waiting(ReferralExamples.Area.BURY, null, null, 2);
        referralExamples.waiting(ReferralExamples.Area.OLDHAM, null, null, 2);
        referralExamples.waiting(ReferralExamples.Area.BLACK_COUNTRY, null, null, 1);
        referralExamples.illustrativeDeprivation();
        log.info("Loaded demo referrals and cases: the Bury coach has {} open cases, {} appointments today", bury.openCases(),
                bury.appointmentsToday());
    }

    private long contractId(String reference) {
        return programmes.findContractByReference(reference).orElseThrow().id();
    }

    private CurrentUser user(String email) {
        Person person = people.findByEmail(email).orElseThrow();
        String organisationName = organisations.find(person.organisationId()).orElseThrow().name();
        return new CurrentUser(person.id(), person.email(), person.fullName(), person.organisationId(),
                organisationName, person.roleSet());
    }

    private void area(long organisationId, AreaKind kind, String code) {
        areas.add(organisationId, kind, code);
    }

    private long org(String name, String type, Long parent, String ods) {
        Organisation created = organisations.create(name, type, parent, ods);
        return created.id();
    }

    private void person(String name, String email, long organisation, Set<Role> roles) {
        people.createWithPasswordHash(new NewPerson(name, email, organisation, roles), demoPasswordHash);
    }

    private void contract(String reference, Programme programme, long provider, long commissioner, String area,
            String from, String to, Long valuePence) {
        programmes.addContractUnchecked(new NewContract(reference, programme.id(), provider, commissioner, area,
                LocalDate.parse(from), LocalDate.parse(to), valuePence));
    }
}

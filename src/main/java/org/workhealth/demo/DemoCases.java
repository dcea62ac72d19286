package org.workhealth.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.workhealth.casework.CaseworkExamples;
import org.workhealth.employer.EmployerExamples;
import org.workhealth.evaluation.EvaluationExamples;
import org.workhealth.funding.FundingExamples;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Person;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.ReferralExamples;
import org.workhealth.referral.Referrer;
import org.workhealth.trial.TrialExamples;
import org.workhealth.trial.employer.SmeTrialExamples;

/**
 * This year's contracts and the people supported under them: referrals, cases, the two trials and their evaluation.
 * Off with DEMO_CASES=false.
 */
@Component
class DemoCases {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    private final DemoPeople demoPeople;
    private final Programmes programmes;
    private final ReferralExamples referralExamples;
    private final CaseworkExamples caseworkExamples;
    private final FundingExamples fundingExamples;
    private final EmployerExamples employerExamples;
    private final TrialExamples trialExamples;
    private final SmeTrialExamples smeTrialExamples;
    private final EvaluationExamples evaluationExamples;

    DemoCases(DemoPeople demoPeople, Programmes programmes, ReferralExamples referralExamples,
            CaseworkExamples caseworkExamples, FundingExamples fundingExamples, EmployerExamples employerExamples,
            TrialExamples trialExamples, SmeTrialExamples smeTrialExamples, EvaluationExamples evaluationExamples) {
        this.demoPeople = demoPeople;
        this.programmes = programmes;
        this.referralExamples = referralExamples;
        this.caseworkExamples = caseworkExamples;
        this.fundingExamples = fundingExamples;
        this.employerExamples = employerExamples;
        this.trialExamples = trialExamples;
        this.smeTrialExamples = smeTrialExamples;
        this.evaluationExamples = evaluationExamples;
    }

    void load(DemoPeople.Places places, Programme thrive, Programme workwell, Programme thriveAtWork) {
        long wmca = places.wmca();
        long gm = places.gm();
        long bchft = places.bchft();
        long buryLiveWell = places.buryLiveWell();
        long oldhamProvider = places.oldhamProvider();
        // The 2024 contracts ended in March 2026; the example cases are this year's, so they need this
        // year's contracts to count under (and to show on the performance pages).
        contract(programmes, "WW-BURY-2026", workwell, buryLiveWell, gm, "Bury", "2026-04-01", "2027-03-31", 28_861_800L);
        contract(programmes, "WW-OLDHAM-2026", workwell, oldhamProvider, gm, "Oldham", "2026-04-01", "2027-03-31", 27_333_300L);
        contract(programmes, "TIW-BCHFT-2026", thrive, bchft, wmca, "Black Country", "2026-04-01", "2027-03-31", 60_000_000L);
        fundingExamples.thisYear();
        // The Wellbeing Premium trial of SMEs (issue 16): 148 randomised, 104 continue, grants paid through
        // Thrive at Work's agreement for this year.
        long smeStarted = System.nanoTime();
        smeTrialExamples.wellbeingPremium(demoPeople.user("commissioner@wmca.workhealth.example"), thriveAtWork.id(), wmca,
                employerExamples.smes(148, "Wellbeing Premium SME"), fundingExamples.thriveAtWorkThisYear());
        log.info("Loaded the Wellbeing Premium trial (148 SMEs) in {} ms", (System.nanoTime() - smeStarted) / 1_000_000);
        loadCases();
        // Issue 16 (H2): the Thrive into Work IPS trial, run by the combined authority, randomised at triage by
        // the Black Country specialist, with the trial's follow-up, drop-outs and CONSORT numbers.
        long tiwTrial = trialExamples.thriveIntoWork(thrive.id(), wmca, bchft,
                demoPeople.id("specialist@bchft.workhealth.example"),
                List.of(programmes.findContractByReference("TIW-BCHFT-2024").orElseThrow(),
                        programmes.findContractByReference("TIW-BCHFT-2026").orElseThrow()));
        // Its evaluators' data sharing agreement, so the evaluator's home has an extract to download.
        evaluationExamples.thriveIntoWorkTrial(wmca,
                demoPeople.id("commissioner@wmca.workhealth.example"),
                demoPeople.person("evaluator@workhealth.example").organisationId(), thrive.id(),
                tiwTrial);
    }

    /**
     * About 30 referrals and the cases opened from them, made through the services that make real ones
     * (see ReferralExamples and CaseworkExamples): the Bury coach gets a triage queue, a caseload with
     * appointments today and ahead, plans, a review overdue, job starts and closed cases; Oldham and the
     * Black Country get referrals waiting, and the BCHFT specialist a few Thrive into Work cases. Off with
     * DEMO_CASES=false (the tests turn it off: their counts of queues and caseloads assume none of these).
     */
    private void loadCases() {
        CurrentUser coach = demoPeople.user("coach@bury.workhealth.example");
        CurrentUser specialist = demoPeople.user("specialist@bchft.workhealth.example");
        Person gp = demoPeople.person("referrer@townside.workhealth.example");
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

    /** A contract of the demo, dated by ISO strings to keep the lists of them readable. */
    static void contract(Programmes programmes, String reference, Programme programme, long provider,
            long commissioner, String area, String from, String to, Long valuePence) {
        programmes.addContractUnchecked(new org.workhealth.programme.NewContract(reference, programme.id(), provider,
                commissioner, area, java.time.LocalDate.parse(from), java.time.LocalDate.parse(to), valuePence));
    }
}

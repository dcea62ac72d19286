package org.workhealth.returns;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.SignIn;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.performance.KpiDefinitions;
import org.workhealth.programme.Contract;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

/**
 * A programme of its own for each returns test, with WorkWell's KPIs, a cohort, the standard return template and a
 * contract delivered by Bury for NHS Greater Manchester; cases made through the real intake and casework, and
 * milestones recorded as casework records them. The database is shared with the demo data and other tests.
 */
@Component
class ReturnFixtures {

    static final String BURY = "Bury Council Live Well service";
    static final String GM = "NHS Greater Manchester";
    static final String NHS_NUMBER = "9434765919";
    static final String PHONE = "07700900123";
    static final String POSTCODE = "BL9 0AW";

    /** A programme with its contract and cohort. */
    record Setup(Programme programme, Contract contract, long cohortId) {
    }

    final Programmes programmes;
    final Organisations organisations;
    final People people;
    final Milestones milestones;
    final ReferralIntake intake;
    final Casework casework;
    final KpiDefinitions kpis;
    final ReturnTemplates templates;
    final JdbcClient jdbc;

    ReturnFixtures(Programmes programmes, Organisations organisations, People people, Milestones milestones,
            ReferralIntake intake, Casework casework, KpiDefinitions kpis, ReturnTemplates templates,
            JdbcClient jdbc) {
        this.programmes = programmes;
        this.organisations = organisations;
        this.people = people;
        this.milestones = milestones;
        this.intake = intake;
        this.casework = casework;
        this.kpis = kpis;
        this.templates = templates;
        this.jdbc = jdbc;
    }

    long org(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }

    Setup programme(LocalDate startsOn, LocalDate endsOn) {
        String code = "RT" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        Programme programme = programmes.createUnchecked(code, "Returns test " + code, SupportType.LOW_INTENSITY,
                null, org(GM));
        programme = programmes.addCohortUnchecked(programme.id(), "C1", "Cohort one", null);
        long cohortId = programme.cohorts().iterator().next().id();
        kpis.seedDefaults(programme.id(), "WW");
        templates.save(programme.id(), "Test quarterly data return", 20,
                List.of("REFERRALS", "ENGAGED", "ACTION_PLANS", "JOB_OUTCOMES", "CONVERSION"),
                ReturnExamples.standardColumns());
        Contract contract = programmes.addContractUnchecked(new NewContract(code + "-C", programme.id(), org(BURY),
                org(GM), "Test", startsOn, endsOn, null));
        return new Setup(programme, contract, cohortId);
    }

    /** A second locality's contract for the same programme, like Oldham's beside Bury's. */
    Setup alongside(Setup setup, long organisationId) {
        Contract contract = programmes.addContractUnchecked(new NewContract(setup.programme().code() + "-"
                + organisationId, setup.programme().id(), organisationId, org(GM), "Test", setup.contract().startsOn(),
                setup.contract().endsOn(), null));
        return new Setup(setup.programme(), contract, setup.cohortId());
    }

    /** Another Greater Manchester locality's provider, below the hub but not Bury. */
    long otherLocality() {
        return jdbc.sql("SELECT id FROM organisation WHERE name = 'Oldham Working Well service'").query(Long.class)
                .single();
    }

    /**
     * Opens a case on the programme through the real intake, with identifiers the extract must never carry. The
     * intake stamps the referral with today's date; it is backdated to {@code referredOn}, as if it had arrived then.
     */
    long openCase(Setup setup, String firstName, String lastName, LocalDate referredOn, LocalDate openedOn) {
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, firstName, lastName,
                LocalDate.of(1990, 3, 14), NHS_NUMBER, PHONE, firstName.toLowerCase() + "@example.com",
                "1 Market Street", null, "Bury", POSTCODE, ContactPreference.PHONE, null, null, null,
                EmploymentStatus.UNEMPLOYED, referredOn.minusWeeks(10), null, null, null, true, false, false,
                "Back pain", null, "Help to find work", true, false, "FEMALE", null, "White: Irish", "NO", null);
        ReferralIntake.Submitted submitted = intake.submit(answers, ReferralSource.PUBLIC, null, null);
        jdbc.sql("UPDATE referral SET received_at = ? WHERE id = ?")
                .params(Timestamp.valueOf(referredOn.atTime(10, 0)), submitted.id()).update();
        long coach = people.findByEmail(SignIn.BURY_COACH).orElseThrow().id();
        return casework.openCase(new OpenCase(submitted.id(), submitted.reference(), setup.programme().id(),
                setup.cohortId(), setup.contract().providerOrganisationId(), coach,
                EmploymentStatus.UNEMPLOYED.name(), openedOn));
    }

    long record(Setup setup, long caseId, MilestoneType type, LocalDate on) {
        return record(setup, caseId, type, on, Map.of());
    }

    long record(Setup setup, long caseId, MilestoneType type, LocalDate on, Map<String, String> attributes) {
        Contract contract = setup.contract();
        return milestones.record(new NewMilestone(type, caseId, null, contract.programmeId(), contract.id(),
                contract.providerOrganisationId(), on, attributes, null));
    }
}

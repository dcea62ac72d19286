package org.workhealth.funding;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.workhealth.SignIn;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingAgreements;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.NewFundingAgreement;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
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
 * Programmes, contracts, funding agreements, cases and milestones of their own for the funding tests: the
 * database is shared with the demo data and other tests, so each test makes a contract nobody else counts.
 */
@Component
class FundingFixtures {

    static final String BURY = "Bury Council Live Well service";
    static final String GM = "NHS Greater Manchester";

    final Programmes programmes;
    final Organisations organisations;
    final People people;
    final Milestones milestones;
    final ReferralIntake intake;
    final Casework casework;
    final FundingAgreements agreements;

    FundingFixtures(Programmes programmes, Organisations organisations, People people, Milestones milestones,
            ReferralIntake intake, Casework casework, FundingAgreements agreements) {
        this.programmes = programmes;
        this.organisations = organisations;
        this.people = people;
        this.milestones = milestones;
        this.intake = intake;
        this.casework = casework;
        this.agreements = agreements;
    }

    long org(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }

    CurrentUser user(String email) {
        Person person = people.findByEmail(email).orElseThrow();
        return new CurrentUser(person.id(), person.email(), person.fullName(), person.organisationId(),
                organisations.find(person.organisationId()).orElseThrow().name(), person.roleSet());
    }

    CurrentUser manager() {
        return user(SignIn.BURY_MANAGER);
    }

    CurrentUser commissioner() {
        return user(SignIn.GM_COMMISSIONER);
    }

    /** A programme of its own with one contract, delivered by Bury for NHS Greater Manchester. */
    Contract buryContract(LocalDate startsOn, LocalDate endsOn) {
        return contract(BURY, GM, startsOn, endsOn);
    }

    Contract contract(String provider, String commissioner, LocalDate startsOn, LocalDate endsOn) {
        String code = "FC" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        Programme programme = programmes.createUnchecked(code, "Funding test " + code, SupportType.LOW_INTENSITY,
                null, org(commissioner));
        return programmes.addContractUnchecked(new NewContract(code + "-C", programme.id(), org(provider),
                org(commissioner), "Test", startsOn, endsOn, null));
    }

    FundingAgreement agreement(Contract contract, PaymentModel model, int percent, Integer target,
            FundingYear... years) {
        long id = agreements.createUnchecked(new NewFundingAgreement(contract.id(), model, percent, target,
                List.of(years), Map.of()));
        return agreements.find(id).orElseThrow();
    }

    /** Opens a case on the contract's programme, delivered by its provider, through the real intake. */
    long openCase(Contract contract, LocalDate openedOn) {
        String lastName = "Claim" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Sam", lastName,
                LocalDate.of(1982, 3, 14), null, "07700900123", null, "1 Market Street", null, "Bury", "BL9 0AW",
                ContactPreference.PHONE, null, null, null, EmploymentStatus.UNEMPLOYED, openedOn.minusWeeks(10),
                null, null, null, true, false, false, "Back pain", null, "Help to find work", true, false, null, null,
                null, null, null);
        ReferralIntake.Submitted submitted = intake.submit(answers, ReferralSource.PUBLIC, null, null);
        long coach = people.findByEmail(SignIn.BURY_COACH).orElseThrow().id();
        return casework.openCase(new OpenCase(submitted.id(), submitted.reference(), contract.programmeId(), null,
                contract.providerOrganisationId(), coach, EmploymentStatus.UNEMPLOYED.name(), openedOn));
    }

    String reference(long caseId) {
        return casework.find(caseId).orElseThrow().reference();
    }

    long record(Contract contract, long caseId, MilestoneType type, LocalDate on) {
        return milestones.record(milestone(contract, caseId, type, on));
    }

    /** A case engaged on one day with its action plan agreed on another: returns the plan's milestone id. */
    long participant(Contract contract, long caseId, LocalDate engaged, LocalDate planned) {
        record(contract, caseId, MilestoneType.ENGAGEMENT, engaged);
        return record(contract, caseId, MilestoneType.ACTION_PLAN_AGREED, planned);
    }

    /** Corrects a milestone's date. */
    long correct(Contract contract, long milestoneId, LocalDate on) {
        var original = milestones.find(milestoneId).orElseThrow();
        return milestones.supersede(milestoneId, milestone(contract, original.caseId(), original.type(), on));
    }

    /** Withdraws a milestone recorded in error. */
    long withdraw(long milestoneId, String reason) {
        return milestones.withdraw(milestoneId, reason, null);
    }

    NewMilestone milestone(Contract contract, long caseId, MilestoneType type, LocalDate on) {
        return new NewMilestone(type, caseId, null, contract.programmeId(), contract.id(),
                contract.providerOrganisationId(), on, Map.of(), null);
    }
}

package org.workhealth.trial.employer;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.workhealth.SignIn;
import org.workhealth.employer.Employers;
import org.workhealth.funding.internal.FundingAgreements;
import org.workhealth.funding.FundingExamples;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.organisation.Role;
import org.workhealth.programme.Programmes;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.Arm;
import org.workhealth.trial.Trial;
import org.workhealth.trial.internal.TrialDesign;
import org.workhealth.trial.TrialUnit;
import org.workhealth.trial.Trials;

/**
 * The walks' SME trial: owned by the West Midlands hub, with a grant plan and the given employer randomised. It has
 * the grant arm only, so the employer's instalment pages exist whatever the random draw (a walk must be repeatable).
 */
public final class SmeWalkRecords {

    private SmeWalkRecords() {
    }

    /** Thrive at Work's agreement for this year, made the first time it is asked for. */
    public static synchronized long agreement(ApplicationContext context) {
        long contract = context.getBean(Programmes.class).findContractByReference("TAW-WMCA-2026").orElseThrow().id();
        return context.getBean(FundingAgreements.class).idForContract(contract)
                .orElseGet(context.getBean(FundingExamples.class)::thriveAtWorkThisYear);
    }

    /** The walks' SME trial and an SME of it in the grant arm: {@code smeTrialId} and {@code smeId}. */
    public static java.util.Map<String, String> smeTrial(ApplicationContext context) {
        People people = context.getBean(People.class);
        Person person = people.findByEmail(SignIn.WMCA_COMMISSIONER).orElseThrow();
        CurrentUser commissioner = new CurrentUser(person.id(), person.email(), person.fullName(),
                person.organisationId(), context.getBean(Organisations.class).find(person.organisationId())
                        .orElseThrow().name(), person.roleSet());
        long taw = context.getBean(Programmes.class).findByCode("TAW").orElseThrow().id();
        Trial trial = context.getBean(Trials.class).createUnchecked(new TrialDesign(taw, "SMEWALK-"
                + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "Walk SME trial", TrialUnit.EMPLOYER,
                AllocationMethod.PERMUTED_BLOCKS, List.of(new Arm("GRANT", "Grant", 1, false),
                        new Arm("USUAL", "Usual support", 1, true)), List.of(),
                List.of(1, 2), 0.8, LocalDate.now().minusDays(30), LocalDate.now().plusYears(1), 10,
                EnumSet.of(Role.COMMISSIONER), "Usual support", List.of(26)), commissioner.organisationId());
        context.getBean(SmeGrants.class).addInstalment(commissioner, trial, agreement(context), 100_000,
                "On signing the grant agreement");
        SmeTrials smeTrials = context.getBean(SmeTrials.class);
        Employers employers = context.getBean(Employers.class);
        // One stratum, blocks of 2 or 4 each holding both arms equally: one of the first three is in the grant arm.
        for (Long id : context.getBean(org.workhealth.employer.EmployerExamples.class).smes(3, "Walk SME")) {
            var allocation = smeTrials.randomise(commissioner, trial, employers.find(id).orElseThrow(), "Walk director");
            if (!trial.arm(allocation.armCode()).control()) {
                return java.util.Map.of("smeTrialId", String.valueOf(trial.id()), "smeId", String.valueOf(id));
            }
        }
        throw new IllegalStateException("No SME of the first three in the grant arm");
    }
}

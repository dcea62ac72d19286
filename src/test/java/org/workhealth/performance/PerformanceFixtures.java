package org.workhealth.performance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.workhealth.calendar.FinancialYear;
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
import org.workhealth.performance.internal.KpiForecast;
import org.workhealth.performance.internal.KpiTargetEntry;
import org.workhealth.performance.internal.KpiTargets;

/** Programmes, contracts, targets and milestones of their own for the performance tests (the database is shared). */
@Component
class PerformanceFixtures {

    final Programmes programmes;
    final Organisations organisations;
    final People people;
    final Milestones milestones;
    final KpiDefinitions definitions;
    final KpiTargets targets;

    PerformanceFixtures(Programmes programmes, Organisations organisations, People people, Milestones milestones,
            KpiDefinitions definitions, KpiTargets targets) {
        this.programmes = programmes;
        this.organisations = organisations;
        this.people = people;
        this.milestones = milestones;
        this.definitions = definitions;
        this.targets = targets;
    }

    long org(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }

    long wmca() {
        return org("West Midlands Combined Authority");
    }

    long bchft() {
        return org("Black Country Healthcare NHS Foundation Trust");
    }

    long shaw() {
        return org("Shaw Trust");
    }

    CurrentUser user(String email) {
        Person person = people.findByEmail(email).orElseThrow();
        return new CurrentUser(person.id(), person.email(), person.fullName(), person.organisationId(),
                organisations.find(person.organisationId()).orElseThrow().name(), person.roleSet());
    }

    /** A programme of its own, owned by the West Midlands Combined Authority, with the Thrive into Work KPIs. */
    Programme tiwLikeProgramme() {
        String code = "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Programme programme = programmes.createUnchecked(code, "Thrive test " + code, SupportType.INTENSIVE_IPS, null,
                wmca());
        definitions.seedDefaults(programme.id(), "TIW");
        return programme;
    }

    Contract contract(Programme programme, long provider) {
        String reference = "C-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return programmes.addContractUnchecked(new NewContract(reference, programme.id(), provider, wmca(), "Test",
                LocalDate.of(2023, 4, 1), LocalDate.of(2026, 3, 31), null));
    }

    KpiDefinition kpi(Programme programme, String code) {
        return definitions.forProgramme(programme.id()).stream().filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow();
    }

    KpiTargetEntry target(Programme programme, String code, int total, Integer q1, Integer q2, Integer q3, Integer q4) {
        List<KpiForecast> forecasts = new ArrayList<>();
        Integer[] values = {q1, q2, q3, q4};
        for (int q = 1; q <= 4; q++) {
            forecasts.add(values[q - 1] == null ? KpiForecast.asLeft(q) : KpiForecast.of(q, values[q - 1]));
        }
        return new KpiTargetEntry(kpi(programme, code).id(), total, null, forecasts);
    }

    /** Records {@code count} milestones spread over the three months of a quarter. */
    List<Long> record(Contract contract, MilestoneType type, Map<String, String> attributes, FinancialYear year,
            int quarter, int count) {
        LocalDate start = year.quarter(quarter).start();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate on = start.plusMonths(i % 3).plusDays(i % 27);
            ids.add(milestones.record(milestone(contract, type, attributes, on)));
        }
        return ids;
    }

    NewMilestone milestone(Contract contract, MilestoneType type, Map<String, String> attributes, LocalDate on) {
        return new NewMilestone(type, null, null, contract.programmeId(), contract.id(),
                contract.providerOrganisationId(), on, new LinkedHashMap<>(attributes), null);
    }
}

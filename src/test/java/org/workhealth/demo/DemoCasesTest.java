package org.workhealth.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.casework.CaseworkExamples;
import org.workhealth.milestone.MilestoneFilter;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.NewPerson;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.organisation.Role;
import org.workhealth.referral.AreaKind;
import org.workhealth.referral.ReferralAreas;
import org.workhealth.referral.ReferralExamples;

/**
 * The demo referrals and cases (off in tests, so that they do not change other tests' counts) made for a
 * practitioner of a new organisation of this test's own: their triage queue, their home page and the
 * milestones show what the examples say they made.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DemoCasesTest {

    private final MockMvc mvc;
    private final ReferralExamples referralExamples;
    private final CaseworkExamples caseworkExamples;
    private final Organisations organisations;
    private final People people;
    private final ReferralAreas areas;
    private final Milestones milestones;

    @Autowired
    DemoCasesTest(MockMvc mvc, ReferralExamples referralExamples, CaseworkExamples caseworkExamples,
            Organisations organisations, People people, ReferralAreas areas, Milestones milestones) {
        this.mvc = mvc;
        this.referralExamples = referralExamples;
        this.caseworkExamples = caseworkExamples;
        this.organisations = organisations;
        this.people = people;
        this.areas = areas;
        this.milestones = milestones;
    }

    @Test
    void examplesGiveAPractitionerAQueueACaseloadAndTheirMilestones() throws Exception {
        String unique = Long.toString(System.nanoTime(), 36);
        long national = organisations.findByName("Joint Work and Health Directorate (DWP and DHSC)").orElseThrow().id();
        long hub = organisations.create("Demo test hub " + unique, "HUB", national, null).id();
        Organisation provider = organisations.create("Demo test provider " + unique, "PROVIDER", hub, null);
        String practice = "Y" + ThreadLocalRandom.current().nextInt(10_000, 100_000);
        areas.add(provider.id(), AreaKind.GP_PRACTICE, practice);
        String email = "coach-" + unique + "@demo-test.workhealth.example";
        Person coach = people.createWithPassword(new NewPerson("Demo Coach " + unique, email, provider.id(),
                EnumSet.of(Role.PRACTITIONER)), SignIn.DEMO_PASSWORD);
        CurrentUser user = new CurrentUser(coach.id(), coach.email(), coach.fullName(), provider.id(), provider.name(),
                coach.roleSet());

        List<Long> caseIds = referralExamples.cases(user, "WW", ReferralExamples.Area.BURY, practice, null,
                List.of(98, 63, 35, 10, 4, 2));
        CaseworkExamples.Played played = caseworkExamples.playOut(user, caseIds, 1, 1);
        List<Long> waiting = referralExamples.waiting(ReferralExamples.Area.BURY, practice, null, 5);
        referralExamples.awaitingContact(user, "WW", ReferralExamples.Area.BURY, practice, null, 1);

        assertThat(caseIds).hasSize(6);
        assertThat(waiting).hasSize(5);
        assertThat(played.closed()).isEqualTo(1);
        assertThat(played.openCases()).isEqualTo(5);
        assertThat(played.appointmentsToday() + played.appointmentsAhead()).isEqualTo(5);
        assertThat(played.plansAgreed()).isGreaterThanOrEqualTo(2);

        MockHttpSession session = SignIn.as(mvc, email, SignIn.DEMO_PASSWORD);
        Document home = Jsoup.parse(mvc.perform(get("/cases").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(home.select("table[aria-labelledby=open-cases] tbody tr")).hasSize(5);
        assertThat(home.select("#appointments-today-table tbody tr")).hasSize(played.appointmentsToday());
        assertThat(home.select("#appointments-coming-table tbody tr")).hasSize(played.appointmentsAhead());
        assertThat(home.select("#reviews-overdue-table tbody tr")).hasSize(played.reviewsOverdue());

        Document queue = Jsoup.parse(mvc.perform(get("/triage").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(queue.select("tr.app-triage-row")).hasSize(5);

        // Each milestone written by its usual code: received and accepted for every case (and received for
        // the referral still waiting for first contact), engagement for each case seen, one exit.
        Set<Long> scope = Set.of(provider.id());
        assertThat(count(scope, MilestoneType.REFERRAL_RECEIVED)).isEqualTo(7);
        assertThat(count(scope, MilestoneType.REFERRAL_ACCEPTED)).isEqualTo(6);
        // Which cases have been seen depends on the day the test runs (a case opened on Thursday is first seen on
        // Monday), so the examples say how many they saw.
        assertThat(played.engaged()).isBetween(4, 5);
        assertThat(count(scope, MilestoneType.ENGAGEMENT)).isEqualTo(played.engaged());
        assertThat(count(scope, MilestoneType.ACTION_PLAN_AGREED)).isEqualTo(played.plansAgreed());
        assertThat(count(scope, MilestoneType.JOB_START)).isEqualTo(played.jobStarts());
        assertThat(count(scope, MilestoneType.EXIT)).isEqualTo(1);
    }

    private int count(Set<Long> scope, MilestoneType type) {
        return milestones.current(new MilestoneFilter(null, null, null, null, scope, type, null, null)).size();
    }
}

package org.workhealth.employer;

import org.workhealth.employer.internal.EmployerAccess;
import org.workhealth.employer.internal.EmployerScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;

/** Who sees which employer, on the demo employers of the West Midlands Combined Authority hub. */
@SpringBootTest
@AutoConfigureMockMvc
class EmployerAccessTest {

    @Autowired
    EmployerAccess access;
    @Autowired
    People people;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEmployersOwnPeopleSeeTheirEmployerOnly() {
        CurrentUser lead = user("lead@acme.workhealth.example");
        long acme = employer(EmployerExamples.ACME);
        long other = employer("Brindley Logistics Ltd");

        assertThat(access.ownEmployer(lead)).contains(acme);
        assertThat(access.readable(lead, acme).name()).isEqualTo(EmployerExamples.ACME);
        assertThat(access.changeableByEmployer(lead, acme).id()).isEqualTo(acme);
        assertThatThrownBy(() -> access.readable(lead, other)).isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> access.changeableByEmployer(lead, other)).isInstanceOf(OutOfScopeException.class);
        assertThat(visible(lead)).containsExactly(acme);
        assertThat(access.advises(lead, acme)).isFalse();
    }

    @Test
    void aHubAdvisorSeesEveryEmployerOfTheHubAndAPartnerAdvisorOnlyTheirOwn() {
        CurrentUser hubAdvisor = user("advisor@wmca.workhealth.example");
        CurrentUser partnerAdvisor = user("advisor@bgwm.workhealth.example");
        long gornal = employer("Gornal Glass Works Ltd");
        long acme = employer(EmployerExamples.ACME);

        assertThat(access.advises(hubAdvisor, gornal)).isTrue();
        assertThat(access.advises(partnerAdvisor, gornal)).isTrue();
        assertThat(access.advises(partnerAdvisor, acme)).isFalse();
        assertThatThrownBy(() -> access.readable(partnerAdvisor, acme)).isInstanceOf(OutOfScopeException.class);
        assertThat(visible(partnerAdvisor)).contains(gornal).doesNotContain(acme);
        assertThat(visible(hubAdvisor)).contains(gornal, acme);
        assertThat(access.ownEmployer(hubAdvisor)).isEmpty();
        assertThatThrownBy(() -> access.changeableByEmployer(hubAdvisor, acme))
                .isInstanceOf(OutOfScopeException.class);
    }

    @Test
    void assessorsAndCommissionersSeeTheEmployersOfHubsInTheirScopeOnly() {
        CurrentUser assessor = user("assessor@wmca.workhealth.example");
        CurrentUser wmcaCommissioner = user("commissioner@wmca.workhealth.example");
        CurrentUser gmCommissioner = user("commissioner@gm.workhealth.example");
        long acme = employer(EmployerExamples.ACME);

        assertThat(access.assesses(assessor, acme)).isTrue();
        assertThat(access.advises(assessor, acme)).isFalse();
        assertThat(access.readable(wmcaCommissioner, acme).id()).isEqualTo(acme);
        assertThat(access.manages(wmcaCommissioner, acme)).isTrue();
        assertThatThrownBy(() -> access.readable(gmCommissioner, acme)).isInstanceOf(OutOfScopeException.class);
        assertThat(visible(gmCommissioner)).doesNotContain(acme);
        assertThat(access.manages(gmCommissioner, acme)).isFalse();
    }

    @Test
    void peopleWithoutAnEmployerRoleSeeNoEmployerAndAMissingOneIsNotFound() {
        CurrentUser coach = user("coach@bury.workhealth.example");
        assertThat(access.scope(coach).isEmpty()).isTrue();
        assertThat(visible(coach)).isEmpty();
        assertThatThrownBy(() -> access.readable(user("advisor@wmca.workhealth.example"), -1L))
                .isInstanceOf(OutOfScopeException.class);
    }

    private List<Long> visible(CurrentUser user) {
        EmployerScope scope = access.scope(user);
        return jdbc.sql("SELECT e.id FROM employer e WHERE " + scope.whereEmployer("e") + " AND "
                + scope.where("e.id")).params(scope.parameters()).query(Long.class).list();
    }

    private long employer(String name) {
        return jdbc.sql("SELECT id FROM employer WHERE name = :name").param("name", name).query(Long.class).single();
    }

    private CurrentUser user(String email) {
        Person person = people.findByEmail(email).orElseThrow();
        return new CurrentUser(person.id(), person.email(), person.fullName(), person.organisationId(),
                organisations.find(person.organisationId()).orElseThrow().name(), person.roleSet());
    }
}

package org.workhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.OrganisationSummary;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.Role;
import org.workhealth.programme.Contract;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;

/**
 * The "referral received" milestone: written once per referral, at the first triage decision that
 * names a programme. Each test makes its own programme and referral, so other records never matter.
 */
@SpringBootTest
class ReferralReceivedMilestoneTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Triage triage;
    private final ReferralMilestones referralMilestones;
    private final ReferralIntake intake;
    private final Programmes programmes;
    private final Organisations organisations;
    private final JdbcClient jdbc;

    @Autowired
    ReferralReceivedMilestoneTest(Triage triage, ReferralMilestones referralMilestones, ReferralIntake intake,
            Programmes programmes, Organisations organisations, JdbcClient jdbc) {
        this.triage = triage;
        this.referralMilestones = referralMilestones;
        this.intake = intake;
        this.programmes = programmes;
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    @Test
    void acceptingRecordsItOnceWithTheReceivedDateContractAndCohort() {
        Setup setup = setup(buryLiveWell());
        long id = referral(buryLiveWell());
        CurrentUser manager = user(SignIn.BURY_MANAGER, Role.PROVIDER_MANAGER);

        assertThat(accept(manager, id, setup)).isTrue();
        // A second acceptance is refused (the referral is no longer open), and writing again adds nothing.
        assertThat(accept(manager, id, setup)).isFalse();
        assertThat(referralMilestones.recordReceived(id, null)).isEmpty();

        List<Map<String, Object>> rows = received(id);
        assertThat(rows).hasSize(1);
        LocalDate receivedOn = jdbc.sql("SELECT received_at FROM referral WHERE id = ?").param(id)
                .query(java.sql.Timestamp.class).single().toInstant().atZone(LONDON).toLocalDate();
        assertThat(rows.get(0)).containsEntry("programme_id", setup.programme().id())
                .containsEntry("contract_id", setup.contract().id())
                .containsEntry("organisation_id", buryLiveWell()).containsEntry("case_id", null)
                .containsEntry("occurred_on", java.sql.Date.valueOf(receivedOn))
                .containsEntry("attributes", "employment_status=EMPLOYED;in_work=true;cohort=C2");
    }

    @Test
    void routingWithAProgrammeRecordsItAndAcceptingLaterDoesNotRecordItAgain() {
        // The contract is held by the Bury locality, above the provider the referral is routed to.
        long bury = organisations.findByName("Bury").orElseThrow().id();
        Setup setup = setup(bury);
        long id = referral(bury);
        CurrentUser commissioner = user(SignIn.GM_COMMISSIONER, Role.COMMISSIONER);
        Organisation to = organisations.find(buryLiveWell()).orElseThrow();

        assertThat(triage.route(commissioner, triage.triageable(commissioner, id), summary(to),
                setup.programme())).isTrue();
        List<Map<String, Object>> rows = received(id);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("organisation_id", buryLiveWell())
                .containsEntry("contract_id", setup.contract().id())
                .containsEntry("attributes", "employment_status=EMPLOYED;in_work=true");

        assertThat(accept(user(SignIn.BURY_MANAGER, Role.PROVIDER_MANAGER), id, setup)).isTrue();
        assertThat(received(id)).hasSize(1);
    }

    @Test
    void routingWithoutAProgrammeSignpostingAndDecliningRecordNothing() {
        long id = referral(buryLiveWell());
        CurrentUser commissioner = user(SignIn.GM_COMMISSIONER, Role.COMMISSIONER);
        long bury = organisations.findByName("Bury").orElseThrow().id();
        assertThat(triage.route(commissioner, triage.triageable(commissioner, id),
                summary(organisations.find(bury).orElseThrow()), null)).isTrue();
        assertThat(received(id)).isEmpty();

        assertThat(triage.signpost(commissioner, triage.triageable(commissioner, id), "Citizens Advice")).isTrue();
        assertThat(received(id)).isEmpty();

        long declined = referral(buryLiveWell());
        assertThat(triage.decline(commissioner, triage.triageable(commissioner, declined), "Not eligible")).isTrue();
        assertThat(received(declined)).isEmpty();
    }

    @Test
    void withNoLiveContractUpTheTreeTheContractIsLeftEmpty() {
        long oldham = organisations.findByName("Oldham").orElseThrow().id();
        Setup setup = setup(oldham); // held elsewhere: nothing above Bury Live Well holds one
        long id = referral(buryLiveWell());
        assertThat(accept(user(SignIn.BURY_MANAGER, Role.PROVIDER_MANAGER), id, setup)).isTrue();
        assertThat(received(id)).singleElement().satisfies(row -> assertThat(row).containsEntry("contract_id", null));
    }

    // --- helpers ---

    record Setup(Programme programme, Contract contract, long cohortId) {
    }

    private Setup setup(long contractHolder) {
        String code = "RR" + letters(6).toUpperCase();
        long gm = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        Programme programme = programmes.createUnchecked(code, "Received test " + code, SupportType.LOW_INTENSITY,
                null, gm);
        programmes.addCohortUnchecked(programme.id(), "C2", "In work at risk", null);
        long cohortId = jdbc.sql("SELECT id FROM cohort WHERE programme_id = ?").param(programme.id())
                .query(Long.class).single();
        LocalDate today = LocalDate.now(LONDON);
        Contract contract = programmes.addContractUnchecked(new NewContract(code + "-LIVE", programme.id(),
                contractHolder, gm, "Test", today.minusYears(1), today.plusYears(1), null));
        // Bury Live Well must see the programme to accept onto it: give it a contract too when it holds none.
        if (contractHolder != buryLiveWell()) {
            programmes.addContractUnchecked(new NewContract(code + "-OLD", programme.id(), buryLiveWell(), gm,
                    "Test", today.minusYears(4), today.minusYears(3), null));
        }
        return new Setup(programmes.find(programme.id()).orElseThrow(), contract, cohortId);
    }

    private long referral(long routedTo) {
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Sam", "Received" + letters(8),
                LocalDate.of(1990, 2, 3), null, "07700 900982", null, null, null, null, "BL9 0EJ",
                ContactPreference.PHONE, "Mornings", null, null, EmploymentStatus.EMPLOYED, null, "Acme Ltd", false,
                null, true, false, false, "Anxiety", "NO", "Help to stay in work", true, false, null, null, null,
                null, null);
        long id = intake.submit(answers, ReferralSource.PUBLIC, null, null).id();
        jdbc.sql("UPDATE referral SET routed_organisation_id = ? WHERE id = ?").params(routedTo, id).update();
        return id;
    }

    private boolean accept(CurrentUser user, long id, Setup setup) {
        ReferralDetails details = triage.triageable(user, id);
        long coach = personId(SignIn.BURY_COACH);
        return triage.accept(user, details, setup.programme(),
                new Triage.Acceptance(setup.programme().id(), setup.cohortId(), null, coach),
                new Triage.PractitionerLoad(coach, "Coach", "Bury Live Well", 0, null));
    }

    private List<Map<String, Object>> received(long referralId) {
        return jdbc.sql("SELECT * FROM milestone WHERE referral_id = ? AND type = 'REFERRAL_RECEIVED'")
                .param(referralId).query().listOfRows();
    }

    private CurrentUser user(String email, Role role) {
        Map<String, Object> row = jdbc.sql("""
                SELECT p.id, p.full_name, p.organisation_id, o.name FROM person p
                JOIN organisation o ON o.id = p.organisation_id WHERE p.email = ?
                """).param(email).query().singleRow();
        return new CurrentUser(((Number) row.get("id")).longValue(), email, (String) row.get("full_name"),
                ((Number) row.get("organisation_id")).longValue(), (String) row.get("name"), Set.of(role));
    }

    private static OrganisationSummary summary(Organisation o) {
        return new OrganisationSummary(o.id(), o.name(), o.typeCode(), o.typeCode(), o.parentId(), null, o.odsCode(),
                0);
    }

    private long personId(String email) {
        return jdbc.sql("SELECT id FROM person WHERE email = ?").param(email).query(Long.class).single();
    }

    private long buryLiveWell() {
        return organisations.findByName("Bury Council Live Well service").orElseThrow().id();
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}

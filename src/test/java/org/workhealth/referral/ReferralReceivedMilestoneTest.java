package org.workhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workhealth.TestData.letters;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.MilestoneText;
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
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralMilestones;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralSource;

/**
 * The "referral received" milestone: written once per referral, when the single access point receives it,
 * under the programme its route implies, or at the first triage decision that names one. Each test makes its
 * own provider (under Greater Manchester), programme and referrals, so other records never matter.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReferralReceivedMilestoneTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Triage triage;
    private final ReferralMilestones referralMilestones;
    private final ReferralIntake intake;
    private final ReferralAreas areas;
    private final ReceivedMilestoneBackfill backfill;
    private final Programmes programmes;
    private final Organisations organisations;
    private final JdbcClient jdbc;

    @Autowired
    ReferralReceivedMilestoneTest(Triage triage, ReferralMilestones referralMilestones, ReferralIntake intake,
            ReferralAreas areas, ReceivedMilestoneBackfill backfill, Programmes programmes,
            Organisations organisations, JdbcClient jdbc) {
        this.triage = triage;
        this.referralMilestones = referralMilestones;
        this.intake = intake;
        this.areas = areas;
        this.backfill = backfill;
        this.programmes = programmes;
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    @Test
    void aReferralCountsWhenReceivedWhateverHappensNext() {
        long provider = provider();
        Setup setup = setup(provider);
        CurrentUser commissioner = user(SignIn.GM_COMMISSIONER, Role.COMMISSIONER);
        long waiting = referral(provider);
        long signposted = referral(provider);
        long declined = referral(provider);
        assertThat(triage.signpost(commissioner, triage.triageable(commissioner, signposted), "Citizens Advice"))
                .isTrue();
        assertThat(triage.decline(commissioner, triage.triageable(commissioner, declined), "Not eligible")).isTrue();

        for (long id : List.of(waiting, signposted, declined)) {
            assertThat(received(id)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("programme_id", setup.programme().id())
                    .containsEntry("contract_id", setup.contract().id())
                    .containsEntry("organisation_id", provider).containsEntry("case_id", null)
                    .containsEntry("occurred_on", java.sql.Date.valueOf(receivedOn(id)))
                    .containsEntry("attributes", "employment_status=EMPLOYED;in_work=true"));
        }
    }

    @Test
    void whenTheRouteImpliesNoOneProgrammeTheAcceptanceRecordsItOnceWithTheCohort() {
        long provider = provider();
        Setup setup = setup(provider);
        setup(provider); // a second programme: the route no longer tells which
        long id = referral(provider);
        assertThat(received(id)).isEmpty();
        CurrentUser commissioner = user(SignIn.GM_COMMISSIONER, Role.COMMISSIONER);

        assertThat(accept(commissioner, id, setup)).isTrue();
        // A second acceptance is refused (the referral is no longer open), and writing again adds nothing.
        assertThat(accept(commissioner, id, setup)).isFalse();
        assertThat(referralMilestones.recordReceived(id, null)).isEmpty();

        assertThat(received(id)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("programme_id", setup.programme().id())
                .containsEntry("contract_id", setup.contract().id())
                .containsEntry("occurred_on", java.sql.Date.valueOf(receivedOn(id)))
                .containsEntry("attributes", "employment_status=EMPLOYED;in_work=true;cohort=C2"));
    }

    @Test
    void routingOnToAProviderWhoseContractImpliesTheProgrammeRecordsItThere() {
        long unclear = provider();
        setup(unclear);
        setup(unclear);
        long provider = provider();
        Setup setup = setup(provider);
        long id = referral(unclear);
        CurrentUser commissioner = user(SignIn.GM_COMMISSIONER, Role.COMMISSIONER);

        assertThat(triage.route(commissioner, triage.triageable(commissioner, id),
                summary(organisations.find(provider).orElseThrow()), null)).isTrue();
        assertThat(received(id)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("organisation_id", provider).containsEntry("contract_id", setup.contract().id()));

        assertThat(triage.accept(commissioner, triage.triageable(commissioner, id), setup.programme(),
                new Triage.Acceptance(setup.programme().id(), null, null, personId(SignIn.BURY_COACH)),
                new Triage.PractitionerLoad(personId(SignIn.BURY_COACH), "Coach", "Test", 0, null))).isTrue();
        assertThat(received(id)).hasSize(1);
    }

    @Test
    void theStartUpBackfillGivesOldReferralsTheirMilestoneOnce() {
        long provider = provider();
        Setup setup = setup(provider);
        long id = referral(provider);
        // As a referral received before the rule: no milestone.
        jdbc.sql("DELETE FROM milestone WHERE referral_id = ?").param(id).update();

        assertThat(backfill.backfill()).isGreaterThanOrEqualTo(1);
        assertThat(received(id)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("contract_id", setup.contract().id())
                .containsEntry("occurred_on", java.sql.Date.valueOf(receivedOn(id))));
        backfill.backfill();
        assertThat(received(id)).hasSize(1);
    }

    @Test
    void withNoLiveContractUpTheTreeTheContractIsLeftEmpty() {
        long provider = provider();
        Setup setup = setup(provider(), provider); // held elsewhere; the referral's provider sees an old one only
        long id = referral(provider);
        assertThat(received(id)).isEmpty();
        assertThat(accept(user(SignIn.GM_COMMISSIONER, Role.COMMISSIONER), id, setup)).isTrue();
        assertThat(received(id)).singleElement().satisfies(row -> assertThat(row).containsEntry("contract_id", null));
    }

    // --- helpers ---

    record Setup(Programme programme, Contract contract, long cohortId) {
    }

    private Setup setup(long contractHolder) {
        return setup(contractHolder, null);
    }

    /** A programme with a live contract held by {@code contractHolder}, and an ended one by {@code oldHolder}. */
    private Setup setup(long contractHolder, Long oldHolder) {
        String code = "RR" + letters(6).toUpperCase();
        long gm = gm();
        Programme programme = programmes.createUnchecked(code, "Received test " + code, SupportType.LOW_INTENSITY,
                null, gm);
        programmes.addCohortUnchecked(programme.id(), "C2", "In work at risk", null);
        long cohortId = jdbc.sql("SELECT id FROM cohort WHERE programme_id = ?").param(programme.id())
                .query(Long.class).single();
        LocalDate today = LocalDate.now(LONDON);
        Contract contract = programmes.addContractUnchecked(new NewContract(code + "-LIVE", programme.id(),
                contractHolder, gm, "Test", today.minusYears(1), today.plusYears(1), null));
        if (oldHolder != null) {
            programmes.addContractUnchecked(new NewContract(code + "-OLD", programme.id(), oldHolder, gm,
                    "Test", today.minusYears(4), today.minusYears(3), null));
        }
        return new Setup(programmes.find(programme.id()).orElseThrow(), contract, cohortId);
    }

    /** A provider of its own under the hub, with a GP practice of its own that routes referrals to it. */
    private long provider() {
        String tag = letters(6).toUpperCase();
        long id = organisations.create("Received test provider " + tag, "PROVIDER", gm(), null).id();
        areas.add(id, AreaKind.GP_PRACTICE, "T" + tag);
        return id;
    }

    private long gm() {
        return organisations.findByName("NHS Greater Manchester").orElseThrow().id();
    }

    /** A referral the single access point routes to the provider by its GP practice. */
    private long referral(long provider) {
        String practice = jdbc.sql("SELECT code FROM referral_area WHERE organisation_id = ? AND kind = 'GP_PRACTICE'")
                .param(provider).query(String.class).single();
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Sam", "Received" + letters(8),
                LocalDate.of(1990, 2, 3), null, "07700 900982", null, null, null, null, "BL9 0EJ",
                ContactPreference.PHONE, "Mornings", "Test practice", practice, EmploymentStatus.EMPLOYED, null,
                "Acme Ltd", false, null, true, false, false, "Anxiety", "NO", "Help to stay in work", true, false,
                null, null, null, null, null);
        long id = intake.submit(answers, ReferralSource.PUBLIC, null, null).id();
        assertThat(jdbc.sql("SELECT routed_organisation_id FROM referral WHERE id = ?").param(id).query(Long.class)
                .single()).isEqualTo(provider);
        return id;
    }

    private LocalDate receivedOn(long id) {
        return jdbc.sql("SELECT received_at FROM referral WHERE id = ?").param(id)
                .query(java.sql.Timestamp.class).single().toInstant().atZone(LONDON).toLocalDate();
    }

    private boolean accept(CurrentUser user, long id, Setup setup) {
        ReferralDetails details;
        try {
            details = triage.triageable(user, id);
        } catch (org.workhealth.organisation.OutOfScopeException e) {
            return false;
        }
        long coach = personId(SignIn.BURY_COACH);
        return triage.accept(user, details, setup.programme(),
                new Triage.Acceptance(setup.programme().id(), setup.cohortId(), null, coach),
                new Triage.PractitionerLoad(coach, "Coach", "Bury Live Well", 0, null));
    }

    private List<Map<String, Object>> received(long referralId) {
        return MilestoneText.withText(jdbc, jdbc.sql("SELECT * FROM milestone WHERE referral_id = ? "
                + "AND type = 'REFERRAL_RECEIVED'").param(referralId).query().listOfRows());
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
}

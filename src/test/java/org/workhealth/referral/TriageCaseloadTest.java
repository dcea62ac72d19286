package org.workhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workhealth.TestData.letters;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.Role;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralSource;

/**
 * The accept page's caseload is casework's: a key worker's open cases on the programme, so it agrees with the
 * caseloads page. Accepted referrals that closed, or have no case yet, do not count; the cap is the programme's.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TriageCaseloadTest {

    @Autowired
    Triage triage;
    @Autowired
    ReferralIntake intake;
    @Autowired
    Casework casework;
    @Autowired
    Programmes programmes;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCaseloadIsTheKeyWorkersOpenCasesOnTheProgrammeAgainstTheProgrammesCap() {
        long buryLiveWell = organisations.findByName("Bury Council Live Well service").orElseThrow().id();
        long gm = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        String code = "CL" + letters(6).toUpperCase();
        Programme programme = programmes.createUnchecked(code, "Caseload test " + code, SupportType.INTENSIVE_IPS,
                null, gm);
        LocalDate today = LocalDate.now();
        programmes.addContractUnchecked(new NewContract(code + "-LIVE", programme.id(), buryLiveWell, gm, "Test",
                today.minusYears(1), today.plusYears(1), null));
        CurrentUser manager = manager();
        long coach = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.BURY_COACH).query(Long.class)
                .single();

        long open = accepted(manager, programme, coach);
        long closed = accepted(manager, programme, coach);
        accepted(manager, programme, coach); // accepted, but the person has not yet confirmed: no case
        casework.openCase(new OpenCase(open, "C-" + code + "1", programme.id(), null, buryLiveWell, coach, "UNEMPLOYED",
                today));
        long closedCase = casework.openCase(new OpenCase(closed, "C-" + code + "2", programme.id(), null, buryLiveWell,
                coach, "UNEMPLOYED", today));
        jdbc.sql("UPDATE support_case SET status = 'CLOSED' WHERE id = ?").param(closedCase).update();

        long next = referral();
        Triage.PractitionerLoad load = triage.practitioners(triage.triageable(manager, next), programme).stream()
                .filter(p -> p.personId() == coach).findFirst().orElseThrow();
        assertThat(load.caseload()).isEqualTo(1);
        assertThat(load.cap()).isEqualTo(20).isEqualTo(programme.caseloadCap());
        assertThat(casework.caseloads(java.util.List.of(coach), programme.id())).containsEntry(coach, 1);
    }

    @Test
    void theCapIsAProgrammeSettingThatFollowsTheTypeOfSupport() {
        long gm = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        String code = "CP" + letters(6).toUpperCase();
        Programme low = programmes.createUnchecked(code, "Cap test " + code, SupportType.LOW_INTENSITY, null, gm);
        assertThat(low.caseloadCap()).isNull();
        assertThat(Triage.capFor(low)).isNull();
        jdbc.sql("UPDATE programme SET caseload_cap = 12 WHERE id = ?").param(low.id()).update();
        assertThat(Triage.capFor(programmes.find(low.id()).orElseThrow())).isEqualTo(12);
    }

    private long accepted(CurrentUser manager, Programme programme, long coach) {
        long id = referral();
        assertThat(triage.accept(manager, triage.triageable(manager, id), programme,
                new Triage.Acceptance(programme.id(), null, null, coach),
                new Triage.PractitionerLoad(coach, "Coach", "Bury Live Well", 0, null))).isTrue();
        return id;
    }

    private long referral() {
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Sam", "Caseload" + letters(8),
                LocalDate.of(1990, 2, 3), null, "07700 900982", null, null, null, null, "BL9 0EJ",
                ContactPreference.PHONE, "Mornings", null, null, EmploymentStatus.UNEMPLOYED,
                LocalDate.now().minusWeeks(6), null, false,
                null, true, false, false, "Anxiety", "NO", "Help to find work", true, false, null, null, null,
                null, null);
        long id = intake.submit(answers, ReferralSource.PUBLIC, null, null).id();
        long buryLiveWell = organisations.findByName("Bury Council Live Well service").orElseThrow().id();
        jdbc.sql("UPDATE referral SET routed_organisation_id = ? WHERE id = ?").params(buryLiveWell, id).update();
        return id;
    }

    private CurrentUser manager() {
        Map<String, Object> row = jdbc.sql("""
                SELECT p.id, p.full_name, p.organisation_id, o.name FROM person p
                JOIN organisation o ON o.id = p.organisation_id WHERE p.email = ?
                """).param(SignIn.BURY_MANAGER).query().singleRow();
        return new CurrentUser(((Number) row.get("id")).longValue(), SignIn.BURY_MANAGER, (String) row.get("full_name"),
                ((Number) row.get("organisation_id")).longValue(), (String) row.get("name"),
                Set.of(Role.PROVIDER_MANAGER));
    }
}

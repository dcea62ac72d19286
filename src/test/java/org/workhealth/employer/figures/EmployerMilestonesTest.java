package org.workhealth.employer.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.workhealth.employer.internal.EmployerSignedUp;
import org.workhealth.employer.internal.SignUpSource;
import org.workhealth.employer.assessment.AwardWithdrawn;
import org.workhealth.employer.assessment.EmployerAccredited;

/**
 * The employer events become milestones on the shared record, under the hub's Thrive at Work programme: a confirmed
 * sign-up, an award; an award withdrawn in its own quarter takes its milestone back, a later withdrawal does not.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EmployerMilestonesTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    void signUpsAndAwardsAreMilestonesAndAnAwardWithdrawnInItsQuarterIsTakenBack() {
        long employer = jdbc.sql("SELECT id FROM employer WHERE name = 'Acme Components Ltd'").query(Long.class).single();
        long hub = jdbc.sql("SELECT hub_organisation_id FROM employer WHERE id = ?").param(employer).query(Long.class)
                .single();
        LocalDate day = LocalDate.of(2025, 5, 14);
        long signUps = count("EMPLOYER_SIGNED_UP", String.valueOf(employer));

        transaction.executeWithoutResult(t -> events.publishEvent(
                new EmployerSignedUp(employer, hub, day, SignUpSource.ADVISOR)));
        assertThat(count("EMPLOYER_SIGNED_UP", String.valueOf(employer))).isEqualTo(signUps + 1);
        assertThat(jdbc.sql("""
                SELECT c.reference FROM milestone m JOIN contract c ON c.id = m.contract_id
                JOIN milestone_attribute a ON a.milestone_id = m.id AND a.name = 'employer'
                WHERE m.type = 'EMPLOYER_SIGNED_UP' AND a.content = ? AND m.occurred_on = ?""")
                .params(String.valueOf(employer), day).query(String.class).list()).contains("TAW-WMCA-2022");

        long award = 900_000_000L + System.nanoTime() % 1_000_000;
        transaction.executeWithoutResult(t -> events.publishEvent(
                new EmployerAccredited(employer, hub, award, "BRONZE", day)));
        assertThat(current(String.valueOf(award))).isEqualTo(1);
        // Withdrawn a year later: the quarter's figure stands.
        transaction.executeWithoutResult(t -> events.publishEvent(new AwardWithdrawn(award, employer, day.plusYears(1))));
        assertThat(current(String.valueOf(award))).isEqualTo(1);

        long mistake = award + 1;
        transaction.executeWithoutResult(t -> events.publishEvent(
                new EmployerAccredited(employer, hub, mistake, "BRONZE", day)));
        transaction.executeWithoutResult(t -> events.publishEvent(new AwardWithdrawn(mistake, employer, day.plusDays(3))));
        assertThat(current(String.valueOf(mistake))).isZero();
    }

    private long count(String type, String employer) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM milestone m JOIN milestone_attribute a ON a.milestone_id = m.id
                WHERE m.type = ? AND a.name = 'employer' AND a.content = ? AND m.withdrawn = FALSE""")
                .params(type, employer).query(Long.class).single();
    }

    /** Current EMPLOYER_ACCREDITED milestones naming the award. */
    private long current(String award) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM milestone m WHERE m.type = 'EMPLOYER_ACCREDITED' AND m.withdrawn = FALSE
                  AND EXISTS (SELECT 1 FROM milestone_attribute a
                              WHERE a.milestone_id = m.id AND a.name = 'award' AND a.content = ?)
                  AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)""")
                .param(award).query(Long.class).single();
    }
}

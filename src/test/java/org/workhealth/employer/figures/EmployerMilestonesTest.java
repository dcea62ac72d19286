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
        long signUps = count("EMPLOYER_SIGNED_UP", "employer=" + employer + ";%");

        transaction.executeWithoutResult(t -> events.publishEvent(
                new EmployerSignedUp(employer, hub, day, SignUpSource.ADVISOR)));
        assertThat(count("EMPLOYER_SIGNED_UP", "employer=" + employer + ";%")).isEqualTo(signUps + 1);
        assertThat(jdbc.sql("""
                SELECT c.reference FROM milestone m JOIN contract c ON c.id = m.contract_id
                WHERE m.type = 'EMPLOYER_SIGNED_UP' AND m.attributes LIKE ? AND m.occurred_on = ?""")
                .params("employer=" + employer + ";%", day).query(String.class).list()).contains("TAW-WMCA-2022");

        long award = 900_000_000L + System.nanoTime() % 1_000_000;
        transaction.executeWithoutResult(t -> events.publishEvent(
                new EmployerAccredited(employer, hub, award, "BRONZE", day)));
        assertThat(current("award=" + award)).isEqualTo(1);
        // Withdrawn a year later: the quarter's figure stands.
        transaction.executeWithoutResult(t -> events.publishEvent(new AwardWithdrawn(award, employer, day.plusYears(1))));
        assertThat(current("award=" + award)).isEqualTo(1);

        long mistake = award + 1;
        transaction.executeWithoutResult(t -> events.publishEvent(
                new EmployerAccredited(employer, hub, mistake, "BRONZE", day)));
        transaction.executeWithoutResult(t -> events.publishEvent(new AwardWithdrawn(mistake, employer, day.plusDays(3))));
        assertThat(current("award=" + mistake)).isZero();
    }

    private long count(String type, String attributes) {
        return jdbc.sql("SELECT COUNT(*) FROM milestone WHERE type = ? AND attributes LIKE ? AND withdrawn = FALSE")
                .params(type, attributes).query(Long.class).single();
    }

    /** Current EMPLOYER_ACCREDITED milestones naming the award. */
    private long current(String award) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM milestone m WHERE m.type = 'EMPLOYER_ACCREDITED' AND m.withdrawn = FALSE
                  AND ';' || m.attributes || ';' LIKE ?
                  AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)""")
                .param("%;" + award + ";%").query(Long.class).single();
    }
}

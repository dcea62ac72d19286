package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.workhealth.SignIn;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A practitioner records a PHQ-9 baseline and review on a case; every page passes axe-core. */
class MeasuresJourneyTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Casework casework;

    @Test
    void aPractitionerRecordsABaselineAndAReviewAndSeesTheChange() {
        long caseId = openCase();
        signIn(SignIn.BURY_COACH, SignIn.DEMO_PASSWORD);

        open("/cases/" + caseId + "/measures");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record a measure")).click();
        assertAccessible();
        page.getByLabel("PHQ-9").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertAccessible();
        assertThat(page.locator("h1")).hasText("PHQ-9");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save measure")).click();
        assertAccessible();
        assertThat(page.locator(".govuk-error-summary")).containsText("Select when this measure was taken");

        answerAll("BASELINE", "2");
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner")).containsText("PHQ-9 baseline recorded");

        open("/cases/" + caseId + "/measures/new?measure=PHQ9");
        answerAll("REVIEW", "1");
        assertAccessible();
        assertThat(page.locator("table")).containsText("Improved by 9 points");
    }

    private void answerAll(String point, String value) {
        page.locator("input[name=point][value=" + point + "]").check();
        for (int question = 1; question <= 9; question++) {
            page.locator("input[name=q" + question + "][value='" + value + "']").check();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save measure")).click();
    }

    private long openCase() {
        String reference = "MJ" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long buryLiveWell = jdbc.sql("SELECT id FROM organisation WHERE name = 'Bury Council Live Well service'")
                .query(Long.class).single();
        long coach = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.BURY_COACH).query(Long.class)
                .single();
        long workWell = jdbc.sql("SELECT id FROM programme WHERE code = 'WW'").query(Long.class).single();
        Timestamp now = Timestamp.from(Instant.now());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO referral (reference, status, source, received_at, response_due_at, routed_organisation_id,
                                      referring_for, first_name, last_name, date_of_birth, postcode,
                                      contact_preference, employment_status, consent_to_contact, match_key,
                                      programme_id, assigned_person_id)
                VALUES (?, 'ACCEPTED', 'PUBLIC', ?, ?, ?, 'SELF', 'Alex', 'Journey', ?, 'BL9 0EJ', 'PHONE',
                        'UNEMPLOYED', TRUE, ?, ?, ?)
                """).params(reference, now, now, buryLiveWell, Date.valueOf(LocalDate.of(1979, 4, 4)),
                "alex|journey|" + reference, workWell, coach).update(key, "id");
        return casework.openCase(new OpenCase(key.getKeyAs(Long.class), reference, workWell, null, buryLiveWell,
                coach, "UNEMPLOYED", LocalDate.now()));
    }
}

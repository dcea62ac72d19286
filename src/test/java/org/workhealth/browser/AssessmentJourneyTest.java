package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** An IPS specialist drafts, fails, completes and reopens an assessment, and fills in the vocational profile. */
class AssessmentJourneyTest extends BrowserTest {

    private static final String BCHFT_SPECIALIST = "specialist@bchft.workhealth.example";

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Organisations organisations;
    private final Casework casework;

    @Autowired
    AssessmentJourneyTest(JdbcClient jdbc, Programmes programmes, Organisations organisations, Casework casework) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.organisations = organisations;
        this.casework = casework;
    }

    @Test
    void everyAssessmentPageIsAccessible() {
        long caseId = ipsCase();
        signIn(BCHFT_SPECIALIST, org.workhealth.SignIn.DEMO_PASSWORD);

        open("/cases/" + caseId + "/assessment");
        page.getByLabel("Health conditions").fill("Depression");
        page.getByLabel("Confidence").check();
        page.getByLabel("May be fit for work").check();
        page.getByLabel("Altered hours").check();
        page.locator("#fitNoteFrom-day").fill("10");
        page.locator("#fitNoteFrom-month").fill("5");
        page.locator("#fitNoteFrom-year").fill("2026");
        page.locator("#fitNoteTo-day").fill("9");
        page.locator("#fitNoteTo-month").fill("5");
        page.locator("#fitNoteTo-year").fill("2026");
        click("Save as draft");
        assertAccessible();
        assertThat(page.locator(".govuk-error-summary")).containsText("Fit note end date must be the same as");

        page.locator("#fitNoteTo-day").fill("31");
        click("Save as draft");
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Assessment saved as a draft");

        click("Complete assessment");
        assertAccessible();
        assertThat(page.locator("h1")).hasText("Work and health assessment, version 1");
        assertThat(page.locator("#answers")).containsText("May be fit for work with: altered hours");

        open("/cases/" + caseId + "/assessment");
        assertThat(page.locator("#assessment-state")).containsText("starts version 2");

        open("/cases/" + caseId + "/vocational-profile");
        page.getByLabel("Job preferences").fill("Gardening");
        page.getByLabel("Hours a week they want to work").fill("16");
        page.getByLabel("A: Agriculture, forestry and fishing").check();
        page.getByLabel("They have not decided yet").check();
        click("Save vocational profile");
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Vocational profile saved");
    }

    private void click(String button) {
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                .click());
    }

    private long ipsCase() {
        String reference = "AJ" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long programmeId = programmes.findByCode("TIW").orElseThrow().id();
        long organisationId = organisations.findByName("Black Country Healthcare NHS Foundation Trust").orElseThrow()
                .id();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO referral (reference, status, source, received_at, response_due_at, routed_organisation_id,
                       referring_for, first_name, last_name, date_of_birth, postcode, contact_preference,
                       employment_status, consent_to_contact, match_key, programme_id)
                VALUES (?, 'ACCEPTED', 'PUBLIC', ?, ?, ?, 'SELF', 'Jordan', ?, ?, 'WV1 1AA', 'PHONE', 'UNEMPLOYED',
                        TRUE, ?, ?)
                """).params(reference, now, now, organisationId, "Journey" + reference,
                Date.valueOf(LocalDate.of(1990, 1, 1)), "match-" + reference, programmeId).update();
        long referralId = jdbc.sql("SELECT id FROM referral WHERE reference = ?").param(reference).query(Long.class)
                .single();
        long specialist = jdbc.sql("SELECT id FROM person WHERE email = ?").param(BCHFT_SPECIALIST).query(Long.class)
                .single();
        return casework.openCase(new OpenCase(referralId, reference, programmeId, null, organisationId, specialist,
                "UNEMPLOYED", LocalDate.now(ZoneId.of("Europe/London"))));
    }
}

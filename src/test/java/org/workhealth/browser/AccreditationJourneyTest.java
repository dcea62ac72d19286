package org.workhealth.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.calendar.Quarter;
import org.workhealth.employer.AccreditationFixtures;
import org.workhealth.employer.assessment.Awards;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/**
 * The Thrive at Work journey of issue 15, whole: an employer signs up on the public form, an advisor confirms it and
 * the wellbeing lead chooses a password; the lead self-assesses Bronze and uploads evidence, sends it for
 * assessment; the assessor asks for more on one criterion; the lead answers and sends it again; the assessor marks everything met and awards Bronze; the lead downloads the certificate and lists the
 * award on the public register; the commissioner's dashboard shows one more accreditation this quarter than before.
 * Axe checks every page on the way.
 */
class AccreditationJourneyTest extends BrowserTest {

    private static final List<String> BRONZE = List.of("B-TRAIN-1", "B-MH-1", "B-MH-2", "B-MSK-1", "B-PA-1", "B-FIN-1");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Awards awards;

    @Test
    void anEmployerSignsUpIsConfirmedAssessedAskedForMoreResubmitsAndIsAwardedBronze() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String quarter = "q" + Quarter.containing(today).number() + "-actual";
        signIn(SignIn.WMCA_COMMISSIONER, SignIn.DEMO_PASSWORD);
        open("/thrive-at-work");
        long accreditationsBefore = figure("ACCREDITATIONS", quarter);
        context.clearCookies();

        String name = "Journey Joinery " + UUID.randomUUID().toString().substring(0, 6);
        String leadEmail = "lead-" + UUID.randomUUID().toString().substring(0, 8) + "@joinery.example";
        String password = signUpAndConfirm(name, leadEmail);
        long employerId = jdbc.sql("SELECT id FROM employer WHERE name = ?").param(name).query(Long.class).single();
        String base = "/thrive-at-work/employers/" + employerId + "/accreditation";

        signInAsEmployer(leadEmail, password);
        open(base);
        click(AriaRole.LINK, "Bronze");
        for (String code : BRONZE) {
            open(base + "/criteria/" + code);
            page.getByLabel("How your organisation meets this criterion").fill("What we do for " + code);
            page.getByLabel("Yes").check();
            click(AriaRole.BUTTON, "Save answer");
        }
        // Evidence as a file.
        open(base + "/criteria/B-MH-1");
        Path pdf = Files.createTempFile("briefing", ".pdf");
        Files.write(pdf, AccreditationFixtures.pdf());
        page.getByLabel("What this evidence shows").fill("Line manager briefing notes");
        page.getByLabel("Upload a file (optional)").setInputFiles(pdf);
        click(AriaRole.BUTTON, "Add evidence");
        assertThat(page.locator(".govuk-summary-list").textContent()).contains("Line manager briefing notes");

        open(base + "/levels/BRONZE");
        click(AriaRole.BUTTON, "Send Bronze for assessment");
        assertThat(page.locator(".govuk-notification-banner").textContent()).contains("Sent for assessment");

        // The assessor asks for more on B-MH-2.
        switchTo("assessor@wmca.workhealth.example");
        open("/thrive-at-work/assessments");
        click(AriaRole.LINK, name);
        for (String code : BRONZE) {
            page.locator("#decision-" + code + (code.equals("B-MH-2") ? "-more" : "")).check();
        }
        page.getByLabel("Feedback on B-MH-2").fill("Please add the return-to-work procedure.");
        click(AriaRole.BUTTON, "Save decisions");
        assertThat(page.locator(".govuk-notification-banner").textContent()).contains("more needed");

        // The employer answers and sends it again.
        context.clearCookies();
        signInAsEmployer(leadEmail, password);
        open(base + "/criteria/B-MH-2");
        assertThat(page.locator("#feedback").textContent()).contains("Please add the return-to-work procedure.");
        page.getByLabel("How your organisation meets this criterion").fill("Our procedure: a conversation on return.");
        page.getByLabel("Yes").check();
        click(AriaRole.BUTTON, "Save answer");
        click(AriaRole.BUTTON, "Send Bronze for assessment");

        // The assessor marks it all met and awards Bronze.
        switchTo("assessor@wmca.workhealth.example");
        open("/thrive-at-work/assessments");
        click(AriaRole.LINK, name);
        for (String code : BRONZE) {
            page.locator("#decision-" + code).check();
        }
        click(AriaRole.BUTTON, "Save decisions");
        click(AriaRole.BUTTON, "Award Bronze");
        assertThat(awards.current(employerId).orElseThrow().level()).isEqualTo("BRONZE");

        // The employer sees the award, downloads the certificate and joins the register.
        context.clearCookies();
        signInAsEmployer(leadEmail, password);
        open(base);
        assertThat(page.locator(".govuk-summary-list").first().textContent()).contains("Bronze");
        byte[] certificate = download("Download certificate for Bronze (PDF)");
        assertThat(new String(certificate, 0, 5)).isEqualTo("%PDF-");
        page.getByLabel("Yes").check();
        click(AriaRole.BUTTON, "Save");
        context.clearCookies();
        open("/thrive-at-work/register?name=" + name.replace(' ', '+'));
        assertThat(page.locator("table").textContent()).contains(name, "Bronze");

        // The commissioner's dashboard counts the award in this quarter's accreditations.
        signIn(SignIn.WMCA_COMMISSIONER, SignIn.DEMO_PASSWORD);
        open("/thrive-at-work");
        assertThat(figure("ACCREDITATIONS", quarter)).isEqualTo(accreditationsBefore + 1);
    }

    /**
     * The employer signs up on the public form, an advisor confirms it, and the wellbeing lead signs in with the
     * temporary password and chooses their own, which this returns.
     */
    private String signUpAndConfirm(String name, String email) {
        open("/thrive-at-work/sign-up");
        click(AriaRole.BUTTON, "Start now");
        page.getByLabel("Organisation name").fill(name);
        click(AriaRole.BUTTON, "Continue");
        page.getByLabel("Manufacturing").check();
        click(AriaRole.BUTTON, "Continue");
        page.getByLabel("How many people does your organisation employ?").fill("64");
        click(AriaRole.BUTTON, "Continue");
        page.locator("#siteName-1").fill("Workshop");
        page.locator("#sitePostcode-1").fill("B9 4AA");
        page.locator("#siteAuthority-1").selectOption(new SelectOption().setLabel("Birmingham"));
        click(AriaRole.BUTTON, "Continue");
        page.getByLabel("Full name").fill("Dan Okafor");
        page.getByLabel("Email address").fill(email);
        click(AriaRole.BUTTON, "Continue");
        page.getByLabel("I agree to be contacted about Thrive at Work").check();
        click(AriaRole.BUTTON, "Continue");
        click(AriaRole.BUTTON, "Send sign-up");
        assertThat(page.locator(".govuk-panel").textContent()).contains("TAW-");

        context.clearCookies();
        signIn("advisor@wmca.workhealth.example", SignIn.DEMO_PASSWORD);
        click(AriaRole.LINK, "Employers");
        click(AriaRole.LINK, "Sign-ups and diagnostic referrals waiting for confirmation");
        click(AriaRole.LINK, name);
        click(AriaRole.LINK, "Confirm or decline the sign-up");
        page.getByLabel("Confirm the sign-up").check();
        click(AriaRole.BUTTON, "Save decision");
        assertThat(page.locator(".govuk-notification-banner").textContent()).contains("Sign-up confirmed");
        String temporary = page.locator(".govuk-panel__body").innerText().strip();

        context.clearCookies();
        signIn(email, temporary);
        String chosen = "joinery bench lantern";
        page.getByLabel("Current password").fill(temporary);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(chosen);
        page.getByLabel("Confirm new password").fill(chosen);
        click(AriaRole.BUTTON, "Change password");
        context.clearCookies();
        return chosen;
    }

    /** "+1 so far" is 1. */
    private long figure(String kpi, String column) {
        String text = page.locator("tr[data-kpi=" + kpi + "] [data-column=" + column + "] span").first().textContent();
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }

    /**
     * Signs an employer's lead in without checking the page they land on, the employer module's own home page
     * (checked by its own journey); every accreditation page after it is checked.
     */
    private void signInAsEmployer(String email, String password) {
        open("/sign-in");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click());
    }
}

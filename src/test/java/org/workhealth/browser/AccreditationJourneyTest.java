package org.workhealth.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workhealth.employer.AccreditationFixtures;
import org.workhealth.employer.AccreditationFixtures.TestEmployer;
import org.workhealth.employer.assessment.Awards;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The Thrive at Work journey of issue 15 from a confirmed employer: its wellbeing lead self-assesses Bronze and
 * uploads evidence, sends it for assessment; the assessor asks for more on one criterion; the lead answers and sends
 * it again; the assessor marks everything met and awards Bronze; the lead downloads the certificate and lists the
 * award on the public register. Axe checks every page on the way.
 */
class AccreditationJourneyTest extends BrowserTest {

    private static final List<String> BRONZE = List.of("B-TRAIN-1", "B-MH-1", "B-MH-2", "B-MSK-1", "B-PA-1", "B-FIN-1");

    @Autowired
    AccreditationFixtures fixtures;
    @Autowired
    Awards awards;

    @Test
    void anEmployerIsAssessedAskedForMoreResubmitsAndIsAwardedBronze() throws Exception {
        TestEmployer employer = fixtures.employer("Journey Joinery");
        String base = "/thrive-at-work/employers/" + employer.id() + "/accreditation";

        signInAsEmployer(employer.leadEmail());
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
        click(AriaRole.LINK, employerName(employer));
        for (String code : BRONZE) {
            page.locator("#decision-" + code + (code.equals("B-MH-2") ? "-more" : "")).check();
        }
        page.getByLabel("Feedback on B-MH-2").fill("Please add the return-to-work procedure.");
        click(AriaRole.BUTTON, "Save decisions");
        assertThat(page.locator(".govuk-notification-banner").textContent()).contains("more needed");

        // The employer answers and sends it again.
        context.clearCookies();
        signInAsEmployer(employer.leadEmail());
        open(base + "/criteria/B-MH-2");
        assertThat(page.locator("#feedback").textContent()).contains("Please add the return-to-work procedure.");
        page.getByLabel("How your organisation meets this criterion").fill("Our procedure: a conversation on return.");
        page.getByLabel("Yes").check();
        click(AriaRole.BUTTON, "Save answer");
        click(AriaRole.BUTTON, "Send Bronze for assessment");

        // The assessor marks it all met and awards Bronze.
        switchTo("assessor@wmca.workhealth.example");
        open("/thrive-at-work/assessments");
        click(AriaRole.LINK, employerName(employer));
        for (String code : BRONZE) {
            page.locator("#decision-" + code).check();
        }
        click(AriaRole.BUTTON, "Save decisions");
        click(AriaRole.BUTTON, "Award Bronze");
        assertThat(awards.current(employer.id()).orElseThrow().level()).isEqualTo("BRONZE");

        // The employer sees the award, downloads the certificate and joins the register.
        context.clearCookies();
        signInAsEmployer(employer.leadEmail());
        open(base);
        assertThat(page.locator(".govuk-summary-list").first().textContent()).contains("Bronze");
        byte[] certificate = download("Download certificate for Bronze (PDF)");
        assertThat(new String(certificate, 0, 5)).isEqualTo("%PDF-");
        page.getByLabel("Yes").check();
        click(AriaRole.BUTTON, "Save");
        context.clearCookies();
        open("/thrive-at-work/register?name=" + employerName(employer).replace(' ', '+'));
        assertThat(page.locator("table").textContent()).contains(employerName(employer), "Bronze");
    }

    /**
     * Signs an employer's lead in without checking the page they land on, the employer module's own home page
     * (checked by its own journey); every accreditation page after it is checked.
     */
    private void signInAsEmployer(String email) {
        open("/sign-in");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(org.workhealth.SignIn.DEMO_PASSWORD);
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click());
    }

    private String employerName(TestEmployer employer) {
        return fixtures.name(employer.id());
    }
}

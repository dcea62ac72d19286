package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/**
 * Issue 16's journey: the West Midlands commissioner sets up a trial on Thrive into Work and adds its information
 * sheet; the Black Country specialist randomises three eligible referrals; the CONSORT diagram counts them; the
 * commissioner records a data sharing agreement with the university for the trial; the evaluator downloads an
 * extract with no names, contacts, NHS or NI numbers, postcodes or dates of birth, and pseudonyms of its own.
 * axe-core checks every page opened or reached by a click.
 */
class TrialEvaluationJourneyTest extends BrowserTest {

    private static final String SPECIALIST = "specialist@bchft.workhealth.example";
    private static final String EVALUATOR = "evaluator@workhealth.example";
    private static final String NHS_NUMBER = "9434765919";
    private static final String NI_NUMBER = "QQ123456C";
    private static final String EMAIL = "journey.person@example.com";
    private static final String PHONE = "07700900777";
    private static final String POSTCODE = "WV1 1RE";

    private final ReferralIntake intake;
    private final JdbcClient jdbc;

    @Autowired
    TrialEvaluationJourneyTest(ReferralIntake intake, JdbcClient jdbc) {
        this.intake = intake;
        this.jdbc = jdbc;
    }

    @Test
    void aTrialIsSetUpRandomisedCountedAndEvaluatedFromAPseudonymisedExtract() throws Exception {
        LocalDate today = LocalDate.now();
        String surname = "Trialeval" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        List<Long> referrals = referrals(surname, 3);
        long tiw = jdbc.sql("SELECT id FROM programme WHERE code = 'TIW'").query(Long.class).single();
        String code = "E-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String title = "Journey evaluation trial " + code;

        // The commissioner sets up the trial: a missing answer first, then check answers
        switchTo(SignIn.WMCA_COMMISSIONER);
        open("/programmes/" + tiw + "/trials/new");
        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(code);
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill(title);
        page.locator("input[name=unit][value=PARTICIPANT]").check();
        page.locator("#armCode").fill("IPS");
        page.locator("#armName").fill("Individual placement and support");
        page.locator("#armWeight").fill("1");
        page.locator("#controlCode").fill("USUAL");
        page.locator("#controlName").fill("Usual care");
        page.locator("#controlWeight").fill("1");
        page.locator("#controlAction").fill("Signposted to usual care: GP and talking therapies");
        page.locator("input[name=method][value=PERMUTED_BLOCKS]").check();
        date("startsOn", today.minusDays(7));
        date("endsOn", today.plusYears(1));
        page.locator("#target").fill("300");
        page.locator("#followUpWeeks").fill("12, 26");
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator("h1")).hasText("Check the trial before setting it up");
        click(AriaRole.BUTTON, "Set up trial");
        long trialId = Long.parseLong(new java.net.URI(page.url()).getPath().replaceAll(".*/trials/(\\d+).*", "$1"));

        open("/trials/" + trialId);
        click(AriaRole.LINK, "Add a version of the information sheet");
        page.getByLabel("Version").fill("1.0");
        date("dated", today.minusMonths(1));
        click(AriaRole.BUTTON, "Add version");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Information sheet version 1.0 added");

        // The specialist randomises three eligible referrals who gave research consent
        switchTo(SPECIALIST);
        for (long referral : referrals) {
            open("/referrals/" + referral + "/trials/" + trialId + "/randomise");
            page.getByLabel("Yes, they meet the criteria").check();
            page.locator("#consented").check();
            page.getByLabel("Version 1.0").check();
            date("consentedOn", today);
            click(AriaRole.BUTTON, "Continue");
            assertThat(page.locator(".govuk-panel")).containsText("Allocated to");
        }

        // The CONSORT diagram counts the three
        switchTo(SignIn.WMCA_COMMISSIONER);
        open("/trials/" + trialId + "/consort");
        assertThat(page.locator("svg")).containsText("Randomised (n=3)");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Randomised")).first()).containsText("3");

        // The commissioner records a data sharing agreement with the university for the trial
        open("/evaluation/agreements/new");
        page.getByLabel("Evaluator organisation").selectOption(new SelectOption()
                .setLabel("University of Warwick evaluation team"));
        page.getByLabel("Name of the agreement").fill(title + " evaluation");
        page.getByLabel("Purpose").fill("Impact evaluation of IPS in primary care");
        page.getByLabel("Public task (Article 6(1)(e))").check();
        page.getByLabel("Programme", new Page.GetByLabelOptions().setExact(true)).selectOption(
                new SelectOption().setLabel("Thrive into Work"));
        page.getByLabel("Trial", new Page.GetByLabelOptions().setExact(true)).selectOption(
                new SelectOption().setValue(String.valueOf(trialId)));
        page.getByLabel("Sex", new Page.GetByLabelOptions().setExact(true)).check();
        page.locator("input[name=fields][value=TRIAL_ARM]").check();
        date("dataFrom", today.minusYears(1));
        date("dataTo", today.plusYears(1));
        date("startsOn", today.minusDays(1));
        // A missing end date is refused with the other answers kept, and the answers shown again go through
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the agreement end date");
        assertThat(page.locator("#dataFrom-year")).hasValue(String.valueOf(today.minusYears(1).getYear()));
        date("endsOn", today.plusYears(2));
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator("h1")).hasText("Check the agreement before recording it");
        click(AriaRole.BUTTON, "Record the agreement");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Data sharing agreement recorded");

        // The evaluator downloads the participant extract
        switchTo(EVALUATOR);
        open("/evaluation");
        click(AriaRole.LINK, title + " evaluation");
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Download the participant extract (CSV)")).click());
        String csv = new String(Files.readAllBytes(download.path()), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        org.assertj.core.api.Assertions.assertThat(lines[0]).startsWith("pseudonym,");
        org.assertj.core.api.Assertions.assertThat(lines.length - 1).isGreaterThanOrEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(csv).doesNotContain(surname).doesNotContain("Morgan")
                .doesNotContain("@").doesNotContain(EMAIL).doesNotContain(PHONE).doesNotContain(NHS_NUMBER)
                .doesNotContain(NI_NUMBER).doesNotContain(POSTCODE).doesNotContain(POSTCODE.replace(" ", ""))
                .doesNotContain("1985-06-15").doesNotContain("15/06/1985").doesNotContain("Lichfield");

        // The trial's referrals are in no national return: a return is compiled per contract and quarter from the
        // provider's cases, which this journey does not set up. So the extract's pseudonyms are checked against
        // every pseudonym the national returns hold (none may coincide) and against the returns' format: a return
        // gives each case a random token "P" + 20 hex digits, an agreement a keyed "E" + 16 base-32 characters, so
        // the two can never be mistaken for one another or joined.
        Set<String> extractPseudonyms = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            extractPseudonyms.add(lines[i].split(",", -1)[0]);
        }
        org.assertj.core.api.Assertions.assertThat(extractPseudonyms).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(p -> p.matches("E[A-Z2-7]{16}")).noneMatch(p -> p.matches("P[0-9A-F]{20}"));
        Set<String> returned = new HashSet<>(jdbc.sql("SELECT pseudonym FROM return_participant")
                .query(String.class).list());
        returned.retainAll(extractPseudonyms);
        org.assertj.core.api.Assertions.assertThat(returned).isEmpty();
    }

    private void date(String id, LocalDate date) {
        page.locator("#" + id + "-day").fill(String.valueOf(date.getDayOfMonth()));
        page.locator("#" + id + "-month").fill(String.valueOf(date.getMonthValue()));
        page.locator("#" + id + "-year").fill(String.valueOf(date.getYear()));
    }

    /** Referrals from the public, placed with Thrive into Work's provider in the Black Country, as the fixtures do. */
    private List<Long> referrals(String surname, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Morgan", surname,
                    LocalDate.of(1985, 6, 15), NHS_NUMBER, PHONE, EMAIL, "1 Lichfield Street", null,
                    "Wolverhampton", POSTCODE, ContactPreference.PHONE, null, null, null,
                    EmploymentStatus.UNEMPLOYED, LocalDate.now().minusWeeks(20), null, null, null, true, false,
                    false, "Back pain", null, "Help to find work", true, false, "FEMALE", null, null, "YES", null);
            ids.add(intake.submit(answers, ReferralSource.PUBLIC, null, null).id());
        }
        long tiw = jdbc.sql("SELECT id FROM programme WHERE code = 'TIW'").query(Long.class).single();
        long bchft = jdbc.sql("SELECT organisation_id FROM person WHERE email = ?").param(SPECIALIST)
                .query(Long.class).single();
        jdbc.sql("UPDATE referral SET programme_id = :p, routed_organisation_id = :o, received_at = :at "
                        + "WHERE id IN (:ids)")
                .param("p", tiw).param("o", bchft).param("at", Timestamp.valueOf(LocalDate.now().atTime(10, 0)))
                .param("ids", ids).update();
        return ids;
    }
}

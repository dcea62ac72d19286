package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

/**
 * A surname can be one long word (double-barrelled without spaces, or a long transliteration). In a heading it must
 * wrap at 320 CSS px rather than widen the page (WCAG 1.4.10 reflow): a journey with a random name once failed on
 * this only when the random part came out long.
 */
class LongWordsReflowTest extends BrowserTest {

    private static final String LONG_SURNAME = "Featherstonehaugh-Cholmondeleyworthingtonshire";

    private final ReferralIntake intake;
    private final JdbcClient jdbc;

    @Autowired
    LongWordsReflowTest(ReferralIntake intake, JdbcClient jdbc) {
        this.intake = intake;
        this.jdbc = jdbc;
    }

    @Test
    void aReferralForSomeoneWithALongSurnameReflowsOnANarrowScreen() {
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Robin", LONG_SURNAME,
                LocalDate.of(1980, 4, 4), null, "07700900456", null, "7 Bank Street", null, "Bury", "BL9 0EJ",
                ContactPreference.PHONE, null, null, null, EmploymentStatus.UNEMPLOYED,
                LocalDate.now().minusWeeks(20), null, null, null, true, false, false, "Back pain", null,
                "Help to find work", true, false, null, null, null, null, null);
        long referral = intake.submit(answers, ReferralSource.PUBLIC, null, null).id();
        long programme = jdbc.sql("SELECT id FROM programme WHERE code = 'WW'").query(Long.class).single();

        switchTo(SignIn.BURY_COACH);
        open("/referrals/" + referral + "?programmeId=" + programme);
        assertThat(page.locator("h1")).containsText(LONG_SURNAME);
    }
}

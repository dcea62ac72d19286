package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workhealth.SignIn;
import org.workhealth.TestData;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

import com.microsoft.playwright.options.AriaRole;

/**
 * A hub administrator reads the acknowledgement a person who referred themself would have been emailed: the
 * service keeps its messages until it sends them through GOV.UK Notify. The page passes axe-core.
 */
class MessagesJourneyTest extends BrowserTest {

    @Autowired
    ReferralIntake intake;

    @Test
    void anAdministratorReadsTheMessageKeptForAPersonWhoReferredThemself() {
        String email = "robin." + UUID.randomUUID() + "@example.com";
        ReferralAnswers a = TestData.Referral.of("Robin", "Journey").answers();
        ReferralIntake.Submitted submitted = intake.submit(new ReferralAnswers(false, null, null, null,
                a.firstName(), a.lastName(), a.dateOfBirth(), null, a.phone(), email, a.addressLine1(), null,
                a.town(), a.postcode(), a.contactPreference(), null, null, null, a.employmentStatus(),
                a.unemployedSince(), null, null, null, a.mentalHealth(), a.musculoskeletal(), false,
                a.conditionDetails(), null, a.helpWanted(), true, false, null, null, null, null, null),
                ReferralSource.PUBLIC, null, null);

        signIn(SignIn.GM_ADMIN, SignIn.DEMO_PASSWORD);
        click(AriaRole.LINK, "Messages");
        assertThat(page.locator("h1")).hasText("Messages");
        assertThat(page.locator("main")).containsText("Email to " + email);
        assertThat(page.locator("main")).containsText("Your reference is " + submitted.reference() + ".");
        assertAccessible();
    }
}

package org.workhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.TestData;

/** Another organisation's system refers through the same intake as the web form, and sees only its own referrals. */
@SpringBootTest
class SystemReferralsTest {

    @Autowired
    SystemReferrals referrals;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    static SystemReferral referral(String lastName) {
        return new SystemReferral("Dr Helen Clarke", "referrer@townside.workhealth.example", true, "Amira",
                lastName, LocalDate.of(1984, 2, 2), "9434765919", "07700900123", null, "7 Bank Street", null,
                "Bury", "BL9 0EJ", "PHONE", null, "Townside Primary Care Centre", "P83010",
                EmploymentStatus.UNEMPLOYED, LocalDate.now().minusWeeks(10), null, true, LocalDate.now().minusWeeks(2),
                true, false, false, "Anxiety", "NO", "Help back to work", true, false);
    }

    @Test
    void aGoodReferralIsReceivedOnceAcknowledgedAndReadableOnlyByItsSender() {
        long practice = data.org("Townside Primary Care Centre");
        String key = UUID.randomUUID().toString();
        String lastName = "Sys" + TestData.letters(6);

        var first = referrals.submit(referral(lastName), SystemReferrals.Channel.FHIR, practice, "whc_test", key);
        var again = referrals.submit(referral(lastName), SystemReferrals.Channel.FHIR, practice, "whc_test", key);

        assertThat(first).isInstanceOf(SystemReferrals.Received.class);
        SystemReferrals.Received received = (SystemReferrals.Received) first;
        assertThat(again).isEqualTo(new SystemReferrals.Received(received.id(), received.reference(), true));
        assertThat(jdbc.sql("SELECT source FROM referral WHERE id = ?").param(received.id()).query(String.class)
                .single()).isEqualTo("FHIR");
        assertThat(jdbc.sql("SELECT recipient FROM notification_message WHERE event_key = ?")
                .param("referral-received:" + received.id()).query(String.class).single())
                .as("the referrer is told the reference").isEqualTo("referrer@townside.workhealth.example");
        assertThat(referrals.sentBy(received.reference(), Set.of(practice))).hasValueSatisfying(sent -> {
            assertThat(sent.status()).isEqualTo(ReferralStatus.RECEIVED);
            assertThat(sent.responseDueAt()).isAfter(sent.receivedAt());
            assertThat(sent.lastChangedAt()).isNotNull();
        });
        assertThat(referrals.sentBy(received.reference(), Set.of(data.buryLiveWell()))).isEmpty();
        assertThat(referrals.sentBy(received.reference(), Set.of())).isEmpty();
    }

    @Test
    void aReferralBreakingTheFormsRulesIsRefusedWithEveryProblemAndNothingSaved() {
        long practice = data.org("Townside Primary Care Centre");
        SystemReferral bad = new SystemReferral(null, null, false, "", "Smith", LocalDate.now().plusDays(1),
                "1234567890", null, null, null, null, null, "NOT A POSTCODE", "PHONE", null, null, null, null, null,
                null, null, null, false, false, false, null, null, null, false, false);
        int before = jdbc.sql("SELECT COUNT(*) FROM referral").query(Integer.class).single();

        var outcome = referrals.submit(bad, SystemReferrals.Channel.API, practice, "whc_test", null);

        assertThat(outcome).isInstanceOf(SystemReferrals.Refused.class);
        List<String> fields = ((SystemReferrals.Refused) outcome).problems().stream()
                .map(SystemReferrals.Problem::field).toList();
        assertThat(fields).contains("referrerName", "personAgrees", "firstName", "dateOfBirth", "nhsNumber",
                "postcode", "employmentStatus", "consentToContact");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral").query(Integer.class).single()).isEqualTo(before);
        assertThat(referrals.submit(new SystemReferral("Dr A", null, true, "Ann", "Lee", LocalDate.of(1980, 1, 1),
                null, "07700900123", null, null, null, null, "BL9 0EJ", "CARRIER_PIGEON", null, null, null,
                EmploymentStatus.UNEMPLOYED, null, null, null, null, true, false, false, null, "NO", null, true,
                false), SystemReferrals.Channel.API, practice, "whc_test", null))
                .as("a coded answer accepts only its codes").isInstanceOf(SystemReferrals.Refused.class);
    }
}

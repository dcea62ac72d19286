package org.workhealth.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.funding.internal.ClaimStatement;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.programme.Contract;

/**
 * The people who act on a claim hear what happened to it: the commissioner's commissioners when it is submitted
 * (and again when resubmitted), the provider's managers when it is returned and when it is approved.
 */
@SpringBootTest
class ClaimMessagesTest {

    private static final FinancialYear Y2025 = FinancialYear.of(2025);
    private static final Quarter Q1 = Y2025.quarter(1);

    private final Claims claims;
    private final FundingFixtures fixtures;
    private final JdbcClient jdbc;
    private final CurrentUser manager;
    private final CurrentUser commissioner;

    @Autowired
    ClaimMessagesTest(Claims claims, FundingFixtures fixtures, JdbcClient jdbc) {
        this.claims = claims;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.manager = fixtures.manager();
        this.commissioner = fixtures.commissioner();
    }

    @Test
    void submittedGoesToTheCommissionersAndReturnedAndApprovedToTheProvidersManagers() {
        Contract contract = fixtures.buryContract(Y2025.start(), Y2025.end());
        FundingAgreement agreement = fixtures.agreement(contract, PaymentModel.BASIC_AND_PERFORMANCE, 60, 100,
                new FundingYear(2025, 100_000_00, 20_000_00));

        long id = claims.submit(manager, agreement, Q1, claims.statement(agreement, Q1).fingerprint());
        assertThat(messages("claim-submitted:" + id + ":%")).contains(
                "SUBMITTED_FOR_APPROVAL|" + SignIn.GM_COMMISSIONER).doesNotContain(
                "SUBMITTED_FOR_APPROVAL|" + SignIn.BURY_MANAGER);
        assertThat(personalisation("claim-submitted:" + id + ":%")).contains(
                "The claim for Q1 2025/26 on contract " + contract.reference());

        ClaimStatement submitted = claims.statement(agreement, Q1);
        claims.returnClaim(commissioner, agreement, Q1, submitted.version(), "Room hire receipts are missing");
        assertThat(messages("claim-returned:" + id + ":%")).containsExactly("SENT_BACK|" + SignIn.BURY_MANAGER);
        assertThat(personalisation("claim-returned:" + id + ":%")).doesNotContain("receipts");

        claims.submit(manager, agreement, Q1, claims.statement(agreement, Q1).fingerprint());
        assertThat(messages("claim-submitted:" + id + ":%")).filteredOn(m -> m.endsWith(SignIn.GM_COMMISSIONER))
                .hasSize(2);
        claims.approve(commissioner, agreement, Q1, claims.statement(agreement, Q1).version());
        assertThat(messages("claim-approved:" + id + ":%")).containsExactly("APPROVED|" + SignIn.BURY_MANAGER);
    }

    private List<String> messages(String keys) {
        return jdbc.sql("SELECT template || '|' || recipient FROM notification_message WHERE event_key LIKE ? "
                + "ORDER BY id").param(keys).query(String.class).list();
    }

    private String personalisation(String keys) {
        return String.join("\n", jdbc.sql("SELECT personalisation FROM notification_message WHERE event_key LIKE ?")
                .param(keys).query(String.class).list());
    }
}

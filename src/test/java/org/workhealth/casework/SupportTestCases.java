package org.workhealth.casework;

import static org.workhealth.TestData.letters;
import static org.workhealth.TestData.today;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.TestData.Referral;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

/** Cases of their own for the services, onward referral and employer tests: a referral, then a case at Bury Live Well. */
final class SupportTestCases {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String BCHFT_SPECIALIST = "specialist@bchft.workhealth.example";

    record TestCase(long id, String fullName) {
    }

    private final JdbcClient jdbc;
    private final ReferralIntake intake;
    private final Programmes programmes;
    private final Organisations organisations;
    private final Casework casework;

    SupportTestCases(JdbcClient jdbc, ReferralIntake intake, Programmes programmes, Organisations organisations,
            Casework casework) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.programmes = programmes;
        this.organisations = organisations;
        this.casework = casework;
    }

    TestCase open(EmploymentStatus status, boolean consentToContactEmployer) {
        String lastName = "Support" + letters(8);
        boolean inWork = status.inWork();
        ReferralAnswers answers = Referral.of("Jamie", lastName).born(LocalDate.of(1980, 3, 3)).phone("07700900123")
                .livingAt("2 Market Street", "Bury", "BL9 0EJ")
                .employment(status, inWork ? null : today().minusWeeks(4), inWork ? "Bury Foods Ltd" : null)
                .wanting("Help to stay in work").consentToContactEmployer(consentToContactEmployer).answers();
        ReferralIntake.Submitted submitted = intake.submit(answers, ReferralSource.PUBLIC, null, null);
        long programmeId = programmes.findByCode("WW").orElseThrow().id();
        long caseId = casework.openCase(new OpenCase(submitted.id(), submitted.reference(), programmeId, null,
                org("Bury Council Live Well service"), personId(SignIn.BURY_COACH), status.name(),
                today().minusDays(10)));
        return new TestCase(caseId, "Jamie " + lastName);
    }

    long org(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }

    long personId(String email) {
        return jdbc.sql("SELECT id FROM person WHERE email = ?").param(email).query(Long.class).single();
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}

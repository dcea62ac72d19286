package org.workhealth.casework;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.workhealth.TestData.letters;
import static org.workhealth.TestData.today;

import java.time.LocalDate;
import java.time.ZoneId;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workhealth.SignIn;
import org.workhealth.TestData.Referral;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Contract;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

/**
 * Cases of their own for the outcome, exit and milestone count tests: a programme of its own with a
 * contract live for two years at Bury Live Well, so the shared database's other milestones never count.
 */
final class OutcomeTestCases {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String BCHFT_SPECIALIST = "specialist@bchft.workhealth.example";

    record Setup(long programmeId, long contractId) {
    }

    private final JdbcClient jdbc;
    private final ReferralIntake intake;
    private final Programmes programmes;
    private final Organisations organisations;
    private final Casework casework;

    OutcomeTestCases(JdbcClient jdbc, ReferralIntake intake, Programmes programmes, Organisations organisations,
            Casework casework) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.programmes = programmes;
        this.organisations = organisations;
        this.casework = casework;
    }

    Setup programme(SupportType type) {
        String code = "OC" + letters(6).toUpperCase();
        long gm = org("NHS Greater Manchester");
        Programme programme = programmes.createUnchecked(code, "Outcomes test " + code, type, null, gm);
        Contract live = programmes.addContractUnchecked(new NewContract(code + "-LIVE", programme.id(),
                buryLiveWell(), gm, "Bury", today().minusYears(2), today().plusYears(1), null));
        return new Setup(programme.id(), live.id());
    }

    long open(Setup setup, EmploymentStatus status, LocalDate openedOn) {
        String lastName = "Outcome" + letters(8);
        boolean inWork = status.inWork();
        ReferralAnswers answers = Referral.of("Sam", lastName).born(LocalDate.of(1982, 4, 4))
                .livingAt("3 Market Street", "Bury", "BL9 0EJ")
                .employment(status, inWork ? null : today().minusWeeks(60), inWork ? "Bury Foods Ltd" : null)
                .wanting("Help with work").answers();
        ReferralIntake.Submitted submitted = intake.submit(answers, ReferralSource.PUBLIC, null, null);
        return casework.openCase(new OpenCase(submitted.id(), submitted.reference(), setup.programmeId(), null,
                buryLiveWell(), personId(SignIn.BURY_COACH), status.name(), openedOn));
    }

    long buryLiveWell() {
        return org("Bury Council Live Well service");
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

    static Document page(MockMvc mvc, MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString());
    }

    static MockHttpServletRequestBuilder postTo(String path, MockHttpSession session) {
        return post(path).session(session).with(csrf());
    }

    static MockHttpServletRequestBuilder date(MockHttpServletRequestBuilder request, String field, LocalDate date) {
        return request.param(field + "Day", String.valueOf(date.getDayOfMonth()))
                .param(field + "Month", String.valueOf(date.getMonthValue()))
                .param(field + "Year", String.valueOf(date.getYear()));
    }

    /** A paid or unpaid job start at Bury Care Homes, as the outcomes page posts it. */
    static MockHttpServletRequestBuilder jobStart(MockHttpSession session, long caseId, LocalDate on, String paid) {
        return date(postTo("/cases/" + caseId + "/outcomes", session), "occurredOn", on).param("kind", "JOB_START")
                .param("employer", "Bury Care Homes; Ltd").param("jobTitle", "Care assistant").param("sector", "Q")
                .param("hoursAWeek", "16.5").param("contractType", "PERMANENT").param("paid", paid)
                .param("evidence", "Contract seen");
    }
}

package org.workhealth.evaluation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

/**
 * Thrive into Work referrals delivered by the Black Country trust (West Midlands' scope), each with a name, phone,
 * email, NHS number and postcode that no extract may show, and agreements of West Midlands' with the university.
 */
@Component
class EvaluationFixtures {

    static final String WMCA = "commissioner@wmca.workhealth.example";
    static final String EVALUATOR = "evaluator@workhealth.example";
    static final String NHS_NUMBER = "9434765919";
    static final String POSTCODE = "WV1 1AA";
    static final String EMAIL = "secret.person@example.com";

    private final ReferralIntake intake;
    private final JdbcClient jdbc;
    private final People people;
    private final Organisations organisations;
    private final Agreements agreements;
    private final Milestones milestones;

    EvaluationFixtures(ReferralIntake intake, JdbcClient jdbc, People people, Organisations organisations,
            Agreements agreements, Milestones milestones) {
        this.intake = intake;
        this.jdbc = jdbc;
        this.people = people;
        this.organisations = organisations;
        this.agreements = agreements;
        this.milestones = milestones;
    }

    CurrentUser user(String email) {
        Person person = people.findByEmail(email).orElseThrow();
        return new CurrentUser(person.id(), person.email(), person.fullName(), person.organisationId(),
                organisations.find(person.organisationId()).orElseThrow().name(), person.roleSet());
    }

    long programme() {
        return jdbc.sql("SELECT id FROM programme WHERE code = 'TIW'").query(Long.class).single();
    }

    long provider() {
        return organisations.findByName("Black Country Healthcare NHS Foundation Trust").orElseThrow().id();
    }

    long university() {
        return user(EVALUATOR).organisationId();
    }

    /** {@code n} referrals received on {@code on}, with a unique surname returned first. */
    Made referrals(int n, LocalDate on) {
        String surname = "Evalperson" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Morgan", surname,
                    LocalDate.of(1985, 6, 15), NHS_NUMBER, "07700900999", EMAIL, "1 Lichfield Street", null,
                    "Wolverhampton", POSTCODE, ContactPreference.PHONE, null, null, null,
                    EmploymentStatus.UNEMPLOYED, on.minusWeeks(20), null, null, null, true, false, false,
                    "Back pain", null, "Help to find work", true, false, "FEMALE", null, null, "YES", null);
            ids.add(intake.submit(answers, ReferralSource.PUBLIC, null, null).id());
        }
        jdbc.sql("UPDATE referral SET programme_id = :p, routed_organisation_id = :o, received_at = :at "
                        + "WHERE id IN (:ids)")
                .param("p", programme()).param("o", provider())
                .param("at", Timestamp.valueOf(on.atTime(10, 0))).param("ids", ids).update();
        return new Made(surname, ids);
    }

    record Made(String surname, List<Long> ids) {
    }

    void jobStart(long referralId, LocalDate on) {
        milestones.record(new NewMilestone(MilestoneType.JOB_START, null, referralId, programme(), null, provider(),
                on, Map.of(), null));
    }

    AgreementTerms terms(List<ExtractField> fields, DateHandling dates, int shift, LocalDate from, LocalDate to) {
        return new AgreementTerms(university(), "Evaluation of Thrive into Work", "Impact and process evaluation",
                LegalBasis.PUBLIC_TASK, programme(), null, fields, from, to, LocalDate.now().minusDays(1),
                LocalDate.now().plusYears(1), dates, shift, 5);
    }

    Agreement agreement(List<ExtractField> fields, DateHandling dates, int shift, LocalDate from, LocalDate to) {
        return agreements.create(user(WMCA), terms(fields, dates, shift, from, to));
    }

    void withdraw(String study, long referralId, LocalDate on, boolean furtherData, boolean collectedData) {
        jdbc.sql("""
                INSERT INTO research_consent (study_code, referral_id, organisation_id, information_sheet_version,
                    consented_on, recorded_by, recorded_at, withdrawn_on, withdrawal_recorded_by,
                    withdrawal_recorded_at, withdraws_contact, withdraws_further_data, withdraws_collected_data)
                VALUES (?, ?, ?, '1.0', ?, ?, ?, ?, ?, ?, TRUE, ?, ?)""")
                .params(study, referralId, provider(), on.minusDays(100), user(WMCA).id(),
                        Timestamp.from(Instant.now()), on, user(WMCA).id(), Timestamp.from(Instant.now()),
                        furtherData, collectedData)
                .update();
    }
}

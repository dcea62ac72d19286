package org.workhealth.casework;

import static org.workhealth.TestData.letters;
import static org.workhealth.TestData.today;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.workhealth.SignIn;
import org.workhealth.organisation.NewPerson;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Role;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;

/**
 * Programmes, practitioners and cases of their own for the practitioner home and caseload tests,
 * so that the shared database's other records never matter. Referrals are written with SQL rather
 * than through the referral module, which depends on casework: using it here would be a cycle.
 */
final class ViewsTestCases {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String BCHFT_SPECIALIST = "specialist@bchft.workhealth.example";
    static final String BURY = "Bury Council Live Well service";
    static final String BCHFT = "Black Country Healthcare NHS Foundation Trust";

    record TestCase(long id, String reference, String fullName) {
    }

    record Staff(long id, String email, String fullName) {
    }

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Organisations organisations;
    private final Casework casework;
    private final People people;
    private String demoPasswordHash;

    ViewsTestCases(JdbcClient jdbc, Programmes programmes, Organisations organisations, Casework casework,
            People people) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.organisations = organisations;
        this.casework = casework;
        this.people = people;
    }

    Programme programme(SupportType type) {
        String code = "VW" + letters(8).toUpperCase();
        long gm = org("NHS Greater Manchester");
        return programmes.createUnchecked(code, "Views test " + code, type, null, gm);
    }

    /** A practitioner of their own at the organisation, who signs in with the demo password. */
    Staff practitioner(String organisation) {
        String name = "Coach " + capitalised(letters(8));
        String email = name.replace(' ', '.').toLowerCase() + "@views.workhealth.example";
        long id = people.createWithPasswordHash(new NewPerson(name, email, org(organisation),
                Set.of(Role.PRACTITIONER)), demoPasswordHash()).id();
        return new Staff(id, email, name);
    }

    /**
     * A case opened on the programme at the organisation, held by the key worker.
     *
     * @param employmentStatus the status at referral, for example UNEMPLOYED, EMPLOYED, SELF_EMPLOYED, OFF_SICK
     */
    TestCase open(Programme programme, String organisation, long keyWorkerId, String employmentStatus) {
        String lastName = "Views" + letters(8);
        String reference = "VW" + letters(8).toUpperCase();
        Timestamp now = new Timestamp(System.currentTimeMillis());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO referral (reference, status, source, received_at, response_due_at, routed_organisation_id,
                                      referring_for, first_name, last_name, date_of_birth, postcode,
                                      contact_preference, employment_status, consent_to_contact, match_key,
                                      programme_id, assigned_person_id)
                VALUES (?, 'ACCEPTED', 'PUBLIC', ?, ?, ?, 'SELF', 'Alex', ?, ?, 'BL9 0EJ', 'PHONE', ?, TRUE, ?, ?, ?)
                """).params(reference, now, now, org(organisation), lastName, Date.valueOf(LocalDate.of(1982, 4, 4)),
                employmentStatus, "views|" + lastName.toLowerCase(), programme.id(), keyWorkerId).update(key, "id");
        long referralId = key.getKeyAs(Long.class);
        long caseId = casework.openCase(new OpenCase(referralId, reference, programme.id(), null, org(organisation),
                keyWorkerId, employmentStatus, today().minusDays(20)));
        return new TestCase(caseId, reference, "Alex " + lastName);
    }

    /** Hashing is slow on purpose, so the tests' practitioners share one hash of the demo password. */
    private String demoPasswordHash() {
        if (demoPasswordHash == null) {
            demoPasswordHash = people.hash(SignIn.DEMO_PASSWORD);
        }
        return demoPasswordHash;
    }

    long org(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }

    long personId(String email) {
        return jdbc.sql("SELECT id FROM person WHERE email = ?").param(email).query(Long.class).single();
    }

    long keyWorker(long caseId) {
        return jdbc.sql("SELECT key_worker_id FROM support_case WHERE id = ?").param(caseId).query(Long.class)
                .single();
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

package org.workhealth.employer;

import org.workhealth.employer.internal.EmployerContact;
import org.workhealth.employer.internal.LocalAuthority;
import org.workhealth.employer.internal.MemberKind;
import org.workhealth.employer.internal.NewEmployer;
import org.workhealth.employer.internal.NewSite;
import org.workhealth.classification.SicSection;
import org.workhealth.employer.internal.SignUpSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.SignIn;
import org.workhealth.organisation.NewPerson;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Role;

/**
 * For accreditation tests: employers of the tests' own, each with a wellbeing lead who signs in with the demo password, so that no test
 * changes the demo's employers or another test's. Test files made to look like each accepted type.
 */
@Component
public class AccreditationFixtures {

    public record TestEmployer(long id, String leadEmail) {
    }

    private final SignUps signUps;
    private final People people;
    private final Organisations organisations;
    private final JdbcClient jdbc;

    AccreditationFixtures(SignUps signUps, People people, Organisations organisations, JdbcClient jdbc) {
        this.signUps = signUps;
        this.people = people;
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    public long hub() {
        return organisations.findByName("West Midlands Combined Authority").orElseThrow().id();
    }

    public TestEmployer employer(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long id = signUps.record(new NewEmployer(name + " " + unique, null, SicSection.C, 120,
                List.of(new NewSite("Works", "B1 1AA", LocalAuthority.BIRMINGHAM)),
                new EmployerContact("Test Contact", "contact-" + unique + "@example.com", "0121 496 0000")),
                SignUpSource.SELF_SIGN_UP, null, hub(), LocalDate.now().minusDays(30)).employerId();
        signUps.confirmUnchecked(id, LocalDate.now().minusDays(20));
        String email = "lead-" + unique + "@employer.example";
        long lead = people.createWithPasswordHash(new NewPerson("Lead " + unique, email, hub(),
                EnumSet.of(Role.EMPLOYER)), people.hash(SignIn.DEMO_PASSWORD)).id();
        signUps.addMember(lead, id, MemberKind.WELLBEING_LEAD);
        return new TestEmployer(id, email);
    }

    public String name(long employerId) {
        return jdbc.sql("SELECT name FROM employer WHERE id = ?").param(employerId).query(String.class).single();
    }

    /** A person at the hub with these roles, signing in with the demo password. */
    public String person(Role... roles) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "staff-" + unique + "@wmca.example";
        people.createWithPasswordHash(new NewPerson("Staff " + unique, email, hub(), EnumSet.of(roles[0], roles)),
                people.hash(SignIn.DEMO_PASSWORD));
        return email;
    }

    public long personId(String email) {
        return people.findByEmail(email).orElseThrow().id();
    }

    public void assignAdvisor(long employerId, long personId) {
        jdbc.sql("UPDATE employer SET advisor_id = ? WHERE id = ?").params(personId, employerId).update();
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes();
    }

    public static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
    }

    public static byte[] docx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes());
        }
        return out.toByteArray();
    }
}

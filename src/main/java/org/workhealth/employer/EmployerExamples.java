package org.workhealth.employer;

import org.workhealth.classification.SicSection;
import org.workhealth.employer.internal.EmployerContact;
import org.workhealth.employer.internal.LocalAuthority;
import org.workhealth.employer.internal.MemberKind;
import org.workhealth.employer.internal.NewEmployer;
import org.workhealth.employer.internal.NewSite;
import org.workhealth.employer.internal.SignUpSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.organisation.NewPerson;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.organisation.Role;

/**
 * Demo employers at the West Midlands Combined Authority hub, at every stage: waiting for confirmation (some from
 * Business Growth West Midlands' diagnostic), declined, confirmed with and without an advisor, across sectors and
 * sizes. The names are made up. Acme Components Ltd has a wellbeing lead who signs in with the demo password;
 * the hub has two advisors and an assessor, and Business Growth West Midlands (a business-support partner) an
 * advisor of its own.
 */
@Component
public class EmployerExamples {

    public static final String HUB = "West Midlands Combined Authority";
    public static final String PARTNER = "Business Growth West Midlands";
    public static final String ACME = "Acme Components Ltd";

    private enum Stage { PENDING, DECLINED, CONFIRMED, ADVISED, PARTNER_ADVISED }

    /** The example employers, a line each: made up, and at the stage each has reached when the demo starts. */
    private static final String EXAMPLES = "employer/example-employers.csv";

    private record Example(String name, String companiesHouse, SicSection sector, int employees,
            LocalAuthority authority, String postcode, Stage stage, SignUpSource source, int daysAgo) {

        /** A line of the examples file; no name or postcode there has a comma. */
        static Example parse(String line) {
            String[] f = line.split(",", -1);
            return new Example(f[0], f[1].isEmpty() ? null : f[1], SicSection.valueOf(f[2]), Integer.parseInt(f[3]),
                    LocalAuthority.valueOf(f[4]), f[5], Stage.valueOf(f[6]), SignUpSource.valueOf(f[7]),
                    Integer.parseInt(f[8]));
        }
    }

    private static List<Example> examples() {
        try (InputStream in = new ClassPathResource(EXAMPLES).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).map(Example::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The demo's " + EXAMPLES + " cannot be read", e);
        }
    }

    private final SignUps signUps;
    private final Organisations organisations;
    private final People people;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final Clock clock;

    EmployerExamples(SignUps signUps, Organisations organisations, People people,
            org.springframework.jdbc.core.simple.JdbcClient jdbc, Clock clock) {
        this.signUps = signUps;
        this.organisations = organisations;
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Loads the examples at the West Midlands Combined Authority hub, which must exist.
     *
     * @param demoPasswordHash the demo accounts' password, already hashed
     */
    @Transactional
    public void load(String demoPasswordHash) {
        long hub = organisations.findByName(HUB).map(Organisation::id).orElseThrow();
        long partner = organisations.create(PARTNER, "PROVIDER", hub, null).id();
        long advisor = account("Imran Malik", "advisor@wmca.workhealth.example", hub, Role.EMPLOYER_ADVISOR,
                demoPasswordHash);
        long secondAdvisor = account("Beth Morgan", "advisor2@wmca.workhealth.example", hub, Role.EMPLOYER_ADVISOR,
                demoPasswordHash);
        account("Dr Kofi Boateng", "assessor@wmca.workhealth.example", hub, Role.EMPLOYER_ASSESSOR, demoPasswordHash);
        long partnerAdvisor = account("Ellie Walsh", "advisor@bgwm.workhealth.example", partner,
                Role.EMPLOYER_ADVISOR, demoPasswordHash);
        LocalDate today = LocalDate.now(clock);
        int n = 0;
        for (Example example : examples()) {
            n++;
            LocalDate signedUp = today.minusDays(example.daysAgo());
            String detail = example.source() == SignUpSource.DIAGNOSTIC
                    ? PARTNER + " diagnostic BGWM-D" + (4100 + n) : null;
            String contactName = CONTACTS.get(n % CONTACTS.size());
            long id = signUps.record(new NewEmployer(example.name(), example.companiesHouse(), example.sector(),
                    example.employees(), List.of(new NewSite("Head office", example.postcode(), example.authority())),
                    new EmployerContact(contactName, "contact" + n + "@employer" + n + ".example", "0121 496 0"
                            + String.format("%03d", n))), example.source(), detail, hub, signedUp).employerId();
            switch (example.stage()) {
                case PENDING -> { }
                case DECLINED -> jdbc.sql("UPDATE employer SET status = 'DECLINED', declined_reason = :reason WHERE id = :id")
                        .param("reason", "Outside the programme's area or already supported by another programme")
                        .param("id", id).update();
                case CONFIRMED -> signUps.confirmUnchecked(id, signedUp.plusDays(6));
                case ADVISED, PARTNER_ADVISED -> {
                    long assigned = example.stage() == Stage.PARTNER_ADVISED ? partnerAdvisor
                            : n % 3 == 0 ? secondAdvisor : advisor;
                    jdbc.sql("UPDATE employer SET advisor_id = :advisor WHERE id = :id").param("advisor", assigned)
                            .param("id", id).update();
                    signUps.confirmUnchecked(id, signedUp.plusDays(6));
                }
                default -> throw new IllegalStateException();
            }
            if (example.name().equals(ACME)) {
                long lead = account("Jo Bradley", "lead@acme.workhealth.example", hub, Role.EMPLOYER, demoPasswordHash);
                signUps.addMember(lead, id, MemberKind.WELLBEING_LEAD);
                jdbc.sql("UPDATE employer SET contact_name = 'Jo Bradley', contact_email = 'lead@acme.workhealth.example' WHERE id = :id")
                        .param("id", id).update();
                signUps.addSite(id, new NewSite("Bilston works", "WV14 0RS", LocalAuthority.WOLVERHAMPTON));
            }
        }
    }

    private static final List<SicSection> SME_SECTORS = List.of(SicSection.C, SicSection.G, SicSection.I, SicSection.M,
            SicSection.F, SicSection.Q, SicSection.J, SicSection.N);
    private static final List<LocalAuthority> SME_AREAS = List.of(LocalAuthority.BIRMINGHAM, LocalAuthority.COVENTRY,
            LocalAuthority.DUDLEY, LocalAuthority.SANDWELL, LocalAuthority.SOLIHULL, LocalAuthority.WALSALL,
            LocalAuthority.WOLVERHAMPTON);

    /**
     * Confirmed small and medium employers at the hub, with made-up names, across sectors and sizes (2 to 240
     * employees): the SMEs of the Wellbeing Premium trial's demo. @return their ids, in the order made
     */
    @Transactional
    public List<Long> smes(int count, String namePrefix) {
        long hub = organisations.findByName(HUB).map(Organisation::id).orElseThrow();
        LocalDate signedUp = LocalDate.now(clock).minusDays(200);
        List<Long> ids = new java.util.ArrayList<>();
        for (int n = 1; n <= count; n++) {
            int employees = new int[] {4, 8, 15, 27, 42, 60, 95, 140, 210, 240}[n % 10];
            long id = signUps.record(new NewEmployer(namePrefix + " " + n + " Ltd", null,
                    SME_SECTORS.get(n % SME_SECTORS.size()), employees,
                    List.of(new NewSite("Head office", "B1 1AA", SME_AREAS.get(n % SME_AREAS.size()))),
                    new EmployerContact(CONTACTS.get(n % CONTACTS.size()), "sme" + n + "@sme.example", null)),
                    SignUpSource.ADVISOR, null, hub, signedUp).employerId();
            signUps.confirmUnchecked(id, signedUp.plusDays(3));
            ids.add(id);
        }
        return ids;
    }

    private static final List<String> CONTACTS = List.of("Sam Carter", "Alex Morgan", "Jamie Khan", "Chris Edwards",
            "Pat O'Neill", "Robin Singh", "Morgan Lewis", "Taylor Adeyemi");

    private long account(String name, String email, long organisation, Role role, String passwordHash) {
        Person person = people.createWithPasswordHash(new NewPerson(name, email, organisation, EnumSet.of(role)),
                passwordHash);
        return person.id();
    }
}

package org.workhealth.employer;

import org.workhealth.employer.internal.EmployerContact;
import org.workhealth.employer.internal.LocalAuthority;
import org.workhealth.employer.internal.MemberKind;
import org.workhealth.employer.internal.NewEmployer;
import org.workhealth.employer.internal.NewSite;
import org.workhealth.employer.internal.SicSection;
import org.workhealth.employer.internal.SignUpSource;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

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

    private record Example(String name, String companiesHouse, SicSection sector, int employees,
            LocalAuthority authority, String postcode, Stage stage, SignUpSource source, int daysAgo) {
    }

    private static final List<Example> EXAMPLES = List.of(
            new Example(ACME, "04512378", SicSection.C, 180, LocalAuthority.WOLVERHAMPTON, "WV10 7ER", Stage.ADVISED,
                    SignUpSource.SELF_SIGN_UP, 400),
            new Example("Brindley Logistics Ltd", "07821456", SicSection.H, 620, LocalAuthority.SANDWELL, "B69 4RJ",
                    Stage.ADVISED, SignUpSource.ADVISOR, 380),
            new Example("Canalside Care Homes", "09123784", SicSection.Q, 95, LocalAuthority.BIRMINGHAM, "B16 8QG",
                    Stage.ADVISED, SignUpSource.SELF_SIGN_UP, 350),
            new Example("Digbeth Digital Studio", "11234590", SicSection.J, 24, LocalAuthority.BIRMINGHAM, "B5 5SE",
                    Stage.ADVISED, SignUpSource.DIAGNOSTIC, 330),
            new Example("Earlsdon Bakery Co-operative", null, SicSection.I, 8, LocalAuthority.COVENTRY, "CV5 6AB",
                    Stage.CONFIRMED, SignUpSource.SELF_SIGN_UP, 300),
            new Example("Foleshill Engineering Ltd", "03456129", SicSection.C, 310, LocalAuthority.COVENTRY, "CV6 5AN",
                    Stage.ADVISED, SignUpSource.ADVISOR, 290),
            new Example("Gornal Glass Works Ltd", "06789012", SicSection.C, 57, LocalAuthority.DUDLEY, "DY3 2NL",
                    Stage.PARTNER_ADVISED, SignUpSource.DIAGNOSTIC, 270),
            new Example("Hall Green Housing Association", "IP029876", SicSection.L, 140, LocalAuthority.BIRMINGHAM,
                    "B28 8AB", Stage.ADVISED, SignUpSource.SELF_SIGN_UP, 260),
            new Example("Ironbridge Visitor Trust", null, SicSection.R, 45, LocalAuthority.TELFORD_AND_WREKIN,
                    "TF8 7DQ", Stage.CONFIRMED, SignUpSource.SELF_SIGN_UP, 240),
            new Example("Jewellery Quarter Solicitors LLP", "OC345678", SicSection.M, 36, LocalAuthority.BIRMINGHAM,
                    "B3 1JL", Stage.ADVISED, SignUpSource.ADVISOR, 220),
            new Example("Kings Norton Construction Ltd", "05678123", SicSection.F, 210, LocalAuthority.BIRMINGHAM,
                    "B30 3HN", Stage.ADVISED, SignUpSource.SELF_SIGN_UP, 200),
            new Example("Leamington Print Works", "08765432", SicSection.C, 19, LocalAuthority.WARWICK, "CV31 3NR",
                    Stage.CONFIRMED, SignUpSource.SELF_SIGN_UP, 190),
            new Example("Meriden Farm Foods Ltd", "02345671", SicSection.A, 72, LocalAuthority.SOLIHULL, "CV7 7HL",
                    Stage.PARTNER_ADVISED, SignUpSource.DIAGNOSTIC, 180),
            new Example("Nechells Recycling CIC", "12345098", SicSection.E, 33, LocalAuthority.BIRMINGHAM, "B7 5QT",
                    Stage.ADVISED, SignUpSource.SELF_SIGN_UP, 170),
            new Example("Oldbury Metal Finishing Ltd", "01987654", SicSection.C, 48, LocalAuthority.SANDWELL,
                    "B69 2DG", Stage.ADVISED, SignUpSource.ADVISOR, 160),
            new Example("Perry Barr Leisure Trust", null, SicSection.R, 260, LocalAuthority.BIRMINGHAM, "B42 2LR",
                    Stage.ADVISED, SignUpSource.SELF_SIGN_UP, 150),
            new Example("Quinton Dental Practice", "10987612", SicSection.Q, 14, LocalAuthority.BIRMINGHAM, "B32 1AF",
                    Stage.CONFIRMED, SignUpSource.SELF_SIGN_UP, 140),
            new Example("Rugby Cement Services Ltd", "04321987", SicSection.B, 120, LocalAuthority.RUGBY, "CV21 2DT",
                    Stage.ADVISED, SignUpSource.ADVISOR, 130),
            new Example("Solihull Financial Advice Ltd", "09876123", SicSection.K, 28, LocalAuthority.SOLIHULL,
                    "B91 3QJ", Stage.ADVISED, SignUpSource.SELF_SIGN_UP, 120),
            new Example("Tipton Wholesale Ltd", "06543219", SicSection.G, 85, LocalAuthority.SANDWELL, "DY4 8RS",
                    Stage.ADVISED, SignUpSource.DIAGNOSTIC, 110),
            new Example("University Hospitals Catering", null, SicSection.I, 390, LocalAuthority.COVENTRY, "CV2 2DX",
                    Stage.ADVISED, SignUpSource.ADVISOR, 100),
            new Example("Walsall Town Bus Co", "07654328", SicSection.H, 155, LocalAuthority.WALSALL, "WS1 1PA",
                    Stage.ADVISED, SignUpSource.SELF_SIGN_UP, 90),
            new Example("Willenhall Lock Makers Ltd", "00876543", SicSection.C, 64, LocalAuthority.WALSALL, "WV13 2AA",
                    Stage.DECLINED, SignUpSource.SELF_SIGN_UP, 80),
            new Example("Yardley Cleaning Services", "13579246", SicSection.N, 230, LocalAuthority.BIRMINGHAM,
                    "B33 8TH", Stage.ADVISED, SignUpSource.SELF_SIGN_UP, 70),
            new Example("Wolverhampton Civic Services", null, SicSection.O, 1_450, LocalAuthority.WOLVERHAMPTON,
                    "WV1 1SH", Stage.ADVISED, SignUpSource.ADVISOR, 60),
            new Example("Aston Community School Trust", "08642097", SicSection.P, 175, LocalAuthority.BIRMINGHAM,
                    "B6 5RQ", Stage.PENDING, SignUpSource.SELF_SIGN_UP, 12),
            new Example("Bilston Energy Co-op", "11975312", SicSection.D, 11, LocalAuthority.WOLVERHAMPTON, "WV14 0EP",
                    Stage.PENDING, SignUpSource.SELF_SIGN_UP, 9),
            new Example("Cradley Heath Forge Ltd", "05318642", SicSection.C, 42, LocalAuthority.SANDWELL, "B64 5AN",
                    Stage.PENDING, SignUpSource.DIAGNOSTIC, 7),
            new Example("Dudley Zoo Hospitality Ltd", "06197534", SicSection.I, 66, LocalAuthority.DUDLEY, "DY1 4QF",
                    Stage.PENDING, SignUpSource.DIAGNOSTIC, 5),
            new Example("Erdington Home Help", null, SicSection.S, 6, LocalAuthority.BIRMINGHAM, "B23 6RB",
                    Stage.PENDING, SignUpSource.SELF_SIGN_UP, 3),
            new Example("Fradley Distribution Centre", "09753186", SicSection.H, 540, LocalAuthority.OTHER, "WS13 8RD",
                    Stage.DECLINED, SignUpSource.SELF_SIGN_UP, 40));

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
        for (Example example : EXAMPLES) {
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

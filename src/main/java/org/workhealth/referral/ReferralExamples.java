package org.workhealth.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.People;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

/**
 * Example referrals for the demo data, made the way real ones are: received by {@link ReferralIntake},
 * accepted by {@link Triage} and confirmed at {@link FirstContact}, so that the referral received and
 * referral accepted milestones are written by their usual code. A newcomer then finds a triage queue and
 * a caseload to look at.
 *
 * <p>Real referrals arrive over weeks; these are all made at once. To give them a believable history
 * each step runs the same service code on a clock set back to when the step would have happened (the
 * services read "now" only from their clock). Nothing is written to the tables any other way.
 *
 * <p>Everyone here is fictional: phone numbers are in Ofcom's range for drama (07700 900xxx), email
 * addresses are at example.com.
 */
@Service
public class ReferralExamples {

    /** Where the example people live: each area's town and postcodes in its routed districts. */
    public enum Area {
        BURY("Bury", "BL9 0EJ", "BL9 0SW", "BL8 1DA", "BL0 9AE", "M26 2SP", "M45 6TR", "BL9 9PQ"),
        OLDHAM("Oldham", "OL1 1AA", "OL1 3BQ", "OL8 1XH", "OL9 6DE"),
        BLACK_COUNTRY("Wolverhampton", "WV1 1AA", "WV2 4NZ", "WS1 1TP", "DY1 1HP", "WV10 0QP");

        private final String town;
        private final String[] postcodes;

        Area(String town, String... postcodes) {
            this.town = town;
            this.postcodes = postcodes;
        }

        /** For the check that the demo's illustrative deprivation lookup covers every example postcode. */
        List<String> postcodes() {
            return List.of(postcodes);
        }
    }

    private record Example(String firstName, String lastName, LocalDate dateOfBirth, EmploymentStatus status,
            String employer, boolean mentalHealth, boolean musculoskeletal, String conditions, String help) {
    }

    private static final EmploymentStatus OUT = EmploymentStatus.UNEMPLOYED;
    private static final EmploymentStatus QUIET = EmploymentStatus.NOT_WORKED_RECENTLY;
    private static final EmploymentStatus SICK = EmploymentStatus.OFF_SICK;
    private static final EmploymentStatus EMPLOYED = EmploymentStatus.EMPLOYED;

    /**
     * Fictional people. Cases are made oldest first from the start of the list, which is why the people
     * out of work (whose stories can end in a job start) come first.
     */
    private static final List<Example> PEOPLE = List.of(
            person("Marcus", "Adeyemi", 1988, 3, OUT, null, true, false, "Anxiety and low mood since being made redundant", "Help finding warehouse or driving work"),
            person("Joanne", "Fairclough", 1979, 11, OUT, null, false, true, "Lower back pain", "Getting back to work in retail, part time"),
            person("Kieran", "Walsh", 1995, 6, QUIET, null, true, false, "Depression", "Confidence and a CV"),
            person("Amira", "Hussain", 1991, 1, OUT, null, true, false, "Post-natal depression, now improving", "Admin work that fits around school hours"),
            person("Stephen", "Birtwistle", 1969, 8, SICK, "Bury Metal Finishing Ltd", false, true, "Knee replacement waiting list", "Talking to my employer about lighter duties"),
            person("Chantelle", "Morris", 1998, 4, OUT, null, true, false, "Anxiety", "A first job in care"),
            person("Gareth", "Lloyd", 1974, 12, EMPLOYED, "Radcliffe Logistics", true, true, "Stress and shoulder pain", "Staying in work and changing my hours"),
            person("Priyanka", "Desai", 1986, 2, OUT, null, false, false, "Type 2 diabetes and fatigue", "Office work close to home"),
            person("Daniel", "Okonkwo", 1990, 9, SICK, "Northern Bus Company", true, false, "Panic attacks", "A phased return to driving"),
            person("Rebecca", "Holt", 1983, 5, QUIET, null, true, false, "Bipolar disorder, stable on medication", "Volunteering first, then paid work"),
            person("Liam", "Gallagher-Price", 2001, 7, OUT, null, true, false, "ADHD and low mood", "An apprenticeship"),
            person("Sandra", "Kowalczyk", 1966, 10, EMPLOYED, "Northgate Council", false, true, "Arthritis in both hands", "Adjustments at work"),
            person("Tariq", "Mahmood", 1977, 3, SICK, "Whitefield Foods", false, true, "Back injury at work", "Getting back to my job safely"),
            person("Emma", "Rothwell", 1993, 12, OUT, null, true, false, "Eating disorder, in recovery", "Part-time work in a quiet setting"),
            person("Paul", "Entwistle", 1972, 6, OUT, null, false, true, "Hip pain", "Work that isn't on my feet all day"),
            person("Grace", "Mensah", 1999, 8, QUIET, null, true, false, "Social anxiety", "Interview practice"),
            person("Connor", "Ashworth", 1987, 2, EMPLOYED, "Prestwich Garden Centre", true, false, "Low mood after a bereavement", "Support to stay in my job"),
            person("Yasmin", "Begum", 1985, 11, OUT, null, false, false, "Long COVID", "Flexible or home-based work"),
            person("Robert", "Hindle", 1964, 4, SICK, "Valley Paper Ltd", false, true, "Carpal tunnel syndrome", "Talking to my employer"),
            person("Natalie", "Crompton", 1990, 7, OUT, null, true, true, "Fibromyalgia and anxiety", "Part-time admin work"),
            person("Owen", "Pilkington", 1997, 1, QUIET, null, true, false, "Psychosis, well for a year", "Getting into gardening work"),
            person("Fatima", "Noor", 1982, 9, EMPLOYED, "Riverside Medical Centre", true, false, "Stress", "Staying well at work"),
            person("Michael", "Greenhalgh", 1970, 5, OUT, null, false, true, "Neck and shoulder pain", "Driving or delivery work"),
            person("Jade", "Taylor-Brown", 2000, 10, OUT, null, true, false, "Depression and anxiety", "Work in hospitality"),
            person("Harpreet", "Sandhu", 1984, 3, OUT, null, true, false, "Obsessive compulsive disorder", "Office or warehouse work"),
            person("Wayne", "Bradshaw", 1976, 8, SICK, "Castle Castings Ltd", false, true, "Slipped disc", "A return to work plan"),
            person("Chloe", "Parkes", 1994, 6, OUT, null, true, false, "Anxiety", "A job in a school kitchen"),
            person("Abdul", "Rahman", 1989, 12, OUT, null, false, true, "Back pain", "Warehouse work with lifting limits"),
            person("Lorraine", "Hartley", 1968, 2, EMPLOYED, "Community Leisure Trust", true, false, "Menopause and low mood", "Talking to my manager"),
            person("Sean", "Doyle", 1992, 4, OUT, null, true, false, "Depression", "Getting back into construction"),
            person("Megan", "Whittaker", 1996, 9, QUIET, null, true, false, "Anxiety and agoraphobia", "Remote work"),
            person("Imran", "Chaudhry", 1980, 7, OUT, null, false, false, "Epilepsy", "Work that doesn't need driving"));

    private final People people;
    private final Programmes programmes;
    private final Clock clock;
    private final EligibilityCheck eligibility;
    private final PostcodeDeprivation deprivation;
    private final ExampleSteps steps;
    private int next;
    private int waitingTurn;

    ReferralExamples(People people, Programmes programmes, Clock clock, EligibilityCheck eligibility,
            PostcodeDeprivation deprivation, ExampleSteps steps) {
        this.people = people;
        this.programmes = programmes;
        this.clock = clock;
        this.eligibility = eligibility;
        this.deprivation = deprivation;
        this.steps = steps;
    }

    /**
     * The demo's area deprivation lookup for the example postcodes, unless a lookup has been loaded. Its deciles
     * are made up (docs/performance.md): the demo cannot ship the national files, and the examples need some.
     */
    public void illustrativeDeprivation() {
        if (deprivation.current().isPresent()) {
            return;
        }
        try (var in = new org.springframework.core.io.ClassPathResource(ILLUSTRATIVE_DEPRIVATION).getInputStream()) {
            DeprivationFile.Result file = DeprivationFile.read(in, false);
            deprivation.replace(file, "illustrative-imd-deciles.csv (demo, made up)", null, true);
        } catch (java.io.IOException | DeprivationFile.UnusableFile e) {
            throw new IllegalStateException("The demo's " + ILLUSTRATIVE_DEPRIVATION + " cannot be read", e);
        }
    }

    static final String ILLUSTRATIVE_DEPRIVATION = "referral/illustrative-imd-deciles.csv";

    /**
     * Referrals waiting in the triage queue of the organisation that covers them: received over the last
     * few working days, so some are new, some due today and (the fifth made, counting earlier calls) one overdue.
     *
     * @param gpPracticeCode the GP practice code given on the referral (it routes before the postcode), or null
     * @param referrer       the member of staff who referred, for a partner referral; null for the public form
     * @return the referrals' ids
     */
    @Transactional
    public List<Long> waiting(Area area, String gpPracticeCode, Referrer referrer, int count) {
        int[] workingDaysAgo = {0, 1, 0, 2, 3, 1, 0, 2};
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Taken in turn across calls, so that the demo's few calls between them show every age once.
            int turn = waitingTurn++;
            int ago = workingDaysAgo[turn % workingDaysAgo.length];
            Instant receivedAt = ago == 0 ? clock.instant().minusSeconds(1500L * (turn + 1))
                    : ExampleSteps.at(steps.workingDaysBefore(steps.today(), ago), LocalTime.of(9, 10).plusMinutes(53L * turn % 420));
            ids.add(receive(area, gpPracticeCode, referrer, receivedAt).id());
        }
        return ids;
    }

    /**
     * Referrals accepted onto the programme and assigned to the practitioner, who has tried to reach the
     * person once without luck: they wait on the practitioner's first contact list.
     *
     * @return the referrals' ids
     */
    @Transactional
    public List<Long> awaitingContact(CurrentUser practitioner, String programmeCode, Area area, String gpPracticeCode,
            Referrer referrer, int count) {
        Programme programme = programme(programmeCode);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate received = steps.workingDaysBefore(steps.today(), 2 + i);
            long id = receive(area, gpPracticeCode, referrer, ExampleSteps.at(received, LocalTime.of(10, 20))).id();
            LocalDate decided = steps.workingDaysBefore(steps.today(), 1 + i);
            accept(practitioner, programme, id, ExampleSteps.at(decided, LocalTime.of(11, 5)));
            FirstContact contact = steps.firstContact(ExampleSteps.at(decided, LocalTime.of(15, 40)));
            contact.record(practitioner, contact.contactable(practitioner, id), decided, ContactChannel.PHONE,
                    ContactOutcome.LEFT_MESSAGE);
        }
        return ids;
    }

    /**
     * Cases held by the practitioner: for each number of days ago, a referral received a few working days
     * before that, accepted onto the programme and assigned to them, and confirmed at first contact on that
     * day (every third after a missed call the day before), which opens the case.
     *
     * @param openedDaysAgo how many days ago each case opened (at least 1); weekends move back to the Friday
     * @return the cases' ids, in the order of {@code openedDaysAgo}
     */
    @Transactional
    public List<Long> cases(CurrentUser practitioner, String programmeCode, Area area, String gpPracticeCode,
            Referrer referrer, List<Integer> openedDaysAgo) {
        Programme programme = programme(programmeCode);
        List<Long> caseIds = new ArrayList<>();
        for (int i = 0; i < openedDaysAgo.size(); i++) {
            int daysAgo = Math.max(1, openedDaysAgo.get(i));
            LocalDate opened = steps.workingDayOnOrBefore(steps.today().minusDays(daysAgo));
            LocalDate decided = steps.workingDaysBefore(opened, 1);
            LocalDate received = steps.workingDaysBefore(decided, 1 + i % 2);
            long id = receive(area, gpPracticeCode, referrer, ExampleSteps.at(received, LocalTime.of(9, 30).plusMinutes(17L * i)))
                    .id();
            accept(practitioner, programme, id, ExampleSteps.at(decided, LocalTime.of(10, 45)));
            if (i % 3 == 2) {
                FirstContact missed = steps.firstContact(ExampleSteps.at(decided, LocalTime.of(16, 10)));
                missed.record(practitioner, missed.contactable(practitioner, id), decided, ContactChannel.PHONE,
                        ContactOutcome.NO_ANSWER);
            }
            FirstContact contact = steps.firstContact(ExampleSteps.at(opened, LocalTime.of(11, 30)));
            FirstContact.Outcome outcome = contact.record(practitioner, contact.contactable(practitioner, id), opened,
                    ContactChannel.PHONE, ContactOutcome.WANTS_SUPPORT);
            if (outcome.caseId() == null) {
                throw new IllegalStateException("Example referral " + id + " did not open a case: " + outcome);
            }
            caseIds.add(outcome.caseId());
        }
        return caseIds;
    }

    private ReferralIntake.Submitted receive(Area area, String gpPracticeCode, Referrer referrer, Instant receivedAt) {
        int n = next++;
        Example e = PEOPLE.get(n % PEOPLE.size());
        String postcode = area.postcodes[n % area.postcodes.length];
        String phone = "07700 900" + String.format("%03d", (n * 37 + 101) % 1000);
        ContactPreference preference = n % 5 == 4 ? ContactPreference.EMAIL : ContactPreference.PHONE;
        String email = (e.firstName() + "." + e.lastName()).toLowerCase(java.util.Locale.UK).replace("'", "")
                + "@example.com";
        boolean unemployed = e.status() == EmploymentStatus.UNEMPLOYED;
        boolean partner = referrer != null;
        LocalDate receivedOn = receivedAt.atZone(ExampleSteps.LONDON).toLocalDate();
        ReferralAnswers answers = new ReferralAnswers(partner, partner ? Boolean.TRUE : null,
                partner ? referrerName(referrer) : null,
                partner ? "01632 960 001" : null, e.firstName(), e.lastName(), e.dateOfBirth(), null, phone, email,
                (10 + n * 7 % 180) + " " + STREETS[n % STREETS.length], null, area.town, postcode, preference,
                n % 2 == 0 ? "Weekday mornings" : "Afternoons after 2pm", null, gpPracticeCode, e.status(),
                unemployed ? receivedOn.minusWeeks(3 + n % 5) : null, e.employer(),
                e.status() == EmploymentStatus.OFF_SICK, e.status() == EmploymentStatus.OFF_SICK
                        ? receivedOn.minusWeeks(3 + n % 6) : null,
                e.mentalHealth(), e.musculoskeletal(), !e.mentalHealth() && !e.musculoskeletal(), e.conditions(),
                null, e.help(), true, e.employer() != null && n % 2 == 0, null, null, null, null, null);
        ReferralSource source = partner ? ReferralSource.PARTNER : ReferralSource.PUBLIC;
        return steps.intake(receivedAt).submit(answers, source, referrer, null);
    }

    private String referrerName(Referrer referrer) {
        return people.within(java.util.Set.of(referrer.organisationId())).stream()
                .filter(p -> p.id() == referrer.personId()).map(p -> p.fullName()).findFirst().orElse("Referrer");
    }

    private void accept(CurrentUser practitioner, Programme programme, long referralId, Instant decidedAt) {
        Triage triage = steps.triage(decidedAt);
        ReferralDetails referral = triage.triageable(practitioner, referralId);
        triage.startTriage(practitioner, referral);
        Triage.PractitionerLoad load = triage.practitioners(referral, programme).stream()
                .filter(p -> p.personId() == practitioner.id()).findFirst()
                .orElseThrow(() -> new IllegalStateException(practitioner.email() + " cannot be assigned referral "
                        + referralId));
        // The cohort the acceptance page would suggest, so that no override reason is needed.
        Long cohortId = eligibility.suggestCohort(referralId, programme.id()).map(SuggestedCohort::cohortId)
                .orElse(null);
        Triage.Acceptance decision = new Triage.Acceptance(programme.id(), cohortId, null, practitioner.id());
        if (!triage.accept(practitioner, referral, programme, decision, load)) {
            throw new IllegalStateException("Example referral " + referralId + " was not open for triage");
        }
    }

    private Programme programme(String code) {
        return programmes.findByCode(code).orElseThrow(() -> new IllegalArgumentException("No programme " + code));
    }

    private static final String[] STREETS = {"Bolton Street", "Walmersley Road", "Manchester Road", "Rochdale Road",
            "Bell Lane", "Market Street", "Church Lane", "Victoria Avenue", "Park Road", "Mill Street"};

    private static Example person(String first, String last, int born, int month, EmploymentStatus status,
            String employer, boolean mentalHealth, boolean musculoskeletal, String conditions, String help) {
        return new Example(first, last, LocalDate.of(born, month, 3 + (born * 7 + month) % 25), status, employer,
                mentalHealth, musculoskeletal, conditions, help);
    }
}

package org.workhealth;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

/**
 * The test data the tests share: unique names, today in London, the demo people and organisations by name, and
 * referrals and cases made through the real intake and casework code. Each test makes its own with a unique name,
 * because all tests share one database and never clean it.
 *
 * <p>The static helpers need no Spring context; the rest is a bean, so a test asks for it with {@code @Autowired}.
 *
 * <p>Spring caches one application context per distinct test configuration, and each new one costs 20-40 s. So a
 * database test is plain {@code @SpringBootTest @AutoConfigureMockMvc}, even when it uses no MockMvc, with no
 * properties, {@code @MockitoBean} or {@code @DirtiesContext} of its own: then all of them share one context.
 */
@Component
public class TestData {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    public static final String BURY_LIVE_WELL = "Bury Council Live Well service";

    private final ReferralIntake intake;
    private final Casework casework;
    private final Programmes programmes;
    private final Organisations organisations;
    private final People people;

    TestData(ReferralIntake intake, Casework casework, Programmes programmes, Organisations organisations,
            People people) {
        this.intake = intake;
        this.casework = casework;
        this.programmes = programmes;
        this.organisations = organisations;
        this.people = people;
    }

    /** Today where the service runs, which is what the pages mean by today. */
    public static LocalDate today() {
        return LocalDate.now(LONDON);
    }

    /** {@code n} random lower-case letters: a name no other test has (names may hold no digits). */
    public static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    /** The id of a demo person (or one a test made) by their email. */
    public long personId(String email) {
        return people.findByEmail(email).orElseThrow().id();
    }

    /** The id of an organisation by its name. */
    public long org(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }

    public long buryLiveWell() {
        return org(BURY_LIVE_WELL);
    }

    /** The id of a programme by its code, such as WW (WorkWell) or TIW (Thrive into Work). */
    public long programme(String code) {
        return programmes.findByCode(code).orElseThrow().id();
    }

    /** Submits the referral as the public would: routed by its postcode, waiting for a response. */
    public ReferralIntake.Submitted refer(Referral referral) {
        return intake.submit(referral.answers(), ReferralSource.PUBLIC, null, null);
    }

    /** Refers the person and opens their case at the provider, held by the Bury coach. */
    public long openCase(Referral referral, long programmeId, Long cohortId, long providerId, LocalDate openedOn) {
        ReferralIntake.Submitted submitted = refer(referral);
        return casework.openCase(new OpenCase(submitted.id(), submitted.reference(), programmeId, cohortId,
                providerId, personId(SignIn.BURY_COACH), referral.status().name(), openedOn));
    }

    /**
     * A person referring themselves, with what the referral form requires and nothing more (no referrer, GP, fit
     * note or equality answers), living in Bury and consenting to be contacted; change what a test needs.
     */
    public record Referral(String firstName, String lastName, LocalDate born, String phone, String address,
            String town, String postcode, EmploymentStatus status, LocalDate outOfWorkSince, String employer,
            boolean mentalHealth, boolean musculoskeletal, String condition, String waitingForTreatment,
            String helpWanted, boolean consentToContactEmployer) {

        /** An unemployed person out of work for 20 weeks, with back pain, wanting help to find work. */
        public static Referral of(String firstName, String lastName) {
            return new Referral(firstName, lastName, LocalDate.of(1980, 4, 4), "07700900456", "7 Bank Street",
                    "Bury", "BL9 0EJ", EmploymentStatus.UNEMPLOYED, LocalDate.now().minusWeeks(20), null, true,
                    false, "Back pain", null, "Help to find work", false);
        }

        public Referral born(LocalDate date) {
            return new Referral(firstName, lastName, date, phone, address, town, postcode, status, outOfWorkSince,
                    employer, mentalHealth, musculoskeletal, condition, waitingForTreatment, helpWanted,
                    consentToContactEmployer);
        }

        public Referral phone(String number) {
            return new Referral(firstName, lastName, born, number, address, town, postcode, status, outOfWorkSince,
                    employer, mentalHealth, musculoskeletal, condition, waitingForTreatment, helpWanted,
                    consentToContactEmployer);
        }

        public Referral livingAt(String line1, String inTown, String atPostcode) {
            return new Referral(firstName, lastName, born, phone, line1, inTown, atPostcode, status, outOfWorkSince,
                    employer, mentalHealth, musculoskeletal, condition, waitingForTreatment, helpWanted,
                    consentToContactEmployer);
        }

        /** Out of work since the date, or in work at the employer when the status is one of work. */
        public Referral employment(EmploymentStatus newStatus, LocalDate since, String atEmployer) {
            return new Referral(firstName, lastName, born, phone, address, town, postcode, newStatus, since,
                    atEmployer, mentalHealth, musculoskeletal, condition, waitingForTreatment, helpWanted,
                    consentToContactEmployer);
        }

        /** The health condition: the two boxes ticked, what the person wrote, and whether they await treatment. */
        public Referral health(boolean mental, boolean musculoskeletalCondition, String details, String waiting) {
            return new Referral(firstName, lastName, born, phone, address, town, postcode, status, outOfWorkSince,
                    employer, mental, musculoskeletalCondition, details, waiting, helpWanted,
                    consentToContactEmployer);
        }

        public Referral wanting(String help) {
            return new Referral(firstName, lastName, born, phone, address, town, postcode, status, outOfWorkSince,
                    employer, mentalHealth, musculoskeletal, condition, waitingForTreatment, help,
                    consentToContactEmployer);
        }

        public Referral consentToContactEmployer(boolean consent) {
            return new Referral(firstName, lastName, born, phone, address, town, postcode, status, outOfWorkSince,
                    employer, mentalHealth, musculoskeletal, condition, waitingForTreatment, helpWanted, consent);
        }

        public ReferralAnswers answers() {
            return new ReferralAnswers(false, null, null, null, firstName, lastName, born, null, phone, null,
                    address, null, town, postcode, ContactPreference.PHONE, null, null, null, status, outOfWorkSince,
                    employer, null, null, mentalHealth, musculoskeletal, false, condition, waitingForTreatment,
                    helpWanted, true, consentToContactEmployer, null, null, null, null, null);
        }
    }
}

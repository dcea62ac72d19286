package org.workhealth.employer;

import org.workhealth.employer.internal.EmployerAccess;
import org.workhealth.employer.internal.EmployerContact;
import org.workhealth.employer.internal.EmployerSignedUp;
import org.workhealth.employer.internal.EmployerStatus;
import org.workhealth.employer.internal.MemberKind;
import org.workhealth.employer.internal.NewEmployer;
import org.workhealth.employer.internal.NewSite;
import org.workhealth.employer.internal.SignUpSource;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.People;

/**
 * Employers joining the programme: a sign-up is recorded as pending (from the public form or a partner's
 * diagnostic), then an advisor confirms it, which gives the employer's wellbeing lead an account and counts as a
 * sign-up ({@link EmployerSignedUp}), or declines it with a reason. An advisor's own sign-up is confirmed by that
 * advisor in the same step.
 */
@Service
class SignUps {

    /** A confirmed sign-up and the wellbeing lead's temporary password, to show once; null for demo data. */
    record Confirmed(long employerId, long leadPersonId, String temporaryPassword) {
    }

    /** A recorded sign-up and the reference to give the employer. */
    record Recorded(long employerId, String reference) {
    }

    private static final String REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final EmployerAccess access;
    private final Employers employers;
    private final People people;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignUps(JdbcClient jdbc, EmployerAccess access, Employers employers, People people, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.employers = employers;
        this.people = people;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A pending sign-up from the public form or a partner's diagnostic; nobody's scope is checked here. */
    @Transactional
    public Recorded record(NewEmployer answers, SignUpSource source, String sourceDetail, long hubOrganisationId,
            LocalDate signedUpOn) {
        String reference = newReference();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO employer (hub_organisation_id, name, companies_house_number, sic_section, size_band,
                    employees, status, source, source_detail, contact_name, contact_email, contact_phone,
                    contact_agreed_on, signed_up_on, reference, created_at)
                VALUES (:hub, :name, :ch, :sic, :band, :employees, 'PENDING', :source, :detail, :contactName,
                    :contactEmail, :contactPhone, :agreedOn, :signedUpOn, :reference, :now)
                """).param("hub", hubOrganisationId).param("name", answers.name())
                .param("ch", answers.companiesHouseNumber()).param("sic", answers.sicSection().code())
                .param("band", answers.sizeBand().name()).param("employees", answers.employees())
                .param("source", source.name()).param("detail", sourceDetail)
                .param("contactName", answers.contact().name()).param("contactEmail", answers.contact().email())
                .param("contactPhone", answers.contact().phone()).param("agreedOn", signedUpOn)
                .param("signedUpOn", signedUpOn).param("reference", reference)
                .param("now", Timestamp.from(clock.instant())).update(key, "id");
        long id = key.getKey().longValue();
        for (NewSite site : answers.sites()) {
            addSite(id, site);
        }
        audit.recordChange("CREATE", "employer", id, hubOrganisationId, "Sign-up " + reference + " (" + source + ")");
        return new Recorded(id, reference);
    }

    /**
     * An advisor signs an employer up on its behalf: recorded and confirmed by that advisor in the same step, and
     * assigned to them, so that an advisor at a partner keeps the employer in their caseload.
     */
    @Transactional
    public Confirmed signUpByAdvisor(CurrentUser advisor, NewEmployer answers, long hubOrganisationId) {
        if (!advisor.has(org.workhealth.organisation.Permission.ADVISE_EMPLOYERS)) {
            throw new OutOfScopeException();
        }
        requireEmailFree(answers.contact().email());
        Recorded recorded = record(answers, SignUpSource.ADVISOR, null, hubOrganisationId, today());
        jdbc.sql("UPDATE employer SET advisor_id = :advisor WHERE id = :id").param("advisor", advisor.id())
                .param("id", recorded.employerId()).update();
        return confirm(advisor, recorded.employerId());
    }

    /** Confirms a pending sign-up: the wellbeing lead gets an account and the sign-up counts from now. */
    @Transactional
    public Confirmed confirm(CurrentUser user, long employerId) {
        Employer employer = decidable(user, employerId, EmployerStatus.CONFIRMED);
        EmployerContact contact = contact(employerId).orElseThrow();
        requireEmailFree(contact.email());
        People.Created lead = people.createEmployerAccount(user, contact.name(), contact.email(),
                employer.hubOrganisationId());
        addMember(lead.person().id(), employerId, MemberKind.WELLBEING_LEAD);
        markConfirmed(employer, access.advises(user, employerId) && employer.advisorId() == null ? user.id() : null);
        audit.recordChange("CONFIRM", "employer", employerId, employer.hubOrganisationId(),
                "Wellbeing lead account " + lead.person().id());
        return new Confirmed(employerId, lead.person().id(), lead.temporaryPassword());
    }

    /** For demo data: confirms without an account (the examples make the accounts they need themselves). */
    @Transactional
    public void confirmUnchecked(long employerId, LocalDate on) {
        Employer employer = employers.find(employerId).orElseThrow();
        jdbc.sql("UPDATE employer SET status = 'CONFIRMED', confirmed_on = :on, version = version + 1 WHERE id = :id")
                .param("on", on).param("id", employerId).update();
        events.publishEvent(new EmployerSignedUp(employerId, employer.hubOrganisationId(), employer.signedUpOn(),
                employer.source()));
    }

    @Transactional
    public void decline(CurrentUser user, long employerId, String reason) {
        Employer employer = decidable(user, employerId, EmployerStatus.DECLINED);
        jdbc.sql("""
                UPDATE employer SET status = 'DECLINED', declined_reason = :reason, version = version + 1
                WHERE id = :id AND status = 'PENDING'
                """).param("reason", reason).param("id", employerId).update();
        audit.recordChange("DECLINE", "employer", employerId, employer.hubOrganisationId(), reason);
    }

    /** Adds one of the employer's people (as the same kind of account as the wellbeing lead's). */
    @Transactional
    public People.Created addMember(CurrentUser user, long employerId, String fullName, String email,
            MemberKind kind) {
        Employer employer = access.readable(user, employerId);
        boolean ownLead = access.ownEmployer(user).filter(own -> own == employerId).isPresent()
                && memberKind(user.id()).filter(k -> k == MemberKind.WELLBEING_LEAD).isPresent();
        if (!ownLead && !access.advises(user, employerId) && !access.manages(user, employerId)) {
            throw new OutOfScopeException();
        }
        if (!employer.confirmed()) {
            throw new SignUpRefused("fullName", "People can be added once the sign-up is confirmed");
        }
        requireEmailFree(email);
        People.Created created = people.createEmployerAccount(user, fullName, email, employer.hubOrganisationId());
        addMember(created.person().id(), employerId, kind);
        audit.recordChange("ADD_MEMBER", "employer", employerId, employer.hubOrganisationId(),
                kind + " person " + created.person().id());
        return created;
    }

    /** For demo data: links an existing account to an employer. */
    @Transactional
    public void addMember(long personId, long employerId, MemberKind kind) {
        jdbc.sql("INSERT INTO employer_member (person_id, employer_id, kind) VALUES (:person, :employer, :kind)")
                .param("person", personId).param("employer", employerId).param("kind", kind.name()).update();
    }

    Optional<MemberKind> memberKind(long personId) {
        return jdbc.sql("SELECT kind FROM employer_member WHERE person_id = :person").param("person", personId)
                .query(String.class).optional().map(MemberKind::valueOf);
    }

    Optional<EmployerContact> contact(long employerId) {
        return jdbc.sql("SELECT contact_name, contact_email, contact_phone FROM employer WHERE id = :id")
                .param("id", employerId).query((rs, row) -> new EmployerContact(rs.getString(1), rs.getString(2),
                        rs.getString(3))).optional();
    }

    void addSite(long employerId, NewSite site) {
        jdbc.sql("""
                INSERT INTO employer_site (employer_id, name, postcode, local_authority)
                VALUES (:employer, :name, :postcode, :authority)
                """).param("employer", employerId).param("name", site.name()).param("postcode", site.postcode())
                .param("authority", site.localAuthority().name()).update();
    }

    private Employer decidable(CurrentUser user, long employerId, EmployerStatus next) {
        Employer employer = access.readable(user, employerId);
        if (!access.advises(user, employerId) && !access.manages(user, employerId)) {
            throw new OutOfScopeException();
        }
        if (!employer.status().mayBecome(next)) {
            throw new SignUpRefused("decision", "This sign-up has already been " + employer.status().label()
                    .toLowerCase(java.util.Locale.UK));
        }
        return employer;
    }

    private void markConfirmed(Employer employer, Long advisor) {
        LocalDate today = today();
        int updated = jdbc.sql("""
                UPDATE employer SET status = 'CONFIRMED', confirmed_on = :on,
                    advisor_id = COALESCE(advisor_id, :advisor), version = version + 1
                WHERE id = :id AND status = 'PENDING'
                """).param("on", today).param("advisor", advisor).param("id", employer.id()).update();
        if (updated != 1) {
            throw new SignUpRefused("decision", "This sign-up has already been decided");
        }
        events.publishEvent(new EmployerSignedUp(employer.id(), employer.hubOrganisationId(), employer.signedUpOn(),
                employer.source()));
    }

    private void requireEmailFree(String email) {
        if (email == null || email.isBlank()) {
            throw new SignUpRefused("contactEmail", "Enter the contact's email address, for their account");
        }
        if (people.emailInUse(email)) {
            throw new SignUpRefused("contactEmail",
                    "There is already an account with this email address: the contact may already have one");
        }
    }

    private String newReference() {
        StringBuilder reference = new StringBuilder("TAW-");
        for (int i = 0; i < 6; i++) {
            reference.append(REFERENCE_LETTERS.charAt(RANDOM.nextInt(REFERENCE_LETTERS.length())));
        }
        return reference.toString();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}

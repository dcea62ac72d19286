package org.workhealth.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.workhealth.audit.AuditLog;
import org.workhealth.calendar.WorkingDays;
import org.workhealth.casework.Casework;
import org.workhealth.milestone.MilestoneContracts;
import org.workhealth.milestone.Milestones;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.internal.ReferralAcknowledgements;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralMilestones;

/**
 * The referral services for {@link ReferralExamples}, each on a clock stopped at the moment an example's step
 * happens (the services read "now" only from their clock), and the working days the steps are spread over.
 */
@Component
class ExampleSteps {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;
    private final ReferralAreas areas;
    private final Organisations organisations;
    private final People people;
    private final Programmes programmes;
    private final WorkingDays workingDays;
    private final AccessPolicy access;
    private final Casework casework;
    private final Milestones milestones;
    private final AuditLog audit;
    private final Clock clock;
    private final String defaultHubOdsCode;
    private final PlatformTransactionManager transactions;
    private final ReferralMilestones referralMilestones;
    private final int maxContactAttempts;
    private final ReferralNames names;
    private final ReferralTimeline timeline;
    private final ReferralMoves moves;
    private final MilestoneContracts milestoneContracts;
    private final ReferralAcknowledgements acknowledgements;

    ExampleSteps(JdbcClient jdbc, ReferralAreas areas, Organisations organisations, People people,
            Programmes programmes, WorkingDays workingDays, AccessPolicy access, Casework casework,
            Milestones milestones, AuditLog audit, Clock clock,
            @Value("${workhealth.referral.default-hub:QOP}") String defaultHubOdsCode,
            PlatformTransactionManager transactions, ReferralMilestones referralMilestones,
            @Value("${workhealth.referral.max-contact-attempts:3}") int maxContactAttempts, ReferralNames names,
            ReferralTimeline timeline, ReferralMoves moves, MilestoneContracts milestoneContracts,
            ReferralAcknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
        this.jdbc = jdbc;
        this.areas = areas;
        this.organisations = organisations;
        this.people = people;
        this.programmes = programmes;
        this.workingDays = workingDays;
        this.access = access;
        this.casework = casework;
        this.milestones = milestones;
        this.audit = audit;
        this.clock = clock;
        this.defaultHubOdsCode = defaultHubOdsCode;
        this.transactions = transactions;
        this.referralMilestones = referralMilestones;
        this.maxContactAttempts = maxContactAttempts;
        this.names = names;
        this.timeline = timeline;
        this.moves = moves;
        this.milestoneContracts = milestoneContracts;
    }

    ReferralIntake intake(Instant at) {
        return new ReferralIntake(jdbc, areas, organisations, workingDays, audit, stoppedAt(at), defaultHubOdsCode,
                transactions, referralMilestones, acknowledgements);
    }

    Triage triage(Instant at) {
        return new Triage(jdbc, access, organisations, people, programmes, audit, stoppedAt(at), referralMilestones,
                casework, names, timeline, moves);
    }

    FirstContact firstContact(Instant at) {
        return new FirstContact(jdbc, access, casework, milestones, milestoneContracts, programmes, people, audit,
                stoppedAt(at), maxContactAttempts);
    }

    private Clock stoppedAt(Instant at) {
        // Never later than now: an example must not happen in the future.
        Instant now = clock.instant();
        return Clock.fixed(at.isAfter(now) ? now : at, LONDON);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(LONDON));
    }

    static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(LONDON).toInstant();
    }

    LocalDate workingDaysBefore(LocalDate from, int days) {
        LocalDate day = from;
        for (int counted = 0; counted < days; ) {
            day = day.minusDays(1);
            if (workingDays.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    LocalDate workingDayOnOrBefore(LocalDate day) {
        LocalDate working = day;
        while (!workingDays.isWorkingDay(working)) {
            working = working.minusDays(1);
        }
        return working;
    }
}

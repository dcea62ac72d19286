package org.workhealth.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.audit.AuditLog;
import org.workhealth.casework.Casework;
import org.workhealth.govuk.Answers;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.OrganisationSummary;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Permission;
import org.workhealth.organisation.Person;
import org.workhealth.organisation.Role;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.ReferralStatus.Move;
import org.workhealth.referral.internal.ReferralMilestones;

/**
 * Triage of referrals: who may triage which referral, opening it, and the four decisions (accept, route, signpost,
 * decline). Every decision is taken only while the referral is still open ({@link ReferralStatus.Move}), and is
 * written to the timeline and the audit log.
 */
@Service
class Triage {

    static final int SIGNPOST_MAX = 200;
    static final int REASON_MAX = 500;

    /** A practitioner who can be assigned, with their current caseload and the programme's cap (null: no cap). */
    record PractitionerLoad(long personId, String fullName, String organisationName, int caseload, Integer cap) {

        boolean atOrOverCap() {
            return cap != null && caseload >= cap;
        }
    }

    record Acceptance(long programmeId, Long cohortId, String cohortOverrideReason, long practitionerId) {
    }

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final Organisations organisations;
    private final People people;
    private final Programmes programmes;
    private final AuditLog audit;
    private final Clock clock;
    private final ReferralMilestones referralMilestones;
    private final Casework casework;
    private final ReferralNames names;
    private final ReferralTimeline timeline;
    private final ReferralMoves moves;

    Triage(JdbcClient jdbc, AccessPolicy access, Organisations organisations, People people, Programmes programmes,
            AuditLog audit, Clock clock, ReferralMilestones referralMilestones, Casework casework, ReferralNames names,
            ReferralTimeline timeline, ReferralMoves moves) {
        this.moves = moves;
        this.referralMilestones = referralMilestones;
        this.casework = casework;
        this.names = names;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.access = access;
        this.organisations = organisations;
        this.people = people;
        this.programmes = programmes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Practitioners and provider managers triage; so do commissioners, whose hub holds referrals no area covers. */
    static boolean mayTriage(CurrentUser user) {
        return user.has(Permission.VIEW_PERSONAL_DATA)
                && (user.has(Permission.MANAGE_CASES) || user.has(Permission.MANAGE_PROGRAMMES));
    }

    boolean mayTriage(CurrentUser user, long organisationId) {
        return mayTriage(user) && access.scope(user).contains(organisationId);
    }

    /** @throws OutOfScopeException when the person may not triage anything */
    static void requireTriager(CurrentUser user) {
        if (!mayTriage(user)) {
            throw new OutOfScopeException();
        }
    }

    /** The referral, when the person may triage it; otherwise "not found", whether or not it exists. */
    ReferralDetails triageable(CurrentUser user, long id) {
        requireTriager(user);
        ReferralDetails referral = jdbc.sql(ReferralDetails.SELECT + " WHERE r.id = ?").param(id)
                .query((rs, n) -> ReferralDetails.map(rs, names)).optional().orElseThrow(OutOfScopeException::new);
        if (!mayTriage(user, referral.routedOrganisationId())) {
            throw new OutOfScopeException();
        }
        return referral;
    }

    /**
     * The referral for a page that shows it, recorded as a view of its personal data (written only if the page is
     * then shown: a redirect or "not found" leaves no entry).
     */
    ReferralDetails view(CurrentUser user, long id) {
        ReferralDetails referral = triageable(user, id);
        audit.recordView("referral", id, referral.routedOrganisationId());
        return referral;
    }

    Instant now() {
        return clock.instant();
    }

    java.time.ZoneId zone() {
        return clock.getZone();
    }

    /** A triager starts triage of a new referral, so that others see someone is dealing with it; once only. */
    @Transactional
    boolean startTriage(CurrentUser user, ReferralDetails referral) {
        boolean started = moves.start(Move.START_TRIAGE, referral.id());
        if (started) {
            timeline.record(referral.id(), user.id(), Move.START_TRIAGE.to().name(), "Started triage", clock.instant());
            audit.recordChange("TRIAGE", "referral", referral.id(), referral.routedOrganisationId(), "Started triage");
        }
        return started;
    }

    /** Programmes with a contract that the person's organisations deliver or commission. */
    List<Programme> programmesFor(CurrentUser user) {
        return programmes.all().stream().filter(p -> !programmes.contractsVisibleTo(user, p.id()).isEmpty()).toList();
    }

    Optional<Programme> programmeFor(CurrentUser user, long programmeId) {
        return programmesFor(user).stream().filter(p -> p.id() == programmeId).findFirst();
    }

    /**
     * Active practitioners in the routed organisation or below it, by name, with their caseload on the programme as
     * casework counts it (open cases they are key worker of), and the programme's cap.
     */
    List<PractitionerLoad> practitioners(ReferralDetails referral, Programme programme) {
        List<Person> staff = people.within(access.scopeOf(referral.routedOrganisationId())).stream()
                .filter(p -> p.active() && p.roleSet().contains(Role.PRACTITIONER)).toList();
        if (staff.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> caseloads = programme == null ? Map.of()
                : casework.caseloads(staff.stream().map(Person::id).toList(), programme.id());
        Map<Long, String> names = organisations.namesById();
        Integer cap = capFor(programme);
        return staff.stream()
                .map(p -> new PractitionerLoad(p.id(), p.fullName(), names.get(p.organisationId()),
                        caseloads.getOrDefault(p.id(), 0), cap))
                .sorted(Comparator.comparing(PractitionerLoad::fullName))
                .toList();
    }

    static Integer capFor(Programme programme) {
        return programme == null ? null : programme.caseloadCap();
    }

    /** @return false when the referral was no longer open (someone else decided first) */
    @Transactional
    boolean accept(CurrentUser user, ReferralDetails referral, Programme programme, Acceptance decision,
            PractitionerLoad practitioner) {
        Instant now = clock.instant();
        String cohortName = ReferralNames.cohort(Optional.of(programme), decision.cohortId());
        String overrideReason = TextAnswer.orNull(decision.cohortOverrideReason());
        Map<String, Object> values = new HashMap<>();
        values.put("programme", programme.id());
        values.put("cohort", decision.cohortId());
        values.put("practitioner", practitioner.personId());
        values.put("override", overrideReason);
        if (!moves.make(Move.ACCEPT, referral.id(), user.id(), now, "programme_id = :programme, cohort_id = :cohort, "
                + "assigned_person_id = :practitioner, cohort_override_reason = :override, decision_reason = NULL, "
                + "signposted_to = NULL", values)) {
            return false;
        }
        StringBuilder detail = new StringBuilder("Accepted onto ").append(programme.name());
        if (cohortName != null) {
            detail.append(", cohort ").append(cohortName);
        }
        detail.append("; assigned to ").append(practitioner.fullName());
        if (practitioner.atOrOverCap()) {
            detail.append(" (caseload ").append(practitioner.caseload()).append(" against a cap of ")
                    .append(practitioner.cap()).append(')');
        }
        if (overrideReason != null) {
            detail.append(". Cohort chosen instead of the suggested one because: ").append(overrideReason);
        }
        decided(user.id(), referral.id(), referral.routedOrganisationId(), Move.ACCEPT.to().name(), detail.toString(), now);
        return true;
    }

    @Transactional
    boolean route(CurrentUser user, ReferralDetails referral, OrganisationSummary to, Programme programme) {
        Instant now = clock.instant();
        Map<String, Object> values = new HashMap<>();
        values.put("organisation", to.id());
        values.put("programme", programme == null ? null : programme.id());
        // The response clock keeps running: passing a referral on does not buy more time.
        if (!moves.make(Move.ROUTE, referral.id(), user.id(), now,
                "routed_organisation_id = :organisation, programme_id = :programme", values)) {
            return false;
        }
        String detail = "Passed from " + referral.routedOrganisationName() + " to " + to.name()
                + (programme == null ? "" : " for " + programme.name());
        decided(user.id(), referral.id(), referral.routedOrganisationId(), "ROUTED", detail, now);
        return true;
    }

    @Transactional
    boolean signpost(CurrentUser user, ReferralDetails referral, String service) {
        return closed(user, referral, Move.SIGNPOST, "signposted_to", service.strip(),
                "Signposted to " + service.strip());
    }

    @Transactional
    boolean decline(CurrentUser user, ReferralDetails referral, String reason) {
        return closed(user, referral, Move.DECLINE, "decision_reason", reason.strip(), "Declined: " + reason.strip());
    }

    private boolean closed(CurrentUser user, ReferralDetails referral, Move move, String column, String value,
            String detail) {
        Instant now = clock.instant();
        if (!moves.make(move, referral.id(), user.id(), now, column + " = :value", Collections.singletonMap("value", value))) {
            return false;
        }
        decided(user.id(), referral.id(), referral.routedOrganisationId(), move.to().name(), detail, now);
        return true;
    }

    /**
     * Closes an open referral allocated to a trial's control arm, in the randomisation's transaction: the protocol's
     * control action is its outcome, and no case can be opened on the programme.
     *
     * @return false when the referral was not open (nothing changes)
     */
    @Transactional
    boolean allocatedToControl(long referralId, long programmeId, String detail, long actorId) {
        Instant now = clock.instant();
        Optional<Long> organisation = jdbc.sql("SELECT routed_organisation_id FROM referral WHERE id = ?")
                .param(referralId).query(Long.class).optional();
        if (organisation.isEmpty()) {
            return false;
        }
        Map<String, Object> values = new HashMap<>();
        values.put("programme", programmeId);
        values.put("reason", detail.length() > REASON_MAX ? detail.substring(0, REASON_MAX - 1) + "…" : detail);
        if (!moves.make(Move.ALLOCATE_TO_CONTROL, referralId, actorId, now,
                "programme_id = :programme, decision_reason = :reason", values)) {
            return false;
        }
        decided(actorId, referralId, organisation.get(), Move.ALLOCATE_TO_CONTROL.to().name(), detail, now);
        return true;
    }

    /** A line on the referral's timeline saying it was randomised and to which arm (treatment allocations). */
    void allocated(long referralId, String detail, long actorId) {
        if (jdbc.sql("SELECT COUNT(*) FROM referral WHERE id = ?").param(referralId).query(Long.class).single() > 0) {
            timeline.record(referralId, actorId, "TRIAL_ALLOCATED", detail, clock.instant());
        }
    }

    /** A decision on the timeline and in the audit log; the referral has now been received and responded to. */
    private void decided(long actorId, long referralId, long organisationId, String kind, String detail, Instant at) {
        timeline.record(referralId, actorId, kind, detail, at);
        audit.recordChange(kind, "referral", referralId, organisationId, detail);
        referralMilestones.recordReceived(referralId, actorId);
        referralMilestones.recordResponded(referralId, actorId);
    }
}

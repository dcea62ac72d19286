package org.workhealth.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.casework.Casework;
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

/**
 * Triage of referrals: who may triage which referral, opening it, possible duplicates, the
 * timeline, and the four decisions (accept, route, signpost, decline). Every decision is taken
 * only while the referral is still open, and is written to the timeline and the audit log.
 */
@Service
class Triage {

    static final int SIGNPOST_MAX = 200;
    static final int REASON_MAX = 500;

    private static final Set<String> ROUTE_TYPES = Set.of("HUB", "LOCALITY", "PROVIDER");
    private static final String OPEN = "('RECEIVED', 'IN_TRIAGE')";

    enum DuplicateDecision {
        LINKED("Same person — linked"), SEPARATE("Different people — kept separate");

        private final String label;

        DuplicateDecision(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    record TimelineEntry(Instant occurredAt, String kind, String detail, String actorName) {
    }

    record PossibleDuplicate(long id, String reference, String fullName, Instant receivedAt, ReferralStatus status,
            String organisationName, String why, DuplicateDecision decision) {
    }

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

    Triage(JdbcClient jdbc, AccessPolicy access, Organisations organisations, People people, Programmes programmes,
            AuditLog audit, Clock clock, ReferralMilestones referralMilestones, Casework casework) {
        this.referralMilestones = referralMilestones;
        this.casework = casework;
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
                .query(ReferralDetails::map).optional().orElseThrow(OutOfScopeException::new);
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
        int changed = jdbc.sql("UPDATE referral SET status = 'IN_TRIAGE', version = version + 1 WHERE id = ? AND status = 'RECEIVED'")
                .param(referral.id()).update();
        if (changed == 1) {
            event(referral.id(), user, "IN_TRIAGE", "Started triage");
            audit.recordChange("TRIAGE", "referral", referral.id(), referral.routedOrganisationId(), "Started triage");
        }
        return changed == 1;
    }

    List<TimelineEntry> timeline(long referralId) {
        return jdbc.sql("""
                SELECT e.occurred_at, e.kind, e.detail, p.full_name
                FROM referral_event e LEFT JOIN person p ON p.id = e.actor_id
                WHERE e.referral_id = ?
                ORDER BY e.occurred_at DESC, e.id DESC
                """).param(referralId)
                .query((rs, n) -> new TimelineEntry(ReferralDetails.instant(rs, "occurred_at"), rs.getString("kind"),
                        rs.getString("detail"), rs.getString("full_name")))
                .list();
    }

    /**
     * Other referrals, in the person's scope, for the same NHS number or the same name, date of birth and
     * postcode, with any decision already taken on each pair. Ones outside their scope are not shown:
     * that would tell them about a referral they may not see.
     */
    List<PossibleDuplicate> duplicates(CurrentUser user, ReferralDetails referral) {
        Set<Long> scope = access.scope(user);
        // Set-based: the indexes on match_key and nhs_number find the few candidates.
        String orSameNhs = referral.nhsNumber() == null ? "" : " OR r.nhs_number = :nhs";
        return jdbc.sql("""
                SELECT r.id, r.reference, r.first_name, r.last_name, r.received_at, r.status, o.name AS org_name,
                       r.nhs_number, r.match_key, d.decision
                FROM referral r
                JOIN organisation o ON o.id = r.routed_organisation_id
                LEFT JOIN referral_duplicate d
                  ON (d.referral_id = r.id AND d.other_referral_id = :id)
                  OR (d.referral_id = :id AND d.other_referral_id = r.id)
                WHERE r.id <> :id AND r.routed_organisation_id IN (:scope)
                  AND (r.match_key = :matchKey%s)
                ORDER BY r.received_at DESC, r.id DESC
                """.formatted(orSameNhs))
                .param("id", referral.id()).param("scope", scope).param("matchKey", referral.matchKey())
                .params(referral.nhsNumber() == null ? Map.of() : Map.of("nhs", referral.nhsNumber()))
                .query((rs, n) -> {
                    String nhs = rs.getString("nhs_number");
                    boolean sameNhs = nhs != null && nhs.equals(referral.nhsNumber());
                    boolean sameKey = referral.matchKey().equals(rs.getString("match_key"));
                    String why = sameNhs && sameKey ? "Same NHS number, name, date of birth and postcode"
                            : sameNhs ? "Same NHS number" : "Same name, date of birth and postcode";
                    String decision = rs.getString("decision");
                    return new PossibleDuplicate(rs.getLong("id"), rs.getString("reference"),
                            rs.getString("first_name") + " " + rs.getString("last_name"),
                            ReferralDetails.instant(rs, "received_at"), ReferralStatus.valueOf(rs.getString("status")),
                            rs.getString("org_name"), why, decision == null ? null : DuplicateDecision.valueOf(decision));
                })
                .list();
    }

    /**
     * Records staff's judgement on a possible duplicate, on both referrals' timelines. Nothing is merged.
     * @throws OutOfScopeException when the other referral is not a possible duplicate the person can see
     */
    @Transactional
    void decideDuplicate(CurrentUser user, ReferralDetails referral, long otherId, DuplicateDecision decision) {
        PossibleDuplicate other = duplicates(user, referral).stream().filter(d -> d.id() == otherId).findFirst()
                .orElseThrow(OutOfScopeException::new);
        long low = Math.min(referral.id(), otherId);
        long high = Math.max(referral.id(), otherId);
        Timestamp at = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE referral_duplicate SET decision = ?, decided_by = ?, decided_at = ? WHERE referral_id = ? AND other_referral_id = ?")
                .params(decision.name(), user.id(), at, low, high).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO referral_duplicate (referral_id, other_referral_id, decision, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)")
                        .params(low, high, decision.name(), user.id(), at).update();
            } catch (DuplicateKeyException raced) {
                jdbc.sql("UPDATE referral_duplicate SET decision = ?, decided_by = ?, decided_at = ? WHERE referral_id = ? AND other_referral_id = ?")
                        .params(decision.name(), user.id(), at, low, high).update();
            }
        }
        String kind = decision == DuplicateDecision.LINKED ? "DUPLICATE_LINKED" : "DUPLICATE_SEPARATE";
        event(referral.id(), user, kind, decision.label() + " with referral " + other.reference());
        event(otherId, user, kind, decision.label() + " with referral " + referral.reference());
        audit.recordChange(kind, "referral", referral.id(), referral.routedOrganisationId(),
                decision.label() + " with referral " + otherId);
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

    /** Where the person may pass a referral: hubs, localities and providers they see, and the hub above them. */
    List<OrganisationSummary> routeTargets(CurrentUser user, ReferralDetails referral) {
        List<OrganisationSummary> targets = new ArrayList<>(organisations.within(access.scope(user)).stream()
                .filter(o -> ROUTE_TYPES.contains(o.typeCode())).toList());
        hubAbove(user.organisationId()).ifPresent(hub -> {
            if (targets.stream().noneMatch(o -> o.id() == hub.id())) {
                targets.add(0, new OrganisationSummary(hub.id(), hub.name(), hub.typeCode(), "Hub", hub.parentId(),
                        null, hub.odsCode(), 0));
            }
        });
        targets.removeIf(o -> o.id() == referral.routedOrganisationId());
        return targets;
    }

    private Optional<Organisation> hubAbove(long organisationId) {
        Optional<Organisation> current = organisations.find(organisationId);
        while (current.isPresent()) {
            if ("HUB".equals(current.get().typeCode())) {
                return current;
            }
            Long parent = current.get().parentId();
            current = parent == null ? Optional.empty() : organisations.find(parent);
        }
        return Optional.empty();
    }

    /** @return false when the referral was no longer open (someone else decided first) */
    @Transactional
    boolean accept(CurrentUser user, ReferralDetails referral, Programme programme, Acceptance decision,
            PractitionerLoad practitioner) {
        Instant now = clock.instant();
        String cohortName = decision.cohortId() == null ? null : programme.cohorts().stream()
                .filter(c -> c.id().equals(decision.cohortId())).findFirst().map(Programme.Cohort::name).orElse(null);
        int changed = jdbc.sql("UPDATE referral SET status = 'ACCEPTED', programme_id = ?, cohort_id = ?, "
                        + "assigned_person_id = ?, cohort_override_reason = ?, decision_reason = NULL, signposted_to = NULL, "
                        + "decided_at = ?, decided_by = ?, version = version + 1 WHERE id = ? AND status IN " + OPEN)
                .params(programme.id(), decision.cohortId(), practitioner.personId(),
                        blankToNull(decision.cohortOverrideReason()), Timestamp.from(now), user.id(), referral.id())
                .update();
        if (changed == 0) {
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
        if (blankToNull(decision.cohortOverrideReason()) != null) {
            detail.append(". Cohort chosen instead of the suggested one because: ")
                    .append(decision.cohortOverrideReason().strip());
        }
        decided(user, referral, "ACCEPTED", detail.toString(), now);
        referralMilestones.recordReceived(referral.id(), user.id());
        referralMilestones.recordResponded(referral.id(), user.id());
        return true;
    }

    @Transactional
    boolean route(CurrentUser user, ReferralDetails referral, OrganisationSummary to, Programme programme) {
        Instant now = clock.instant();
        // The response clock keeps running: passing a referral on does not buy more time.
        int changed = jdbc.sql("UPDATE referral SET status = 'RECEIVED', routed_organisation_id = ?, programme_id = ?, "
                        + "decided_at = ?, decided_by = ?, version = version + 1 WHERE id = ? AND status IN " + OPEN)
                .params(to.id(), programme == null ? null : programme.id(), Timestamp.from(now), user.id(),
                        referral.id())
                .update();
        if (changed == 0) {
            return false;
        }
        String detail = "Passed from " + referral.routedOrganisationName() + " to " + to.name()
                + (programme == null ? "" : " for " + programme.name());
        decided(user, referral, "ROUTED", detail, now);
        referralMilestones.recordReceived(referral.id(), user.id());
        referralMilestones.recordResponded(referral.id(), user.id());
        return true;
    }

    @Transactional
    boolean signpost(CurrentUser user, ReferralDetails referral, String service) {
        Instant now = clock.instant();
        int changed = jdbc.sql("UPDATE referral SET status = 'SIGNPOSTED', signposted_to = ?, decided_at = ?, "
                        + "decided_by = ?, version = version + 1 WHERE id = ? AND status IN " + OPEN)
                .params(service.strip(), Timestamp.from(now), user.id(), referral.id()).update();
        if (changed == 0) {
            return false;
        }
        decided(user, referral, "SIGNPOSTED", "Signposted to " + service.strip(), now);
        referralMilestones.recordReceived(referral.id(), user.id());
        referralMilestones.recordResponded(referral.id(), user.id());
        return true;
    }

    @Transactional
    boolean decline(CurrentUser user, ReferralDetails referral, String reason) {
        Instant now = clock.instant();
        int changed = jdbc.sql("UPDATE referral SET status = 'DECLINED', decision_reason = ?, decided_at = ?, "
                        + "decided_by = ?, version = version + 1 WHERE id = ? AND status IN " + OPEN)
                .params(reason.strip(), Timestamp.from(now), user.id(), referral.id()).update();
        if (changed == 0) {
            return false;
        }
        decided(user, referral, "DECLINED", "Declined: " + reason.strip(), now);
        referralMilestones.recordReceived(referral.id(), user.id());
        referralMilestones.recordResponded(referral.id(), user.id());
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
        int changed = jdbc.sql("UPDATE referral SET status = 'TRIAL_CONTROL', programme_id = ?, decision_reason = ?, "
                        + "decided_at = ?, decided_by = ?, version = version + 1 WHERE id = ? AND status IN " + OPEN)
                .params(programmeId, detail.length() > REASON_MAX ? detail.substring(0, REASON_MAX - 1) + "…" : detail,
                        Timestamp.from(now), actorId, referralId).update();
        if (changed == 0) {
            return false;
        }
        event(referralId, actorId, "TRIAL_CONTROL", detail, now);
        audit.recordChange("TRIAL_CONTROL", "referral", referralId, organisation.get(), detail);
        referralMilestones.recordReceived(referralId, actorId);
        referralMilestones.recordResponded(referralId, actorId);
        return true;
    }

    /** A line on the referral's timeline saying it was randomised and to which arm (treatment allocations). */
    void allocated(long referralId, String detail, long actorId) {
        if (jdbc.sql("SELECT COUNT(*) FROM referral WHERE id = ?").param(referralId).query(Long.class).single() > 0) {
            event(referralId, actorId, "TRIAL_ALLOCATED", detail, clock.instant());
        }
    }

    private void decided(CurrentUser user, ReferralDetails referral, String kind, String detail, Instant at) {
        event(referral.id(), user.id(), kind, detail, at);
        audit.recordChange(kind, "referral", referral.id(), referral.routedOrganisationId(), detail);
    }

    private void event(long referralId, CurrentUser user, String kind, String detail) {
        event(referralId, user.id(), kind, detail, clock.instant());
    }

    private void event(long referralId, long actorId, String kind, String detail, Instant at) {
        jdbc.sql("INSERT INTO referral_event (referral_id, occurred_at, actor_id, kind, detail) VALUES (?, ?, ?, ?, ?)")
                .params(referralId, Timestamp.from(at), actorId, kind, detail).update();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

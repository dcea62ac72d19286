package org.workhealth.casework;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.CurrentUser;

/**
 * A case's personalised action plan, its versions, sharing with the employer and the reviews it
 * schedules. The plan being worked on is the latest version: a draft is changed in place, while a
 * change to an agreed plan starts the next version so that what the person agreed stays as it was.
 */
@Service
class ActionPlans {

    static final int DEFAULT_REVIEW_WEEKS = 4;

    enum Status { DRAFT, AGREED }

    record PlanAction(String description, ActionOwner owner, LocalDate dueOn, ActionStatus status) {
    }

    record ActionPlan(long id, long caseId, int version, Status status, PlanType type, int reviewIntervalWeeks,
            LocalDate agreedOn, AgreedHow agreedHow, Boolean consentToShare, LocalDate consentRecordedOn,
            List<String> goals, List<PlanAction> actions) {

        public boolean agreed() {
            return status == Status.AGREED;
        }
    }

    /** What the practitioner writes on the plan. */
    record PlanChanges(List<String> goals, List<PlanAction> actions, int reviewIntervalWeeks) {
    }

    record Share(Instant sharedAt, String sharedBy, String employerContact, String employerEmail, int version) {
    }

    enum AgreeResult { AGREED, NOTHING_TO_AGREE }

    enum ShareResult { SHARED, NO_CONSENT, EMPLOYER_CONSENT_WITHDRAWN, NOT_AGREED }

    /** What sharing did; {@code sent} is null unless the plan was shared. */
    record Shared(ShareResult result, CaseMessages.PlanSent sent) {
    }

    private final JdbcClient jdbc;
    private final CaseMilestones milestones;
    private final EmployerContacts employers;
    private final AuditLog audit;
    private final Clock clock;
    private final StaffNames staff;
    private final CaseMessages caseMessages;
    private final CaseSubjects subjects;

    ActionPlans(JdbcClient jdbc, CaseMilestones milestones, EmployerContacts employers, AuditLog audit,
            Clock clock, StaffNames staff, CaseMessages caseMessages, CaseSubjects subjects) {
        this.staff = staff;
        this.caseMessages = caseMessages;
        this.subjects = subjects;
        this.jdbc = jdbc;
        this.employers = employers;
        this.milestones = milestones;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Optional<ActionPlan> latest(long caseId) {
        return jdbc.sql("SELECT * FROM action_plan WHERE case_id = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .param(caseId).query(this::map).optional();
    }

    Optional<ActionPlan> latestAgreed(long caseId) {
        return jdbc.sql("""
                SELECT * FROM action_plan WHERE case_id = ? AND status = 'AGREED'
                ORDER BY version DESC FETCH FIRST 1 ROWS ONLY
                """).param(caseId).query(this::map).optional();
    }

    Optional<ActionPlan> version(long caseId, int version) {
        return jdbc.sql("SELECT * FROM action_plan WHERE case_id = ? AND version = ?").params(caseId, version)
                .query(this::map).optional();
    }

    List<ActionPlan> versions(long caseId) {
        return jdbc.sql("SELECT * FROM action_plan WHERE case_id = ? ORDER BY version DESC").param(caseId)
                .query(this::map).list();
    }

    /** Saves the practitioner's plan as a draft and returns the draft's version. */
    @Transactional
    int saveDraft(SupportCase supportCase, PlanChanges changes, CurrentUser user) {
        lock(supportCase.id());
        Optional<ActionPlan> latest = latest(supportCase.id());
        long planId;
        int version;
        if (latest.isPresent() && !latest.get().agreed()) {
            planId = latest.get().id();
            version = latest.get().version();
            jdbc.sql("UPDATE action_plan SET review_interval_weeks = ? WHERE id = ?")
                    .params(changes.reviewIntervalWeeks(), planId).update();
            jdbc.sql("DELETE FROM plan_goal WHERE plan_id = ?").param(planId).update();
            jdbc.sql("DELETE FROM plan_action WHERE plan_id = ?").param(planId).update();
        } else {
            version = latest.map(p -> p.version() + 1).orElse(1);
            // Consent belongs to the person, not to one version, so the new draft carries it on.
            Boolean consent = latest.map(ActionPlan::consentToShare).orElse(null);
            LocalDate consentOn = latest.map(ActionPlan::consentRecordedOn).orElse(null);
            PlanType type = latest.map(ActionPlan::type).orElse(PlanType.forCase(supportCase));
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO action_plan (case_id, version, status, plan_type, review_interval_weeks,
                                             consent_to_share, consent_recorded_on, created_by, created_at)
                    VALUES (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?)
                    """)
                    .params(supportCase.id(), version, type.name(), changes.reviewIntervalWeeks(), consent,
                            consentOn == null ? null : Date.valueOf(consentOn), user.id(),
                            Timestamp.from(clock.instant()))
                    .update(key, "id");
            planId = key.getKeyAs(Long.class);
        }
        int position = 0;
        for (String goal : changes.goals()) {
            jdbc.sql("INSERT INTO plan_goal (plan_id, position, description) VALUES (?, ?, ?)")
                    .params(planId, position++, goal).update();
        }
        position = 0;
        for (PlanAction action : changes.actions()) {
            jdbc.sql("""
                    INSERT INTO plan_action (plan_id, position, description, owner, due_on, status)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).params(planId, position++, action.description(), action.owner().name(),
                    Date.valueOf(action.dueOn()), action.status().name()).update();
        }
        audit.recordChange("UPDATE", "action-plan", supportCase.id(), supportCase.organisationId(),
                "Draft version " + version + " saved");
        return version;
    }

    /**
     * Marks the draft agreed. The first agreement of a case's plan is the "action plan agreed"
     * milestone; agreeing later versions changes the plan, not the count.
     */
    @Transactional
    AgreeResult agree(SupportCase supportCase, LocalDate agreedOn, AgreedHow how, CurrentUser user) {
        lock(supportCase.id());
        Optional<ActionPlan> latest = latest(supportCase.id());
        if (latest.isEmpty() || latest.get().agreed()) {
            return AgreeResult.NOTHING_TO_AGREE;
        }
        ActionPlan draft = latest.get();
        boolean first = latestAgreed(supportCase.id()).isEmpty();
        jdbc.sql("""
                UPDATE action_plan SET status = 'AGREED', agreed_on = ?, agreed_how = ?, review_due_on = ?
                WHERE id = ?
                """).params(Date.valueOf(agreedOn), how.name(),
                Date.valueOf(agreedOn.plusWeeks(draft.reviewIntervalWeeks())), draft.id()).update();
        if (first) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("plan_type", draft.type().name());
            attributes.put("in_work", String.valueOf(PlanType.inWork(supportCase.employmentStatusAtReferral())));
            attributes.put("agreed_how", how.name());
            milestones.record(supportCase, MilestoneType.ACTION_PLAN_AGREED, agreedOn, attributes, user.id());
        }
        audit.recordChange("AGREE", "action-plan", supportCase.id(), supportCase.organisationId(),
                "Version " + draft.version() + " agreed " + how.name());
        return AgreeResult.AGREED;
    }

    /**
     * Records the person's answer on sharing with their employer, on the latest version: it is
     * the person's choice at the time, not part of what they agreed.
     */
    @Transactional
    void recordConsent(SupportCase supportCase, boolean consent, LocalDate recordedOn) {
        lock(supportCase.id());
        ActionPlan plan = latest(supportCase.id()).orElseThrow();
        jdbc.sql("UPDATE action_plan SET consent_to_share = ?, consent_recorded_on = ? WHERE id = ?")
                .params(consent, Date.valueOf(recordedOn), plan.id()).update();
        audit.recordChange("CONSENT", "action-plan", supportCase.id(), supportCase.organisationId(),
                (consent ? "Consents" : "Does not consent") + " to sharing with the employer");
    }

    /**
     * Shares the latest agreed version with the employer, only when the person has said yes and has not since
     * withdrawn their consent to contact with their employer: the employer contact is emailed the plan and the
     * person gets a copy, in the same transaction.
     */
    @Transactional
    Shared share(SupportCase supportCase, String employerContact, String employerEmail, CurrentUser user) {
        lock(supportCase.id());
        Optional<ActionPlan> latest = latest(supportCase.id());
        if (latest.isEmpty() || !Boolean.TRUE.equals(latest.get().consentToShare())) {
            return new Shared(ShareResult.NO_CONSENT, null);
        }
        if (employers.latestChange(supportCase.id())
                .filter(c -> c.kind() == EmployerContacts.ConsentKind.WITHDRAWN).isPresent()) {
            return new Shared(ShareResult.EMPLOYER_CONSENT_WITHDRAWN, null);
        }
        Optional<ActionPlan> agreed = latestAgreed(supportCase.id());
        if (agreed.isEmpty()) {
            return new Shared(ShareResult.NOT_AGREED, null);
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO plan_share (case_id, version, shared_at, shared_by, employer_contact, employer_email)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(supportCase.id(), agreed.get().version(), Timestamp.from(clock.instant()), user.id(),
                employerContact, employerEmail).update(key, "id");
        audit.recordChange("SHARE", "action-plan", supportCase.id(), supportCase.organisationId(),
                "Version " + agreed.get().version() + " shared with the employer");
        CaseMessages.PlanSent sent = caseMessages.planShared(supportCase, key.getKeyAs(Long.class),
                agreed.get().actions(), employerContact, employerEmail, subjects.fullName(supportCase));
        return new Shared(ShareResult.SHARED, sent);
    }

    List<Share> shares(long caseId) {
        return staff.name(jdbc.sql("""
                SELECT s.shared_at, s.shared_by, s.employer_contact, s.employer_email, s.version
                FROM plan_share s
                WHERE s.case_id = ? ORDER BY s.shared_at DESC, s.id DESC
                """).param(caseId).query((rs, n) -> {
                    Instant at = rs.getTimestamp(1).toInstant();
                    String contact = rs.getString(3);
                    String email = rs.getString(4);
                    int version = rs.getInt(5);
                    return new Unnamed<>(rs.getLong(2),
                            name -> new Share(at, name, contact, email, version));
                }).list());
    }

    /** Serialises changes to one case's plan, so two saves cannot both start version n + 1. */
    void lock(long caseId) {
        jdbc.sql("SELECT id FROM support_case WHERE id = ? FOR UPDATE").param(caseId).query(Long.class).single();
    }

    private ActionPlan map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        boolean consent = rs.getBoolean("consent_to_share");
        Boolean consentToShare = rs.wasNull() ? null : consent;
        Date agreedOn = rs.getDate("agreed_on");
        Date consentOn = rs.getDate("consent_recorded_on");
        String how = rs.getString("agreed_how");
        List<String> goals = jdbc.sql("SELECT description FROM plan_goal WHERE plan_id = ? ORDER BY position")
                .param(id).query(String.class).list();
        List<PlanAction> actions = jdbc.sql("""
                SELECT description, owner, due_on, status FROM plan_action WHERE plan_id = ? ORDER BY position
                """).param(id).query((a, n) -> new PlanAction(a.getString(1), ActionOwner.valueOf(a.getString(2)),
                a.getDate(3).toLocalDate(), ActionStatus.valueOf(a.getString(4)))).list();
        return new ActionPlan(id, rs.getLong("case_id"), rs.getInt("version"), Status.valueOf(rs.getString("status")),
                PlanType.valueOf(rs.getString("plan_type")), rs.getInt("review_interval_weeks"),
                agreedOn == null ? null : agreedOn.toLocalDate(), how == null ? null : AgreedHow.valueOf(how),
                consentToShare, consentOn == null ? null : consentOn.toLocalDate(), goals, actions);
    }
}

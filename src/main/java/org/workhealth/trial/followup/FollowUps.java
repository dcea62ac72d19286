package org.workhealth.trial.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.audit.AuditedRecord;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.referral.ReferralReferences;
import org.workhealth.research.ResearchConsent;
import org.workhealth.research.ResearchConsents;
import org.workhealth.trial.Trial;
import org.workhealth.trial.TrialUnit;
import org.workhealth.trial.Trials;

/**
 * The research team's follow-up: the due list (both arms alike) and recording the outcome at each point. Only the
 * roles the trial allows to see allocations, within its owner's scope; people whose research consent withdrawal
 * covers further contact are left off the list (counted, not named).
 */
@Service
public class FollowUps {

    public static final int PAGE_SIZE = 50;

    /** An outcome refused for a reason that belongs next to one of the form's fields. */
    public static class RefusedException extends RuntimeException {
        private final String field;

        RefusedException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** One line of the list: the point, its status today and the unit's reference. */
    public record Row(FollowUpPoint point, FollowUpStatus status, String reference) {
    }

    /**
     * A page of the list, how many match, how many people are not to be contacted, and the outstanding points by
     * week and arm (over the whole trial, not just this page).
     */
    public record DueList(List<Row> rows, int total, int page, int pages, int notToBeContacted,
            Map<Integer, Map<String, Integer>> outstandingByWeekAndArm) {
    }

    private final FollowUpRepository points;
    private final Trials trials;
    private final ResearchConsents consents;
    private final ReferralReferences references;
    private final AuditLog audit;
    private final Clock clock;

    FollowUps(FollowUpRepository points, Trials trials, ResearchConsents consents, ReferralReferences references,
            AuditLog audit, Clock clock) {
        this.points = points;
        this.trials = trials;
        this.consents = consents;
        this.references = references;
        this.audit = audit;
        this.clock = clock;
    }

    /** The trial, for those who may see its allocations; anyone else gets "not found". */
    public Trial trial(CurrentUser user, long trialId) {
        Trial trial = trials.visible(user, trialId);
        if (!trials.maySeeAllocations(user, trial)) {
            throw new OutOfScopeException();
        }
        return trial;
    }

    public DueList dueList(CurrentUser user, long trialId, Show show, Integer week, int page) {
        Trial trial = trial(user, trialId);
        LocalDate today = LocalDate.now(clock);
        Set<Long> noContact = noContact(trial);
        List<FollowUpPoint> all = points.points(trial.id());
        List<FollowUpPoint> contactable = all.stream().filter(p -> !noContact.contains(p.unitId())).toList();
        int notToBeContacted = (int) all.stream().map(FollowUpPoint::unitId).filter(noContact::contains)
                .distinct().count();
        Map<Integer, Map<String, Integer>> byWeekAndArm = new TreeMap<>();
        for (FollowUpPoint p : contactable) {
            if (p.status(today).outstanding()) {
                byWeekAndArm.computeIfAbsent(p.week(), w -> new TreeMap<>()).merge(p.armCode(), 1, Integer::sum);
            }
        }
        List<FollowUpPoint> matching = contactable.stream()
                .filter(p -> show.includes(p.status(today)) && (week == null || p.week() == week)).toList();
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        List<FollowUpPoint> shown = matching.subList((current - 1) * PAGE_SIZE,
                Math.min(matching.size(), current * PAGE_SIZE));
        Map<Long, String> refs = referencesOf(trial, shown.stream().map(FollowUpPoint::unitId).toList());
        audit.recordListView("trial_follow_ups", AuditedRecord.all(unitType(trial),
                shown.stream().map(FollowUpPoint::unitId).toList()));
        return new DueList(shown.stream().map(p -> new Row(p, p.status(today), refs.get(p.unitId()))).toList(),
                matching.size(), current, pages, notToBeContacted, byWeekAndArm);
    }

    /** One point of the trial, audited as a view of the allocation. */
    public Row point(CurrentUser user, Trial trial, long allocationId, int week) {
        FollowUpPoint point = find(user, trial, allocationId, week);
        audit.recordView("trial_allocation", allocationId, trial.ownerOrganisationId());
        return new Row(point, point.status(LocalDate.now(clock)), reference(trial, point.unitId()));
    }

    public String reference(Trial trial, long unitId) {
        return referencesOf(trial, List.of(unitId)).get(unitId);
    }

    /**
     * Records the outcome at a point, or corrects one already recorded ({@code correctionReason} then required;
     * the values it replaces go into the audit entry).
     *
     * @throws RefusedException for a date before randomisation, after a "no further data" withdrawal, or a
     *                          correction without a reason
     */
    @Transactional
    public void record(CurrentUser user, Trial trial, long allocationId, int week, Outcome outcome,
            String correctionReason) {
        find(user, trial, allocationId, week);
        points.lock(allocationId, week);
        FollowUpPoint current = points.point(trial.id(), allocationId, week).orElseThrow();
        LocalDate allocatedOn = LocalDate.ofInstant(current.allocatedAt(), clock.getZone());
        if (!outcome.lost()) {
            if (outcome.assessedOn().isBefore(allocatedOn)) {
                throw new RefusedException("assessedOn", "Date assessed must be on or after the date of randomisation, "
                        + org.workhealth.govuk.DateAnswer.format(allocatedOn));
            }
            if (outcome.jobStartedOn() != null && outcome.jobStartedOn().isBefore(allocatedOn)) {
                throw new RefusedException("jobStartedOn", "Job start date must be on or after the date of "
                        + "randomisation, " + org.workhealth.govuk.DateAnswer.format(allocatedOn));
            }
        }
        Optional<ResearchConsent> consent = trial.unit() == TrialUnit.PARTICIPANT
                ? consents.of(trial.code(), current.unitId()) : Optional.empty();
        if (consent.isPresent() && consent.get().withdrawn() && !outcome.lost()) {
            ResearchConsent c = consent.get();
            if (c.noCollectedData()) {
                throw new RefusedException("result", "This person withdrew the use of all their data for the study on "
                        + org.workhealth.govuk.DateAnswer.format(c.withdrawnOn()) + ": no outcome can be recorded");
            }
            if (c.noFurtherData() && outcome.assessedOn().isAfter(c.withdrawnOn())) {
                throw new RefusedException("assessedOn", "This person withdrew from further data collection on "
                        + org.workhealth.govuk.DateAnswer.format(c.withdrawnOn())
                        + ": an outcome assessed after that date cannot be recorded");
            }
        }
        if (current.recorded() && (correctionReason == null || correctionReason.isBlank())) {
            throw new RefusedException("correctionReason", "Enter why the recorded outcome is being corrected");
        }
        points.save(allocationId, week, outcome, user.id(), clock.instant());
        String what = "Week " + week + ": " + (outcome.lost() ? "lost to follow-up" : "outcome recorded");
        if (current.recorded()) {
            audit.recordChange("CORRECT_OUTCOME", "trial_allocation", allocationId, trial.ownerOrganisationId(),
                    what + ". Reason: " + correctionReason + ". Was: " + current.describe());
        } else {
            audit.recordChange("RECORD_OUTCOME", "trial_allocation", allocationId, trial.ownerOrganisationId(), what);
        }
    }

    private FollowUpPoint find(CurrentUser user, Trial trial, long allocationId, int week) {
        if (!trials.maySeeAllocations(user, trial)) {
            throw new OutOfScopeException();
        }
        return points.point(trial.id(), allocationId, week).orElseThrow(OutOfScopeException::new);
    }

    /** Participants whose withdrawal covers further contact; employer trials have no research consent. */
    private Set<Long> noContact(Trial trial) {
        if (trial.unit() != TrialUnit.PARTICIPANT) {
            return Set.of();
        }
        return consents.withdrawals(trial.code()).values().stream().filter(ResearchConsent::noContact)
                .map(ResearchConsent::referralId).collect(Collectors.toSet());
    }

    private Map<Long, String> referencesOf(Trial trial, List<Long> unitIds) {
        if (trial.unit() == TrialUnit.PARTICIPANT) {
            return references.of(unitIds);
        }
        return unitIds.stream().distinct().collect(Collectors.toMap(id -> id, id -> "Employer " + id));
    }

    private static String unitType(Trial trial) {
        return trial.unit() == TrialUnit.PARTICIPANT ? "referral" : "employer";
    }
}

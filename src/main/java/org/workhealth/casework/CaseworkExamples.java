package org.workhealth.casework;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.calendar.WorkingDays;
import org.workhealth.casework.ActionPlans.PlanAction;
import org.workhealth.casework.CaseOutcomes.NewOutcome;
import org.workhealth.casework.Measures.Point;
import org.workhealth.classification.SicSection;
import org.workhealth.milestone.Milestones;
import org.workhealth.organisation.CurrentUser;

/**
 * Example casework for the demo data: on cases just opened, plays out the weeks since they opened through
 * the casework services, so that every milestone (engagement, action plan agreed, job start, measure
 * improved, exit) is written by the one piece of code that writes it.
 *
 * <p>What a case gets depends on how long ago it opened: the first one-to-one two days after opening
 * (attended, with baseline PHQ-9 and GAD-7, or still to come), an appointment every fortnight, an action
 * plan agreed a week after the first appointment, a review every four weeks, and one planned appointment
 * ahead (today for the first few open cases, then spread over the next weeks). One case with an agreed plan
 * misses its review, and one has an action overdue, so the practitioner's home shows both.
 *
 * <p>Dates of past steps are passed to the services as a practitioner would enter them later; measures are
 * always taken "today", so they are taken on a {@link CaseMeasures} whose clock is stopped at the day.
 */
@Service
public class CaseworkExamples {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Working days ahead of each open case's next appointment, in turn; then the times of day. */
    private static final int[] NEXT_IN_WORKING_DAYS = {0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 18};
    private static final LocalTime[] TIMES = {LocalTime.of(9, 30), LocalTime.of(11, 0), LocalTime.of(13, 30),
            LocalTime.of(15, 0), LocalTime.of(10, 15)};
    /** Times of first appointments, apart from the {@link #TIMES} of the others. */
    private static final LocalTime[] FIRST_TIMES = {LocalTime.of(12, 15), LocalTime.of(16, 0), LocalTime.of(14, 15)};
    private static final String PLACE = "Community hub, meeting room 2";
    private static final AppointmentChannel[] CHANNELS = {AppointmentChannel.FACE_TO_FACE, AppointmentChannel.PHONE,
            AppointmentChannel.FACE_TO_FACE, AppointmentChannel.VIDEO};

    /** What the examples made, for the practitioner. */
    public record Played(int openCases, int appointmentsToday, int appointmentsAhead, int plansAgreed,
            int reviewsOverdue, int jobStarts, int closed, int engaged) {
    }

    private final Casework casework;
    private final Appointments appointments;
    private final ActionPlans plans;
    private final CaseReviews caseReviews;
    private final CaseOutcomes outcomes;
    private final CaseExits exits;
    private final Measures measures;
    private final CaseMilestones caseMilestones;
    private final Milestones milestones;
    private final AuditLog audit;
    private final WorkingDays workingDays;
    private final Clock clock;

    CaseworkExamples(Casework casework, Appointments appointments, ActionPlans plans, CaseOutcomes outcomes,
            CaseExits exits, Measures measures, CaseMilestones caseMilestones, Milestones milestones, AuditLog audit,
            WorkingDays workingDays, Clock clock, CaseReviews caseReviews) {
        this.caseReviews = caseReviews;
        this.casework = casework;
        this.appointments = appointments;
        this.plans = plans;
        this.outcomes = outcomes;
        this.exits = exits;
        this.measures = measures;
        this.caseMilestones = caseMilestones;
        this.milestones = milestones;
        this.audit = audit;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /**
     * Plays out the cases' history, as the practitioner who holds them.
     *
     * @param jobStarts how many cases, oldest first, have found paid work
     * @param closed    how many of the oldest cases are closed: the first because the person moved into work
     *                  (one of the job starts, when there are any), the rest because the person withdrew
     */
    @Transactional
    public Played playOut(CurrentUser practitioner, List<Long> caseIds, int jobStarts, int closed) {
        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        List<SupportCase> cases = new ArrayList<>(caseIds.stream()
                .map(id -> casework.find(id).orElseThrow(() -> new IllegalArgumentException("No case " + id)))
                .toList());
        cases.sort(Comparator.comparing(SupportCase::openedOn).thenComparing(SupportCase::id));
        int open = 0;
        int todayCount = 0;
        int ahead = 0;
        int agreed = 0;
        int overdueReviews = 0;
        int started = 0;
        int closedCount = 0;
        int engaged = 0;
        boolean reviewMissed = false;
        boolean actionLate = false;
        for (int i = 0; i < cases.size(); i++) {
            SupportCase c = cases.get(i);
            boolean outOfWork = !CaseOutcomes.inWorkAtReferral(c);
            boolean closes = i < closed;
            boolean movesIntoWork = closes && i == 0 && jobStarts > 0 && outOfWork;
            boolean startsJob = movesIntoWork || (!closes && started < jobStarts && outOfWork);

            LocalDate first = workingDayOnOrAfter(c.openedOn().plusDays(2));
            if (!first.isBefore(today)) {
                // Not seen yet: the first appointment is the one ahead.
                LocalDateTime at = first.atTime(FIRST_TIMES[open % FIRST_TIMES.length]);
                appointments.plan(practitioner, c, at, AppointmentChannel.FACE_TO_FACE, PLACE, true);
                todayCount += first.equals(today) ? 1 : 0;
                ahead += first.equals(today) ? 0 : 1;
                open++;
                continue;
            }
            attend(practitioner, c, first.atTime(LocalTime.of(10, 0)));
            engaged++;
            measuresAt(practitioner, c, Point.BASELINE, first, 0);
            // Fortnightly appointments since, up to today or the day the case closes.
            LocalDate until = closes && closeDay(c, movesIntoWork).isBefore(today) ? closeDay(c, movesIntoWork) : today;
            for (LocalDate day = workingDayOnOrAfter(first.plusWeeks(2)); day.isBefore(until);
                    day = workingDayOnOrAfter(day.plusWeeks(2))) {
                int turn = i + day.getDayOfYear();
                AppointmentChannel channel = CHANNELS[turn % CHANNELS.length];
                long id = appointments.plan(practitioner, c, day.atTime(TIMES[turn % TIMES.length]), channel,
                        channel == AppointmentChannel.FACE_TO_FACE ? PLACE : null, true);
                appointments.recordOutcome(practitioner, c, id,
                        turn % 6 == 5 ? AppointmentOutcome.DID_NOT_ATTEND : AppointmentOutcome.ATTENDED);
            }

            LocalDate agreedOn = workingDayOnOrAfter(first.plusWeeks(1));
            boolean planned = agreedOn.isBefore(today.minusDays(6));
            if (planned) {
                boolean lateAction = !actionLate && !closes && !startsJob && ChronoUnit.DAYS.between(agreedOn, today) > 21;
                actionLate |= lateAction;
                plan(practitioner, c, agreedOn, today, lateAction);
                agreed++;
                boolean missReview = !reviewMissed && !closes && !startsJob && !lateAction
                        && ChronoUnit.DAYS.between(agreedOn, today) > 35;
                reviewMissed |= missReview;
                if (missReview) {
                    overdueReviews++;
                } else {
                    int reviews = 0;
                    for (LocalDate review = agreedOn.plusWeeks(ActionPlans.DEFAULT_REVIEW_WEEKS);
                            review.isBefore(closes ? until : today.minusDays(2));
                            review = review.plusWeeks(ActionPlans.DEFAULT_REVIEW_WEEKS)) {
                        LocalDate on = workingDayOnOrAfter(review);
                        caseReviews.recordReview(c, on, reviewNote(reviews), outOfWork ? null : Boolean.TRUE,
                                practitioner);
                        if (reviews == 0) {
                            // Most improve; every third has not changed yet.
                            measuresAt(practitioner, c, Point.REVIEW, on, i % 3 == 1 ? 0 : 1 + i % 2);
                        }
                        reviews++;
                    }
                }
            }

            if (startsJob) {
                LocalDate startDay = workingDayOnOrAfter(c.openedOn().plusDays(movesIntoWork ? 50 : 14 + 7 * started));
                if (startDay.isBefore(today)) {
                    outcomes.record(practitioner, c, job(started, startDay));
                    started++;
                }
            }
            if (closes) {
                LocalDate exitDay = closeDay(c, movesIntoWork);
                if (exitDay.isBefore(today) && exits.exit(practitioner, c, movesIntoWork ? ExitReason.MOVED_INTO_WORK
                        : ExitReason.WITHDREW, null, exitDay)) {
                    closedCount++;
                    continue;
                }
            }

            int slot = NEXT_IN_WORKING_DAYS[open % NEXT_IN_WORKING_DAYS.length];
            LocalDate next = slot == 0 ? workingDayOnOrAfter(today) : addWorkingDays(today, slot);
            appointments.plan(practitioner, c, next.atTime(TIMES[open % TIMES.length]), CHANNELS[open % CHANNELS.length],
                    CHANNELS[open % CHANNELS.length] == AppointmentChannel.FACE_TO_FACE ? PLACE : null, true);
            if (next.equals(today)) {
                todayCount++;
            } else {
                ahead++;
            }
            open++;
        }
        return new Played(open, todayCount, ahead, agreed, overdueReviews, started, closedCount, engaged);
    }

    /** The first one-to-one, attended: the engagement milestone follows from recording it. */
    private void attend(CurrentUser practitioner, SupportCase c, LocalDateTime at) {
        long id = appointments.plan(practitioner, c, at, AppointmentChannel.FACE_TO_FACE, PLACE, true);
        appointments.recordOutcome(practitioner, c, id, AppointmentOutcome.ATTENDED);
    }

    private void plan(CurrentUser practitioner, SupportCase c, LocalDate agreedOn, LocalDate today, boolean lateAction) {
        boolean inWork = CaseOutcomes.inWorkAtReferral(c);
        List<String> goals = inWork
                ? List.of("Stay in work with changes my employer agrees to", "Manage my health day to day")
                : List.of("Find paid work that suits my health", "Feel more confident at interviews");
        List<PlanAction> actions = new ArrayList<>();
        actions.add(action(inWork ? "Write down what I need to change at work" : "Update my CV with the coach",
                ActionOwner.PARTICIPANT, agreedOn.plusWeeks(1), today, false));
        actions.add(action(inWork ? "Meet the employer with the person to agree adjustments"
                        : "Find three vacancies to apply for", inWork ? ActionOwner.PRACTITIONER : ActionOwner.PARTICIPANT,
                agreedOn.plusWeeks(3), today, lateAction));
        actions.add(action("Book a talking therapies assessment", ActionOwner.OTHER_SERVICE, agreedOn.plusWeeks(6),
                today, false));
        plans.saveDraft(c, new ActionPlans.PlanChanges(goals, actions, ActionPlans.DEFAULT_REVIEW_WEEKS), practitioner);
        plans.agree(c, agreedOn, AgreedHow.IN_PERSON, practitioner);
    }

    private static PlanAction action(String description, ActionOwner owner, LocalDate due, LocalDate today,
            boolean late) {
        ActionStatus status = late ? ActionStatus.IN_PROGRESS
                : due.isBefore(today) ? ActionStatus.DONE : ActionStatus.NOT_STARTED;
        return new PlanAction(description, owner, due, status);
    }

    /** PHQ-9 and GAD-7 taken on the day, as they would have been: lower {@code better} scores less. */
    private void measuresAt(CurrentUser practitioner, SupportCase c, Point point, LocalDate on, int better) {
        CaseMeasures onTheDay = new CaseMeasures(measures, appointments, caseMilestones, milestones, audit,
                Clock.fixed(on.atTime(LocalTime.of(10, 30)).atZone(LONDON).toInstant(), LONDON));
        for (String code : new String[] {"PHQ9", "GAD7"}) {
            measures.findByCode(code).ifPresent(measure -> {
                Map<Integer, Integer> answers = new LinkedHashMap<>();
                for (Measure.Question question : measure.questions()) {
                    int wanted = Math.max(0, (question.position() % 3 == 0 ? 3 : 2) - better);
                    int value = question.alerts(wanted) || !question.offers(wanted) ? 0 : wanted;
                    answers.put(question.position(), value);
                }
                onTheDay.take(c, measure, point, answers, practitioner);
            });
        }
    }

    private static NewOutcome job(int n, LocalDate on) {
        String[][] jobs = {{"Castle Retail Ltd", "Customer assistant", "G", "16"},
                {"Irwell Valley Logistics", "Warehouse operative", "H", "30"},
                {"Pennine Care Homes", "Care assistant", "Q", "24"}};
        String[] job = jobs[n % jobs.length];
        return new NewOutcome(OutcomeKind.JOB_START, on, job[0], job[1], SicSection.valueOf(job[2]),
                new BigDecimal(job[3]), JobContractType.PERMANENT, Boolean.TRUE, null,
                "Offer letter seen by the practitioner");
    }

    private LocalDate closeDay(SupportCase c, boolean movedIntoWork) {
        return workingDayOnOrAfter(c.openedOn().plusDays(movedIntoWork ? 71 : 40));
    }

    private static String reviewNote(int n) {
        return switch (n % 3) {
            case 0 -> "Good progress on the plan; sleeping better and attending every session.";
            case 1 -> "A difficult month with health, but kept going with applications.";
            default -> "Plan reviewed together; next steps agreed.";
        };
    }


    private LocalDate workingDayOnOrAfter(LocalDate day) {
        LocalDate working = day;
        while (!workingDays.isWorkingDay(working)) {
            working = working.plusDays(1);
        }
        return working;
    }

    private LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (workingDays.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}

package org.workhealth.retention;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.audit.AuditLog;
import org.workhealth.govuk.Choices;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/**
 * The retention schedule and the reports of erasure runs, for administrators; national administrators change
 * periods and start a run by hand.
 */
@Controller
class RetentionController {

    record PeriodForm(String value, String unit) {
    }

    record PeriodRow(String kind, String code, String keptFor, String basis, String changed) {
    }

    record RunRow(long id, String started, String trigger, String erased, String heldBack, String finished) {
    }

    record CountRow(String kind, String cutoff, String erased, String heldBack) {
    }

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK);
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final RetentionSchedule schedule;
    private final RetentionRuns runs;
    private final RetentionJob job;
    private final AccessPolicy access;
    private final Organisations organisations;
    private final AuditLog audit;
    private final java.time.Clock clock;

    RetentionController(RetentionSchedule schedule, RetentionRuns runs, RetentionJob job, AccessPolicy access,
            Organisations organisations, AuditLog audit, java.time.Clock clock) {
        this.schedule = schedule;
        this.runs = runs;
        this.job = job;
        this.access = access;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("value", "unit");
    }

    @GetMapping("/admin/retention")
    String show(CurrentUser user, Model model) {
        requireAdministrator(user);
        boolean national = national(user);
        model.addAttribute("national", national);
        model.addAttribute("periods", schedule.periods().stream().map(p -> new PeriodRow(p.kind().label(),
                p.kind().name(), p.text(), p.basis(),
                p.updatedAt() == null ? "Not changed" : when(p.updatedAt()) + " by " + p.updatedBy())).toList());
        Set<Long> scope = access.scope(user);
        model.addAttribute("runs", runs.latest().stream().filter(r -> visible(r, scope, user)).map(r -> new RunRow(
                r.id(), when(r.startedAt()), r.trigger().label(), String.valueOf(r.erased()),
                String.valueOf(r.heldBack()), r.finishedAt() == null ? "Not finished" : when(r.finishedAt())))
                .toList());
        return "retention/schedule";
    }

    @GetMapping("/admin/retention/periods/{kind}")
    String editPeriod(CurrentUser user, @PathVariable String kind, Model model) {
        RetentionPeriod period = schedule.period(requireNational(user, kind));
        model.addAttribute("form", new PeriodForm(String.valueOf(period.value()), period.unit().name()));
        return periodPage(period, model);
    }

    @PostMapping("/admin/retention/periods/{kind}")
    String changePeriod(CurrentUser user, @PathVariable String kind, @ModelAttribute("form") PeriodForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        RetentionPeriod period = schedule.period(requireNational(user, kind));
        Integer value = parse(form.value());
        if (value == null || value < 1 || value > 100_000) {
            result.rejectValue("value", "invalid", "Enter how long to keep them, as a whole number from 1");
        }
        ChronoUnit unit = RetentionSchedule.UNITS.stream().filter(u -> u.name().equals(form.unit())).findFirst()
                .orElse(null);
        if (unit == null) {
            result.rejectValue("unit", "required", "Select days, months or years");
        }
        if (result.hasErrors()) {
            return periodPage(period, model);
        }
        schedule.change(user, period.kind(), value, unit);
        redirect.addFlashAttribute("notice", period.kind().label() + " are now kept for "
                + schedule.period(period.kind()).text());
        return "redirect:/admin/retention";
    }

    @PostMapping("/admin/retention/run")
    String runNow(CurrentUser user) {
        if (!national(user)) {
            throw new OutOfScopeException();
        }
        long runId = job.run(RetentionRun.Trigger.BY_HAND, user, clock.instant());
        return "redirect:/admin/retention/runs/" + runId;
    }

    @GetMapping("/admin/retention/runs/{id}")
    String report(CurrentUser user, @PathVariable long id, Model model) {
        requireAdministrator(user);
        RetentionRun run = runs.find(id).filter(r -> visible(r, access.scope(user), user))
                .orElseThrow(OutOfScopeException::new);
        model.addAttribute("run", run);
        model.addAttribute("started", when(run.startedAt()));
        model.addAttribute("finished", run.finishedAt() == null ? "Not finished" : when(run.finishedAt()));
        model.addAttribute("counts", run.counts().stream().map(c -> new CountRow(c.kind().label(),
                c.cutoff() == null ? "On request" : "Before " + when(c.cutoff()), String.valueOf(c.erased()),
                String.valueOf(c.heldBack()))).toList());
        model.addAttribute("backLink", "/admin/retention");
        return "retention/run";
    }

    private String periodPage(RetentionPeriod period, Model model) {
        PeriodForm form = (PeriodForm) model.getAttribute("form");
        model.addAttribute("period", period);
        model.addAttribute("unitItems", Choices.options(RetentionSchedule.UNITS, ChronoUnit::name,
                u -> u.name().charAt(0) + u.name().substring(1).toLowerCase(Locale.ROOT), null,
                form.unit() == null ? List.of() : List.of(form.unit())));
        model.addAttribute("backLink", "/admin/retention");
        return "retention/period";
    }

    private RetentionKind requireNational(CurrentUser user, String kind) {
        if (!national(user)) {
            throw new OutOfScopeException();
        }
        try {
            return RetentionKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new OutOfScopeException();
        }
    }

    private static void requireAdministrator(CurrentUser user) {
        if (!user.has(Permission.MANAGE_RETENTION)) {
            throw new OutOfScopeException();
        }
    }

    /** A national administrator: the retention role at the national organisation, which sees the whole country. */
    private boolean national(CurrentUser user) {
        return user.has(Permission.MANAGE_RETENTION) && organisations.find(user.organisationId())
                .map(o -> "NATIONAL".equals(o.typeCode())).orElse(false);
    }

    /** Nightly and by-hand runs concern everyone's records; a run on request belongs to the record's owner. */
    private static boolean visible(RetentionRun run, Set<Long> scope, CurrentUser user) {
        return run.trigger() != RetentionRun.Trigger.ON_REQUEST || run.organisationId() == null
                || scope.contains(run.organisationId());
    }

    static String when(Instant instant) {
        return WHEN.format(instant.atZone(LONDON)).replace("AM", "am").replace("PM", "pm");
    }

    private static Integer parse(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

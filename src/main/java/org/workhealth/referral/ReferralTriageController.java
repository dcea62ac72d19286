package org.workhealth.referral;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.govuk.Choices;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.programme.Programme;
import org.workhealth.referral.internal.ReferralSource;

/** A referral as triage sees it: the answers, eligibility, possible duplicates, decisions and timeline. */
@Controller
class ReferralTriageController {

    record TimelineItem(String when, String title, String detail, String who) {
    }

    record DuplicateItem(long id, String reference, String fullName, String received, ReferralStatus status,
            String organisationName, String why, String decision) {
    }

    private final Triage triage;
    private final EligibilityCheck eligibility;
    private final List<TriageTrialLinks> trialLinks;
    private final TriageDuplicates duplicates;
    private final ReferralTimeline timeline;

    ReferralTriageController(Triage triage, EligibilityCheck eligibility, List<TriageTrialLinks> trialLinks,
            TriageDuplicates duplicates, ReferralTimeline timeline) {
        this.triage = triage;
        this.duplicates = duplicates;
        this.timeline = timeline;
        this.eligibility = eligibility;
        this.trialLinks = trialLinks;
    }

    @GetMapping("/referrals/{id}")
    String show(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String programmeId,
            Model model) {
        // Looking changes nothing but the audit log: triage starts only when a triager presses "Start triage".
        ReferralDetails referral = triage.view(user, id);
        Instant now = triage.now();
        ZoneId zone = triage.zone();
        model.addAttribute("referral", referral);
        model.addAttribute("received", TriageViews.dateTime(referral.receivedAt(), zone));
        model.addAttribute("due", TriageViews.dateTime(referral.responseDueAt(), zone));
        model.addAttribute("overdue", referral.overdueAt(now));
        model.addAttribute("decided", TriageViews.dateTime(referral.decidedAt(), zone));
        model.addAttribute("sections", TriageViews.answers(referral));

        List<Programme> programmes = triage.programmesFor(user);
        Optional<Programme> programme = chosenProgramme(programmeId, referral, programmes);
        model.addAttribute("programmeItems", Choices.select(null, programmes, Programme::id, Programme::name,
                programme.map(Programme::id).orElse(null)));
        model.addAttribute("programme", programme.orElse(null));
        model.addAttribute("outcomes", programme.map(p -> eligibility.assess(id, p.id())).orElse(List.of()));
        model.addAttribute("suggestion", programme.flatMap(p -> eligibility.suggestCohort(id, p.id())).orElse(null));
        model.addAttribute("trialLink", programme.flatMap(p -> trialLinks.stream()
                .flatMap(links -> links.forReferral(id, p.id()).stream()).findFirst()).orElse(null));

        model.addAttribute("duplicates", duplicates.of(user, referral).stream()
                .map(d -> new DuplicateItem(d.id(), d.reference(), d.fullName(),
                        TriageViews.dateTime(d.receivedAt(), zone), d.status(), d.organisationName(), d.why(),
                        d.decision() == null ? null : d.decision().label()))
                .toList());
        model.addAttribute("timeline", timeline.of(id).stream()
                .map(e -> new TimelineItem(TriageViews.dateTime(e.occurredAt(), zone), title(e.kind()), e.detail(),
                        e.actorName() == null ? (referral.source() == ReferralSource.PUBLIC ? "The person, online" : "System")
                                : e.actorName()))
                .toList());
        model.addAttribute("backLink", "/triage");
        return "referral/triage-referral";
    }

    @PostMapping("/referrals/{id}/start-triage")
    String startTriage(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        ReferralDetails referral = triage.triageable(user, id);
        boolean started = triage.startTriage(user, referral);
        redirect.addFlashAttribute("notice", started ? "Triage started: the referral shows as in triage with you"
                : "Triage of this referral had already started or it has been decided");
        return "redirect:/referrals/" + id;
    }

    @PostMapping("/referrals/{id}/duplicates/{otherId}")
    String decideDuplicate(CurrentUser user, @PathVariable long id, @PathVariable long otherId,
            @RequestParam(required = false) String decision, RedirectAttributes redirect) {
        ReferralDetails referral = triage.triageable(user, id);
        TriageDuplicates.DuplicateDecision chosen;
        try {
            chosen = TriageDuplicates.DuplicateDecision.valueOf(String.valueOf(decision));
        } catch (IllegalArgumentException e) {
            throw new OutOfScopeException();
        }
        duplicates.decide(user, referral, otherId, chosen);
        redirect.addFlashAttribute("notice", "Recorded: " + chosen.label().toLowerCase(java.util.Locale.UK) + ".");
        return "redirect:/referrals/" + id + "#duplicates";
    }

    /** The programme asked for, else the one already chosen, else the first the person works with. */
    private static Optional<Programme> chosenProgramme(String asked, ReferralDetails referral,
            List<Programme> programmes) {
        if (asked != null && !asked.isBlank()) {
            return Optional.of(programmes.stream().filter(p -> String.valueOf(p.id()).equals(asked.strip()))
                    .findFirst().orElseThrow(OutOfScopeException::new));
        }
        if (referral.programmeId() != null) {
            Optional<Programme> current = programmes.stream().filter(p -> p.id().equals(referral.programmeId()))
                    .findFirst();
            if (current.isPresent()) {
                return current;
            }
        }
        return programmes.stream().findFirst();
    }

    static String title(String kind) {
        return switch (kind) {
            case "RECEIVED" -> "Referral received";
            case "IN_TRIAGE" -> "Triage started";
            case "ACCEPTED" -> "Accepted";
            case "ROUTED" -> "Passed to another service";
            case "SIGNPOSTED" -> "Signposted";
            case "DECLINED" -> "Declined";
            case "TRIAL_ALLOCATED" -> "Randomised into a trial";
            case "TRIAL_CONTROL" -> "Allocated to the control arm";
            case "DUPLICATE_LINKED" -> "Linked as the same person";
            case "DUPLICATE_SEPARATE" -> "Kept separate from a possible duplicate";
            case "CORRECTED" -> "Answers corrected";
            default -> kind.charAt(0) + kind.substring(1).toLowerCase(java.util.Locale.UK).replace('_', ' ');
        };
    }
}

package org.workhealth.employer;

import org.workhealth.classification.SicSection;
import org.workhealth.employer.internal.LocalAuthority;
import org.workhealth.employer.internal.SignUpDraft;
import org.workhealth.employer.internal.SignUpSource;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.FormErrors;
import org.workhealth.govuk.TypedText;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.organisation.Role;

/**
 * A business-support partner (such as Business Growth West Midlands) refers an employer from its business
 * diagnostic: the sign-up questions on one page and the diagnostic's reference. It arrives in the hub's queue as
 * a pending sign-up whose source says which partner and which diagnostic it came from.
 */
@Controller
class DiagnosticReferralController {

    static final int REFERENCE_MAX = 40;

    private static final String[] FIELDS = {"name", "companiesHouseNumber", "sicSection", "employees", "siteName",
        "sitePostcode", "siteAuthority", "contactName", "contactEmail", "contactPhone", "agreeToContact"};

    private final SignUpFlow flow;
    private final SignUps signUps;
    private final Clock clock;

    DiagnosticReferralController(SignUpFlow flow, SignUps signUps, Clock clock) {
        this.flow = flow;
        this.signUps = signUps;
        this.clock = clock;
    }

    /** Advisors (a partner's among them) and referrers may refer an employer from a diagnostic. */
    static boolean mayRecord(CurrentUser user) {
        return user != null && (user.has(Permission.ADVISE_EMPLOYERS) || user.has(Role.REFERRER));
    }

    @GetMapping("/employers/diagnostic-referrals/new")
    String form(CurrentUser user, Model model) {
        require(user);
        return page(user, new SignUpDraft(), "", model);
    }

    @PostMapping("/employers/diagnostic-referrals/new")
    String refer(CurrentUser user, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        require(user);
        SignUpDraft draft = new SignUpDraft();
        ServletRequestDataBinder binder = new ServletRequestDataBinder(draft, "draft");
        binder.setAllowedFields(FIELDS);
        binder.registerCustomEditor(String.class, TypedText.editor());
        binder.bind(request);
        String reference = TypedText.clean(request.getParameter("diagnosticReference"));
        List<String[]> problems = new ArrayList<>();
        if (reference == null || reference.isBlank()) {
            problems.add(new String[] {"diagnosticReference", "Enter the diagnostic's reference",
                "diagnosticReference"});
        } else if (reference.strip().length() > REFERENCE_MAX) {
            problems.add(new String[] {"diagnosticReference", "Reference must be " + REFERENCE_MAX
                + " characters or fewer", "diagnosticReference"});
        }
        for (SignUpQuestion question : SignUpQuestion.values()) {
            problems.addAll(question.problems(draft));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", FormErrors.ofProblems(problems));
            return page(user, draft, reference, model);
        }
        String detail = user.organisationName() + " diagnostic " + reference.strip();
        SignUps.Recorded recorded = signUps.record(draft.toNewEmployer(), SignUpSource.DIAGNOSTIC,
                detail.length() > 200 ? detail.substring(0, 200) : detail, flow.publicHub(), LocalDate.now(clock));
        redirect.addFlashAttribute("notice", "Referral sent to the Thrive at Work team with reference "
                + recorded.reference() + ".");
        return "redirect:/employers/diagnostic-referrals/new";
    }

    private static void require(CurrentUser user) {
        if (!mayRecord(user)) {
            throw new OutOfScopeException();
        }
    }

    private static String page(CurrentUser user, SignUpDraft draft, String reference, Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("diagnosticReference", reference == null ? "" : reference);
        model.addAttribute("partnerName", user.organisationName());
        model.addAttribute("sectorItems", Choices.options(List.of(SicSection.values()), SicSection::code,
                SicSection::label, null, draft.getSicSection() == null ? List.of() : List.of(draft.getSicSection())));
        model.addAttribute("authorityItems", Choices.select("Select a local authority",
                List.of(LocalAuthority.values()), LocalAuthority::name, LocalAuthority::label,
                draft.getSiteAuthority()[0]));
        return "employer/diagnostic";
    }
}

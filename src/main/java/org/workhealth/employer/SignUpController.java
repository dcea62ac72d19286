package org.workhealth.employer;

import org.workhealth.classification.SicSection;
import org.workhealth.employer.internal.LocalAuthority;
import org.workhealth.employer.internal.SignUpDraft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.FormErrors;
import org.workhealth.govuk.DraftBinding;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * The sign-up question pages: the public form at {@code /thrive-at-work/sign-up} (no sign-in) and the same
 * questions for an advisor signing an employer up at {@code /employers/new}. Answers live in the session until
 * the check answers page sends them.
 */
@Controller
class SignUpController {

    private final SignUpFlow flow;

    SignUpController(SignUpFlow flow) {
        this.flow = flow;
    }

    @GetMapping("/thrive-at-work/sign-up")
    String publicStart() {
        flow.publicHub();
        return "employer/sign-up-start";
    }

    @GetMapping("/employers/new")
    String advisorStart(CurrentUser user, HttpServletRequest request) {
        SignUpFlow.requireAdvisor(user);
        flow.reset(request.getSession(), SignUpFlow.Mode.ADVISOR);
        return "redirect:/employers/new/" + SignUpQuestion.ORGANISATION.slug();
    }

    @GetMapping({"/thrive-at-work/sign-up/{slug}", "/employers/new/{slug}"})
    String question(@PathVariable String slug, @RequestParam(required = false) String change,
            HttpServletRequest request, Model model) {
        SignUpFlow.Mode mode = mode(request);
        SignUpQuestion question = questionOrNotFound(slug);
        return show(mode, question, flow.draft(request.getSession(), mode), "yes".equals(change), model);
    }

    @PostMapping({"/thrive-at-work/sign-up/{slug}", "/employers/new/{slug}"})
    String answer(@PathVariable String slug, @RequestParam(required = false) String change,
            HttpServletRequest request, Model model) {
        SignUpFlow.Mode mode = mode(request);
        SignUpQuestion question = questionOrNotFound(slug);
        SignUpDraft draft = flow.draft(request.getSession(), mode);
        DraftBinding.bindPage(draft, question.inputs(), request);
        List<String[]> problems = question.problems(draft);
        if (!problems.isEmpty()) {
            model.addAttribute("errors", FormErrors.ofProblems(problems));
            return show(mode, question, draft, "yes".equals(change), model);
        }
        SignUpQuestion next = question.next();
        if ("yes".equals(change) || next == null) {
            return "redirect:" + mode.base() + "/check";
        }
        return "redirect:" + mode.base() + "/" + next.slug();
    }

    static String show(SignUpFlow.Mode mode, SignUpQuestion question, SignUpDraft draft, boolean change,
            Model model) {
        SignUpQuestion previous = question.previous();
        model.addAttribute("draft", draft);
        model.addAttribute("question", question.slug());
        model.addAttribute("title", question.title());
        model.addAttribute("base", mode.base());
        model.addAttribute("caption", mode.caption());
        model.addAttribute("advisor", mode == SignUpFlow.Mode.ADVISOR);
        model.addAttribute("change", change);
        model.addAttribute("sectorItems", Choices.options(List.of(SicSection.values()), SicSection::code,
                SicSection::label, null, draft.getSicSection() == null ? List.of() : List.of(draft.getSicSection())));
        List<Map<String, Object>> sites = new ArrayList<>();
        for (int i = 0; i < SignUpDraft.SITES; i++) {
            sites.add(Map.of("n", String.valueOf(i + 1), "name", nullToEmpty(draft.getSiteName()[i]),
                    "postcode", nullToEmpty(draft.getSitePostcode()[i]),
                    "authorityItems", Choices.select("Select a local authority", List.of(LocalAuthority.values()),
                            LocalAuthority::name, LocalAuthority::label, draft.getSiteAuthority()[i])));
        }
        model.addAttribute("sites", sites);
        model.addAttribute("backLink", change ? mode.base() + "/check"
                : previous == null ? mode.startPage() : mode.base() + "/" + previous.slug());
        return "employer/sign-up-question";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static SignUpQuestion questionOrNotFound(String slug) {
        SignUpQuestion question = SignUpQuestion.bySlug(slug);
        if (question == null) {
            throw new OutOfScopeException();
        }
        return question;
    }

    /** Which form this is; an advisor's needs an advisor signed in. */
    static SignUpFlow.Mode mode(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + SignUpFlow.Mode.ADVISOR.base())) {
            SignUpFlow.requireAdvisor((CurrentUser) request.getAttribute(CurrentUser.class.getName()));
            return SignUpFlow.Mode.ADVISOR;
        }
        return SignUpFlow.Mode.PUBLIC;
    }
}

package org.workhealth.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.workhealth.govuk.Choices;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OrganisationSummary;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.trial.Trial;
import org.workhealth.trial.TrialUnit;
import org.workhealth.trial.Trials;

/**
 * A commissioner records a data sharing agreement (answers, then check answers), or a new version of one: the
 * current version is superseded, its extracts keep naming it.
 */
@Controller
class AgreementSetupController {

    private final Agreements agreements;
    private final Organisations organisations;
    private final Programmes programmes;
    private final Trials trials;
    private final AccessPolicy access;

    AgreementSetupController(Agreements agreements, Organisations organisations, Programmes programmes,
            Trials trials, AccessPolicy access) {
        this.agreements = agreements;
        this.organisations = organisations;
        this.programmes = programmes;
        this.trials = trials;
        this.access = access;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields(AgreementForm.FIELDS);
    }

    @GetMapping("/evaluation/agreements/new")
    String form(CurrentUser user, Model model) {
        requireManager(user);
        model.addAttribute("form", AgreementForm.blank());
        return page(user, null, model);
    }

    @PostMapping("/evaluation/agreements/new")
    String check(CurrentUser user, @ModelAttribute("form") AgreementForm form, BindingResult result, Model model) {
        requireManager(user);
        return checkPage(user, null, form, result, model);
    }

    @PostMapping("/evaluation/agreements/new/change")
    String change(CurrentUser user, @ModelAttribute("form") AgreementForm form, Model model) {
        requireManager(user);
        return page(user, null, model);
    }

    @PostMapping("/evaluation/agreements/new/confirm")
    String confirm(CurrentUser user, @ModelAttribute("form") AgreementForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        requireManager(user);
        AgreementTerms terms = AgreementAnswers.terms(form, offered(user), result);
        if (terms == null) {
            return page(user, null, model);
        }
        Agreement made = agreements.create(user, terms);
        redirect.addFlashAttribute("notice", "Data sharing agreement recorded");
        return "redirect:/evaluation/agreements/" + made.id();
    }

    @GetMapping("/evaluation/agreements/{dsaId}/new-version")
    String versionForm(CurrentUser user, @PathVariable long dsaId, Model model) {
        Agreement current = current(user, dsaId);
        model.addAttribute("form", AgreementForm.of(current));
        return page(user, current, model);
    }

    @PostMapping("/evaluation/agreements/{dsaId}/new-version")
    String versionCheck(CurrentUser user, @PathVariable long dsaId, @ModelAttribute("form") AgreementForm form,
            BindingResult result, Model model) {
        return checkPage(user, current(user, dsaId), form, result, model);
    }

    @PostMapping("/evaluation/agreements/{dsaId}/new-version/change")
    String versionChange(CurrentUser user, @PathVariable long dsaId, @ModelAttribute("form") AgreementForm form,
            Model model) {
        return page(user, current(user, dsaId), model);
    }

    @PostMapping("/evaluation/agreements/{dsaId}/new-version/confirm")
    String versionConfirm(CurrentUser user, @PathVariable long dsaId, @ModelAttribute("form") AgreementForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Agreement current = current(user, dsaId);
        AgreementTerms terms = AgreementAnswers.terms(form, offered(user), result);
        if (terms == null) {
            return page(user, current, model);
        }
        Agreement made = agreements.newVersion(user, dsaId, terms);
        redirect.addFlashAttribute("notice", "Version " + made.version() + " of the agreement recorded");
        return "redirect:/evaluation/agreements/" + made.id();
    }

    private String checkPage(CurrentUser user, Agreement current, AgreementForm form, BindingResult result,
            Model model) {
        AgreementAnswers.Offered offered = offered(user);
        AgreementTerms terms = AgreementAnswers.terms(form, offered, result);
        if (terms == null) {
            return page(user, current, model);
        }
        model.addAttribute("terms", terms);
        model.addAttribute("evaluatorName", offered.evaluators().get(terms.evaluatorOrganisationId()));
        model.addAttribute("programmeName", offered.programmes().get(terms.programmeId()));
        model.addAttribute("trialName", terms.trialId() == null ? "No trial"
                : trials.find(terms.trialId()).map(Trial::title).orElse(""));
        model.addAttribute("hidden", form.hidden());
        model.addAttribute("current", current);
        model.addAttribute("base", base(current));
        return "evaluation/check";
    }

    private Agreement current(CurrentUser user, long id) {
        Agreement agreement = agreements.manageable(user, id);
        if (agreement.superseded()) {
            throw new OutOfScopeException();
        }
        return agreement;
    }

    private void requireManager(CurrentUser user) {
        if (!user.has(Permission.MANAGE_PROGRAMMES)) {
            throw new OutOfScopeException();
        }
    }

    private static String base(Agreement current) {
        return current == null ? "/evaluation/agreements/new"
                : "/evaluation/agreements/" + current.id() + "/new-version";
    }

    /** Evaluators are organisations in the commissioner's scope other than their own; trials theirs to manage. */
    AgreementAnswers.Offered offered(CurrentUser user) {
        Map<Long, String> evaluators = new LinkedHashMap<>();
        for (OrganisationSummary o : organisations.within(access.scope(user))) {
            if (o.id() != user.organisationId()) {
                evaluators.put(o.id(), o.name());
            }
        }
        Map<Long, String> programmeNames = new LinkedHashMap<>();
        for (Programme p : programmes.all()) {
            programmeNames.put(p.id(), p.name());
        }
        Map<Long, Long> trialProgrammes = new LinkedHashMap<>();
        for (Trial t : manageableTrials(user)) {
            trialProgrammes.put(t.id(), t.programmeId());
        }
        return new AgreementAnswers.Offered(evaluators, programmeNames, trialProgrammes);
    }

    private List<Trial> manageableTrials(CurrentUser user) {
        return trials.visibleTo(user).stream()
                .filter(t -> t.unit() == TrialUnit.PARTICIPANT && trials.mayManage(user, t)).toList();
    }

    private String page(CurrentUser user, Agreement current, Model model) {
        AgreementForm form = (AgreementForm) model.getAttribute("form");
        AgreementAnswers.Offered offered = offered(user);
        model.addAttribute("current", current);
        model.addAttribute("base", base(current));
        model.addAttribute("evaluatorItems", Choices.select("Select an organisation", offered.evaluators().entrySet(),
                Map.Entry::getKey, Map.Entry::getValue, form.evaluator()));
        model.addAttribute("programmeItems", Choices.select("Select a programme", offered.programmes().entrySet(),
                Map.Entry::getKey, Map.Entry::getValue, form.programme()));
        List<Trial> manageable = manageableTrials(user);
        model.addAttribute("trialItems", Choices.select("No trial (the programme only)", manageable, Trial::id,
                t -> programmeName(offered, t) + ": " + t.title() + " (" + t.code() + ")", form.trial()));
        model.addAttribute("legalBasisItems", Choices.options(List.of(LegalBasis.values()), Enum::name,
                LegalBasis::label, null, List.of(String.valueOf(form.legalBasis()))));
        model.addAttribute("fieldItems", Choices.options(ExtractField.choosable(), Enum::name,
                f -> f.label() + (f.trialOnly() ? " (trials)" : ""), null, form.fieldsOrEmpty()));
        model.addAttribute("dateHandlingItems", Choices.options(List.of(DateHandling.values()), Enum::name,
                DateHandling::label, null, List.of(String.valueOf(form.dateHandling()))));
        model.addAttribute("backLink", current == null ? "/evaluation" : "/evaluation/agreements/" + current.id());
        return "evaluation/form";
    }

    private static String programmeName(AgreementAnswers.Offered offered, Trial t) {
        return offered.programmes().getOrDefault(t.programmeId(), "");
    }
}

package org.workhealth.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Permission;
import org.workhealth.organisation.Person;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.trial.Trials;

/**
 * The evaluation pages: an evaluator's home (the agreements granted to their organisation that are in force today)
 * and a commissioner's list of the agreements they manage; and one agreement's page with its extract log.
 */
@Controller
class EvaluationController {

    private final Agreements agreements;
    private final ExtractLog log;
    private final Organisations organisations;
    private final Programmes programmes;
    private final Trials trials;
    private final People people;

    EvaluationController(Agreements agreements, ExtractLog log, Organisations organisations, Programmes programmes,
            Trials trials, People people) {
        this.agreements = agreements;
        this.log = log;
        this.organisations = organisations;
        this.programmes = programmes;
        this.trials = trials;
        this.people = people;
    }

    @GetMapping("/evaluation")
    String list(CurrentUser user, Model model) {
        boolean evaluator = user.has(Permission.RECEIVE_EXTRACTS);
        boolean manager = user.has(Permission.MANAGE_PROGRAMMES);
        if (!evaluator && !manager) {
            throw new OutOfScopeException();
        }
        model.addAttribute("evaluator", evaluator);
        model.addAttribute("manager", manager);
        model.addAttribute("received", agreements.receivableBy(user));
        model.addAttribute("managed", agreements.managedBy(user));
        model.addAttribute("organisationNames", organisations.namesById());
        model.addAttribute("programmeNames", programmeNames());
        model.addAttribute("today", agreements.today());
        return "evaluation/list";
    }

    @GetMapping("/evaluation/agreements/{dsaId}")
    String agreement(CurrentUser user, @PathVariable long dsaId, Model model) {
        Agreement agreement = agreements.visible(user, dsaId);
        boolean mayManage = agreements.mayManage(user, agreement);
        List<Agreement> versions = agreements.versions(agreement);
        List<ExtractLog.Entry> extracts = log.ofSeries(versions.stream().map(Agreement::id).toList());
        Map<Long, String> names = new HashMap<>();
        for (Person p : people.findAll(extracts.stream().map(ExtractLog.Entry::madeBy).distinct().toList())) {
            names.put(p.id(), p.fullName());
        }
        model.addAttribute("agreement", agreement);
        model.addAttribute("versions", versions);
        model.addAttribute("extracts", extracts);
        model.addAttribute("madeBy", names);
        model.addAttribute("mayManage", mayManage);
        model.addAttribute("mayReceive", agreements.mayReceive(user, agreement));
        model.addAttribute("inForce", agreement.inForceOn(agreements.today()));
        model.addAttribute("organisationNames", organisations.namesById());
        model.addAttribute("programmeName", programmes.find(agreement.programmeId()).map(Programme::name)
                .orElse(""));
        model.addAttribute("trialName", agreement.trialId() == null ? null
                : trials.find(agreement.trialId()).map(t -> t.title() + " (" + t.code() + ")").orElse(""));
        return "evaluation/agreement";
    }

    private Map<Long, String> programmeNames() {
        Map<Long, String> names = new HashMap<>();
        programmes.all().forEach(p -> names.put(p.id(), p.name()));
        return names;
    }
}

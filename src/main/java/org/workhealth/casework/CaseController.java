package org.workhealth.casework;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workhealth.audit.AuditLog;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.milestone.Milestone;
import org.workhealth.milestone.MilestoneFilter;
import org.workhealth.milestone.Milestones;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/** A case's page: who it is about, where it sits, and its milestones so far. Issue 4 builds the rest of casework. */
@Controller
class CaseController {

    record MilestoneRow(String date, String type, String details) {
    }

    private final Casework casework;
    private final CaseSubjects subjects;
    private final Programmes programmes;
    private final Milestones milestones;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    CaseController(Casework casework, CaseSubjects subjects, Programmes programmes, Milestones milestones,
            AccessPolicy access, AuditLog audit, JdbcClient jdbc) {
        this.casework = casework;
        this.subjects = subjects;
        this.programmes = programmes;
        this.milestones = milestones;
        this.access = access;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @GetMapping("/cases/{id}")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = casework.find(id).orElseThrow(OutOfScopeException::new);
        access.require(user, Permission.MANAGE_CASES, supportCase.organisationId());
        audit.recordView("case", id, supportCase.organisationId());

        CaseSubject subject = subjects.forReferral(supportCase.referralId()).orElse(new CaseSubject("", null));
        Programme programme = programmes.find(supportCase.programmeId()).orElse(null);
        String cohort = programme == null || supportCase.cohortId() == null ? "Not set"
                : programme.cohorts().stream().filter(c -> supportCase.cohortId().equals(c.id()))
                        .map(Programme.Cohort::name).findFirst().orElse("Not set");
        List<Milestone> timeline = milestones.current(MilestoneFilter.forCase(id));

        model.addAttribute("supportCase", supportCase);
        model.addAttribute("subject", subject);
        model.addAttribute("dateOfBirth", DateAnswer.format(subject.dateOfBirth()));
        model.addAttribute("programmeName", programme == null ? "" : programme.name());
        model.addAttribute("cohortName", cohort);
        model.addAttribute("keyWorker", keyWorkerName(supportCase.keyWorkerId()));
        model.addAttribute("openedOn", DateAnswer.format(supportCase.openedOn()));
        model.addAttribute("milestoneRows", timeline.stream().map(m -> new MilestoneRow(
                DateAnswer.format(m.occurredOn()), m.type().label(), m.attributesText())).toList());
        return "casework/case";
    }

    /**
     * The key worker's name. A read of the person table rather than a call into the organisation
     * module, which offers people only to administrators managing them.
     */
    private String keyWorkerName(long personId) {
        return jdbc.sql("SELECT full_name FROM person WHERE id = ?").param(personId).query(String.class).optional()
                .orElse("");
    }
}

package org.workhealth.casework;

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
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;

/** Writing a contact note on a case. The notes are listed with the appointments. */
@Controller
class ContactNotesController {

    record NoteForm(String note) {
    }

    /** The column's size. */
    static final int MAX_NOTE = 4000;

    private final CaseAccess caseAccess;
    private final CaseSubjects subjects;
    private final Appointments appointments;

    ContactNotesController(CaseAccess caseAccess, CaseSubjects subjects, Appointments appointments) {
        this.caseAccess = caseAccess;
        this.subjects = subjects;
        this.appointments = appointments;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("note");
    }

    @GetMapping("/cases/{id}/notes/new")
    String newNote(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-notes");
        model.addAttribute("form", new NoteForm(null));
        return page(supportCase, model);
    }

    @PostMapping("/cases/{id}/notes/new")
    String add(CurrentUser user, @PathVariable long id, @ModelAttribute("form") NoteForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        String note = TextAnswer.required(result, "note", form.note(), "Enter the note", "Note", MAX_NOTE);
        if (result.hasErrors()) {
            return page(supportCase, model);
        }
        appointments.addNote(user, supportCase, note);
        redirect.addFlashAttribute("notice", "Note added");
        return "redirect:/cases/" + id + "/appointments";
    }

    private String page(SupportCase supportCase, Model model) {
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("subjectName", subjects.fullName(supportCase));
        model.addAttribute("maxNote", MAX_NOTE);
        model.addAttribute("backLink", "/cases/" + supportCase.id() + "/appointments");
        return "casework/notes-new";
    }
}

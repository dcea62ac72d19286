package org.workhealth.programme;

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
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/** Changing a programme's name, type of support, description and caseload cap. */
@Controller
class EditProgrammeController {

    record DetailsForm(String name, String supportType, String description, String caseloadCap) {
    }

    private final Programmes programmes;

    EditProgrammeController(Programmes programmes) {
        this.programmes = programmes;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "supportType", "description", "caseloadCap");
    }

    @GetMapping("/programmes/{id}/edit")
    String form(CurrentUser user, @PathVariable long id, Model model) {
        Programme programme = manageable(user, id);
        model.addAttribute("form", new DetailsForm(programme.name(), programme.supportType().name(),
                programme.description(), programme.caseloadCap() == null ? null
                        : String.valueOf(programme.caseloadCap())));
        return page(programme, model);
    }

    @PostMapping("/programmes/{id}/edit")
    String update(CurrentUser user, @PathVariable long id, @ModelAttribute("form") DetailsForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Programme programme = manageable(user, id);
        Answers.checkProgrammeDetails(result, form.name(), form.supportType(), form.description());
        Integer cap = caseloadCap(form.caseloadCap(), result);
        if (result.hasErrors()) {
            return page(programme, model);
        }
        programmes.update(user, id, form.name(), Answers.supportType(form.supportType()),
                Answers.clean(form.description()), cap);
        redirect.addFlashAttribute("notice", "Programme details changed");
        return "redirect:/programmes/" + id;
    }

    /** A whole number of open cases from 1 to {@link Programmes#CASELOAD_CAP_MAX}, or blank for no cap. */
    private static Integer caseloadCap(String answer, BindingResult result) {
        String value = Answers.clean(answer);
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,3}") || Integer.parseInt(value) < 1
                || Integer.parseInt(value) > Programmes.CASELOAD_CAP_MAX) {
            result.rejectValue("caseloadCap", "range", "Caseload cap must be a whole number from 1 to "
                    + Programmes.CASELOAD_CAP_MAX + ", or leave it blank for no cap");
            return null;
        }
        return Integer.valueOf(value);
    }

    private Programme manageable(CurrentUser user, long id) {
        Programme programme = programmes.visible(user, id);
        if (!programmes.mayManage(user, programme)) {
            throw new OutOfScopeException();
        }
        return programme;
    }

    private static String page(Programme programme, Model model) {
        model.addAttribute("programme", programme);
        model.addAttribute("supportTypeItems", Answers.supportTypeItems());
        model.addAttribute("backLink", "/programmes/" + programme.id());
        return "programme/edit-programme";
    }
}

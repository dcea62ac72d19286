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

/** Adding a cohort to a programme the commissioner manages. */
@Controller
class NewCohortController {

    record CohortForm(String code, String name, String description) {
    }

    private final Programmes programmes;

    NewCohortController(Programmes programmes) {
        this.programmes = programmes;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("code", "name", "description");
    }

    @GetMapping("/programmes/{id}/cohorts/new")
    String form(CurrentUser user, @PathVariable long id, Model model) {
        Programme programme = manageable(user, id);
        model.addAttribute("form", new CohortForm(null, null, null));
        return page(programme, model);
    }

    @PostMapping("/programmes/{id}/cohorts/new")
    String add(CurrentUser user, @PathVariable long id, @ModelAttribute("form") CohortForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Programme programme = manageable(user, id);
        if (Answers.requireCode(result, "code", form.code(), "Code", "Enter a code for the cohort", 40)
                && programme.hasCohortCode(form.code())) {
            result.rejectValue("code", "taken", "This programme already has a cohort with this code");
        }
        Answers.requireText(result, "name", form.name(), "Name", "Enter the name of the cohort", 200);
        Answers.maxLength(result, "description", form.description(), "Description", 1000);
        if (result.hasErrors()) {
            return page(programme, model);
        }
        programmes.addCohort(user, id, form.code(), form.name(), Answers.clean(form.description()));
        redirect.addFlashAttribute("notice", "Cohort added");
        return "redirect:/programmes/" + id;
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
        model.addAttribute("backLink", "/programmes/" + programme.id());
        return "programme/new-cohort";
    }
}

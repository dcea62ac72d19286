package org.workhealth.casework;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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
import org.workhealth.classification.SicSection;
import org.workhealth.govuk.Answers;
import org.workhealth.govuk.Choices;
import org.workhealth.organisation.CurrentUser;

/**
 * The IPS vocational profile. On other programmes the page says so and offers nothing to fill in,
 * rather than answering "not found", because the case itself is there.
 */
@Controller
class VocationalProfileController {

    record ProfileForm(String jobPreferences, String hoursPerWeek, List<String> sectors, String travel,
            String disclosure, String disclosureHow) {

        static ProfileForm of(VocationalProfile p) {
            return new ProfileForm(p.jobPreferences(), p.hoursPerWeek() == null ? null : String.valueOf(p.hoursPerWeek()),
                    p.sectors().stream().map(Enum::name).toList(), p.travel(),
                    p.disclosure() == null ? null : p.disclosure().name(), p.disclosureHow());
        }
    }

    static final int MAX_HOURS = 70;
    static final int MAX_TRAVEL = 500;

    private final CaseAccess caseAccess;
    private final VocationalProfiles profiles;
    private final CaseSubjects subjects;

    VocationalProfileController(CaseAccess caseAccess, VocationalProfiles profiles, CaseSubjects subjects) {
        this.caseAccess = caseAccess;
        this.profiles = profiles;
        this.subjects = subjects;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("jobPreferences", "hoursPerWeek", "sectors", "travel", "disclosure", "disclosureHow");
    }

    @GetMapping("/cases/{id}/vocational-profile")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-vocational-profile");
        VocationalProfile profile = profiles.find(id).orElse(VocationalProfile.EMPTY);
        model.addAttribute("form", ProfileForm.of(profile));
        model.addAttribute("saved", profile.savedAt() == null ? null : profile.savedByName());
        return page(supportCase, model);
    }

    @PostMapping("/cases/{id}/vocational-profile")
    String save(CurrentUser user, @PathVariable long id, @ModelAttribute("form") ProfileForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        if (!profiles.applies(supportCase)) {
            return "redirect:/cases/" + id + "/vocational-profile";
        }
        String jobPreferences = text(form.jobPreferences());
        if (jobPreferences != null && jobPreferences.length() > AssessmentAnswers.MAX_TEXT) {
            result.rejectValue("jobPreferences", "tooLong",
                    "Job preferences must be " + AssessmentAnswers.MAX_TEXT + " characters or fewer");
        }
        Integer hours = null;
        String hoursText = text(form.hoursPerWeek());
        if (hoursText != null) {
            if (!hoursText.matches("\\d{1,3}")) {
                result.rejectValue("hoursPerWeek", "notNumber", "Hours a week must be a whole number, like 16");
            } else {
                hours = Integer.valueOf(hoursText);
                if (hours < 1 || hours > MAX_HOURS) {
                    result.rejectValue("hoursPerWeek", "range", "Hours a week must be between 1 and " + MAX_HOURS);
                }
            }
        }
        String travel = text(form.travel());
        if (travel != null && travel.length() > MAX_TRAVEL) {
            result.rejectValue("travel", "tooLong",
                    "How far they can travel must be " + MAX_TRAVEL + " characters or fewer");
        }
        String disclosureHow = text(form.disclosureHow());
        if (disclosureHow != null && disclosureHow.length() > AssessmentAnswers.MAX_TEXT) {
            result.rejectValue("disclosureHow", "tooLong",
                    "How they want to tell employers must be " + AssessmentAnswers.MAX_TEXT + " characters or fewer");
        }
        if (result.hasErrors()) {
            return page(supportCase, model);
        }
        List<SicSection> sectors = form.sectors() == null ? List.of()
                : form.sectors().stream().map(s -> Answers.code(SicSection.class, s)).filter(Objects::nonNull)
                        .toList();
        profiles.save(user, supportCase, new VocationalProfile(jobPreferences, hours, sectors, travel,
                Answers.code(VocationalProfile.Disclosure.class, form.disclosure()), disclosureHow, null, null));
        redirect.addFlashAttribute("notice", "Vocational profile saved");
        return "redirect:/cases/" + id + "/vocational-profile";
    }

    private String page(SupportCase supportCase, Model model) {
        ProfileForm form = (ProfileForm) model.getAttribute("form");
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("subjectName", subjects.fullName(supportCase));
        model.addAttribute("ips", profiles.applies(supportCase));
        model.addAttribute("sectorItems", Choices.options(Arrays.asList(SicSection.values()), Enum::name,
                s -> s.name() + ": " + s.label(), null, form.sectors()));
        model.addAttribute("disclosureItems", Choices.options(Arrays.asList(VocationalProfile.Disclosure.values()),
                Enum::name, VocationalProfile.Disclosure::label, null,
                form.disclosure() == null ? List.of() : List.of(form.disclosure())));
        model.addAttribute("backLink", "/cases/" + supportCase.id());
        return "casework/vocational-profile";
    }

    private static String text(String answer) {
        return answer == null || answer.isBlank() ? null : answer.strip();
    }
}

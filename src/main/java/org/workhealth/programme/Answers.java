package org.workhealth.programme;

import org.workhealth.govuk.Choices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.validation.BindingResult;
import org.workhealth.organisation.OrganisationSummary;

/** What the programme forms share: tidying answers, the rules for codes, and choices for radios and selects. */
final class Answers {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]+");

    private Answers() {
    }

    /** The answer without surrounding spaces, or null when nothing was entered. */
    static String clean(String answer) {
        return answer == null || answer.isBlank() ? null : answer.strip();
    }

    /** A required text answer with a maximum length. @return whether it is fine */
    static boolean requireText(BindingResult result, String field, String value, String label, String enter,
            int max) {
        String answer = clean(value);
        if (answer == null) {
            result.rejectValue(field, "required", enter);
            return false;
        }
        return maxLength(result, field, answer, label, max);
    }

    /** An optional answer's length. @return whether it is fine */
    static boolean maxLength(BindingResult result, String field, String value, String label, int max) {
        if (value != null && value.strip().length() > max) {
            result.rejectValue(field, "tooLong", label + " must be " + max + " characters or fewer");
            return false;
        }
        return true;
    }

    /** A required code of letters, numbers and hyphens. @return whether it is fine */
    static boolean requireCode(BindingResult result, String field, String value, String label, String enter,
            int max) {
        if (!requireText(result, field, value, label, enter, max)) {
            return false;
        }
        if (!CODE.matcher(value.strip()).matches()) {
            result.rejectValue(field, "format", label + " must only include letters a to z, numbers and hyphens");
            return false;
        }
        return true;
    }

    /** The chosen support type, or null when none (or an unknown one) was chosen. */
    static SupportType supportType(String answer) {
        String value = clean(answer);
        if (value == null) {
            return null;
        }
        for (SupportType type : SupportType.values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        return null;
    }

    /** A chosen organisation id, or null when none was chosen or the answer is not an id. */
    static Long id(String answer) {
        String value = clean(answer);
        if (value == null || !value.matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(value);
    }

    /** Radio items for the types of support. */
    static List<Map<String, Object>> supportTypeItems() {
        return Choices.options(List.of(SupportType.values()), SupportType::name, SupportType::label, null, null);
    }

    /** Select items for organisations, after a first item asking for a choice. */
    static List<Map<String, Object>> organisationItems(List<OrganisationSummary> organisations, String prompt) {
        return Choices.select(prompt, organisations, OrganisationSummary::id, OrganisationSummary::name, null);
    }

    /** The details a programme is created and changed with: name, type of support and description. */
    static void checkProgrammeDetails(BindingResult result, String name, String supportType, String description) {
        requireText(result, "name", name, "Name", "Enter the name of the programme", 200);
        if (supportType(supportType) == null) {
            result.rejectValue("supportType", "required", "Select the type of support");
        }
        maxLength(result, "description", description, "Description", 2000);
    }
}

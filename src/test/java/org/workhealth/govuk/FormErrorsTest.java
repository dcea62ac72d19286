package org.workhealth.govuk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

class FormErrorsTest {

    public record Form(String name, LocalDate startsOn, String email) {
    }

    @Test
    void theSummaryFollowsTheOrderOfTheFormAndLinksToEachField() {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(new Form(null, null, null), "form");
        result.rejectValue("email", "x", "Enter an email address");
        result.rejectValue("name", "x", "Enter a name");
        result.rejectValue("startsOn", "x", "Start date must be a real date");
        result.rejectValue("name", "y", "A second message for the same field is not repeated");

        FormErrors errors = FormErrors.of(result);

        assertThat(errors.any()).isTrue();
        assertThat(errors.summary()).containsExactly(
                Map.of("text", "Enter a name", "href", "#name"),
                Map.of("text", "Start date must be a real date", "href", "#startsOn-day"),
                Map.of("text", "Enter an email address", "href", "#email"));
        assertThat(errors.on("name")).isEqualTo(Map.of("text", "Enter a name"));
        assertThat(errors.on("unknown")).isNull();
    }

    @Test
    void noErrorsMeansNoSummary() {
        FormErrors errors = FormErrors.of(new BeanPropertyBindingResult(new Form("a", null, null), "form"));
        assertThat(errors.any()).isFalse();
        assertThat(errors.summary()).isEmpty();
    }
}

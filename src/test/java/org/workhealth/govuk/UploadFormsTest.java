package org.workhealth.govuk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.workhealth.SignIn;

/**
 * Every upload form answers a file over the server's limit with the GOV.UK error on its own page: each handler that
 * takes a file is declared as an {@link UploadForm}, the advice sends an oversized post back to its page, and the
 * page shows the error in place. (The real limit is applied only by a running server: UploadTooLargeJourneyTest.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class UploadFormsTest {

    private final MockMvc mvc;
    private final UploadForms forms;
    private final RequestMappingHandlerMapping mappings;

    @Autowired
    UploadFormsTest(MockMvc mvc, UploadForms forms, RequestMappingHandlerMapping requestMappingHandlerMapping) {
        this.mvc = mvc;
        this.forms = forms;
        this.mappings = requestMappingHandlerMapping;
    }

    @Test
    void everyHandlerThatTakesAFileIsADeclaredUploadForm() {
        List<String> takingFiles = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (takesFile(handler)) {
                takingFiles.addAll(info.getPatternValues());
            }
        });
        // An employer's evidence form checks its own limit, no larger than the server's; a file over the server's
        // limit there gets the GOV.UK "too large" error page, not the form (UploadForm matches whole paths only).
        String evidence = "/thrive-at-work/employers/{employerId}/accreditation/criteria/{criterionCode}/evidence";
        assertThat(takingFiles).containsExactlyInAnyOrder("/referrals/upload", "/admin/bank-holidays/upload",
                "/admin/area-deprivation/upload", evidence);
        takingFiles.remove(evidence);
        assertThat(forms.all()).extracting(UploadForm::action).containsExactlyInAnyOrderElementsOf(takingFiles);
    }

    @Test
    void anOversizedPostGoesBackToItsFormsPageAndAnyOtherKeepsTheErrorPage() {
        UploadTooLarge advice = new UploadTooLarge(forms);
        assertThat(advice.tooLarge(new MockHttpServletRequest("POST", "/admin/bank-holidays/upload"),
                new MaxUploadSizeExceededException(1))).isEqualTo("redirect:/admin/bank-holidays?error=too-large");
        assertThat(advice.tooLarge(new MockHttpServletRequest("POST", "/referrals/upload"),
                new MaxUploadSizeExceededException(1))).isEqualTo("redirect:/referrals/upload?error=too-large");
        MaxUploadSizeExceededException elsewhere = new MaxUploadSizeExceededException(1);
        assertThatThrownBy(() -> advice.tooLarge(new MockHttpServletRequest("POST", "/cases/1/notes"), elsewhere))
                .isSameAs(elsewhere);
        assertThat(forms.tooLargeMessage()).isEqualTo("The selected file must be smaller than 10 MB");
    }

    @Test
    void theBankHolidaysPageShowsTheTooLargeErrorInPlace() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/admin/bank-holidays?error=too-large")
                .session(SignIn.as(mvc, SignIn.NATIONAL_ADMIN))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select("h1").text()).isEqualTo("Bank holidays");
        assertThat(page.select(".govuk-error-summary a").eachText())
                .containsExactly("The selected file must be smaller than 10 MB");
        assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#file");
        assertThat(page.select("#file-error").text()).contains("The selected file must be smaller than 10 MB");
        // The CSRF token travels in the URL too, for when the oversized body is never read.
        assertThat(page.select("form[enctype=multipart/form-data]").attr("action"))
                .startsWith("/admin/bank-holidays/upload?_csrf=");
        // Without the error, the page is as usual.
        Document plain = Jsoup.parse(mvc.perform(get("/admin/bank-holidays?error=something-else")
                .session(SignIn.as(mvc, SignIn.NATIONAL_ADMIN))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(plain.select(".govuk-error-summary")).isEmpty();
    }

    private static boolean takesFile(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> {
            Class<?> type = p.getParameterType();
            if (MultipartFile.class.isAssignableFrom(type)) {
                return true;
            }
            RecordComponent[] components = type.getRecordComponents();
            return components != null && Arrays.stream(components)
                    .anyMatch(c -> MultipartFile.class.isAssignableFrom(c.getType()));
        });
    }
}

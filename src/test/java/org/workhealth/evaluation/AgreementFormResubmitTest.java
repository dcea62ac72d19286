package org.workhealth.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workhealth.SignIn;

/**
 * The agreement form re-shown with an error must hold the dates as typed, so that a browser, which posts back every
 * box on the page, gets through the second "Continue". The date fragment's arguments were once written without
 * {@code ${}}, so Thymeleaf took them as literal text and every date box said "form.dataFromYear": MockMvc tests
 * that post their own answers passed, Chromium was told "Year must include 4 numbers".
 */
@SpringBootTest
@AutoConfigureMockMvc
class AgreementFormResubmitTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    EvaluationFixtures fixtures;

    @Test
    void theBlankFormHasEmptyDateBoxes() throws Exception {
        MockHttpSession commissioner = SignIn.as(mvc, EvaluationFixtures.WMCA);
        Document page = Jsoup.parse(mvc.perform(get("/evaluation/agreements/new").session(commissioner)).andReturn()
                .getResponse().getContentAsString());
        for (String box : new String[] {"dataFrom-day", "dataTo-month", "startsOn-year", "endsOn-year"}) {
            assertThat(page.getElementById(box).attr("value")).as(box).isEmpty();
        }
    }

    @Test
    void whatTheBrowserPostsBackAfterAnErrorReachesCheckAnswers() throws Exception {
        MockHttpSession commissioner = SignIn.as(mvc, EvaluationFixtures.WMCA);
        MockHttpServletRequestBuilder first = post("/evaluation/agreements/new").with(csrf()).session(commissioner)
                .param("evaluator", String.valueOf(fixtures.university())).param("title", "Thrive evaluation")
                .param("purpose", "Impact evaluation").param("legalBasis", "PUBLIC_TASK")
                .param("programme", String.valueOf(fixtures.programme())).param("trial", "").param("fields", "SEX")
                .param("dataFromDay", "1").param("dataFromMonth", "4").param("dataFromYear", "2020")
                .param("dataToDay", "31").param("dataToMonth", "3").param("dataToYear", "2027")
                .param("startsOnDay", "1").param("startsOnMonth", "1").param("startsOnYear", "2025")
                .param("endsOnDay", "").param("endsOnMonth", "").param("endsOnYear", "")
                .param("dateHandling", "MONTH").param("shiftDays", "").param("threshold", "5");
        Document shown = Jsoup.parse(mvc.perform(first).andReturn().getResponse().getContentAsString());
        assertThat(shown.select(".govuk-error-summary").text()).contains("Enter the agreement end date");
        assertThat(shown.getElementById("dataFrom-year").attr("value")).isEqualTo("2020");
        assertThat(shown.getElementById("startsOn-day").attr("value")).isEqualTo("1");

        // Post back every answer on the page as a browser would, with the end date now typed
        MockHttpServletRequestBuilder again = post("/evaluation/agreements/new").with(csrf()).session(commissioner);
        Element form = shown.selectFirst("main form[method=post]");
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String name = input.attr("name");
            if (name.equals("_csrf") || name.startsWith("endsOn")) {
                continue;
            }
            if (input.tagName().equals("select")) {
                Element chosen = input.selectFirst("option[selected]");
                again.param(name, chosen == null ? "" : chosen.attr("value"));
            } else if (input.tagName().equals("textarea")) {
                again.param(name, input.text());
            } else if (!input.attr("type").matches("radio|checkbox") || input.hasAttr("checked")) {
                again.param(name, input.attr("value"));
            }
        }
        again.param("endsOnDay", "31").param("endsOnMonth", "12").param("endsOnYear", "2030");
        String check = mvc.perform(again).andReturn().getResponse().getContentAsString();
        assertThat(check).doesNotContain("Year must include 4 numbers")
                .contains("Check the agreement before recording it").contains("1 April 2020 to 31 March 2027");
    }
}

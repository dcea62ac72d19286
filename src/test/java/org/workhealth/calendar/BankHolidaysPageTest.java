package org.workhealth.calendar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.workhealth.SignIn;

/**
 * The administrators' bank holidays page, against the holidays loaded from the shipped file on
 * start. The database is shared with other tests, so each test adds holidays on dates of its own,
 * far in the future.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BankHolidaysPageTest {

    private static final String PAGE = "/admin/bank-holidays";

    private final MockMvc mvc;
    private final WorkingDays workingDays;
    private final JdbcClient jdbc;

    @Autowired
    BankHolidaysPageTest(MockMvc mvc, WorkingDays workingDays, JdbcClient jdbc) {
        this.mvc = mvc;
        this.workingDays = workingDays;
        this.jdbc = jdbc;
    }

    @Test
    void listsTheShippedBankHolidaysByYear() throws Exception {
        Document page = page(mvc.perform(get(PAGE).session(admin())).andExpect(status().isOk()).andReturn());

        assertThat(page.select("h1").text()).isEqualTo("Bank holidays");
        assertThat(page.select("table caption").eachText()).contains("2027", "2025", "2018");
        Element year2025 = table(page, "2025");
        assertThat(year2025.select("tbody tr")).hasSize(8);
        assertThat(year2025.text()).contains("18 April 2025 Friday Good Friday", "21 April 2025 Monday Easter Monday",
                "25 August 2025 Monday Summer bank holiday", "26 December 2025 Friday Boxing Day");
        assertThat(table(page, "2022").text()).contains("19 September 2022 Monday "
                + "Bank Holiday for the State Funeral of Queen Elizabeth II");
        // Past holidays cannot be removed: deadlines have been counted with them.
        assertThat(table(page, "2018").select("button")).isEmpty();
        assertThat(page.select("form[action=" + PAGE + "] input[name=_csrf]")).hasSize(1);
        // The upload's CSRF token is in its URL too, so an oversized file still gets the size error.
        assertThat(page.select("form[action^=" + PAGE + "/upload?_csrf=][enctype=multipart/form-data] "
                + "input[type=file]")).hasSize(1);
    }

    @Test
    void anAdministratorAddsABankHolidayAndRemovesIt() throws Exception {
        MockHttpSession admin = admin();
        LocalDate date = LocalDate.of(2098, 6, 4);
        assertThat(workingDays.isWorkingDay(date)).isTrue();

        MvcResult added = mvc.perform(post(PAGE).session(admin).with(csrf()).param("dateDay", "4")
                        .param("dateMonth", "6").param("dateYear", "2098").param("title", "  Founders Day  "))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("notice", "Bank holiday added: Founders Day, 4 June 2098")).andReturn();

        assertThat(workingDays.isWorkingDay(date)).as("the cached holidays are reloaded").isFalse();
        assertThat(audited("CREATE", "2098-06-04")).isEqualTo(1);
        Document page = page(mvc.perform(get(PAGE).session(admin).flashAttrs(added.getFlashMap()))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select(".govuk-notification-banner--success").text()).contains("Founders Day, 4 June 2098");
        Element row = table(page, "2098").select("tbody tr").first();
        assertThat(row.text()).startsWith("4 June 2098 Wednesday Founders Day");
        assertThat(row.select("button").text()).isEqualTo("Remove Founders Day, 4 June 2098");
        assertThat(row.select("input[name=date]").val()).isEqualTo("2098-06-04");

        mvc.perform(post(PAGE + "/remove").session(admin).with(csrf()).param("date", "2098-06-04"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("notice", "Bank holiday removed: Founders Day, 4 June 2098"));

        assertThat(workingDays.isWorkingDay(date)).isTrue();
        assertThat(audited("DELETE", "2098-06-04")).isEqualTo(1);
    }

    @Test
    void aDateThatIsNotRealShowsTheError() throws Exception {
        long before = count();
        Document page = page(mvc.perform(post(PAGE).session(admin()).with(csrf()).param("dateDay", "30")
                .param("dateMonth", "2").param("dateYear", "2098").param("title", "Leap of faith"))
                .andExpect(status().isOk()).andReturn());

        assertThat(page.title()).startsWith("Error: Bank holidays");
        assertThat(page.select(".govuk-error-summary a[href=#date-day]").text())
                .isEqualTo("Date must be a real date");
        assertThat(page.select("#date-error").text()).contains("Date must be a real date");
        assertThat(page.select("input#date-day").hasClass("govuk-input--error")).isTrue();
        assertThat(page.select("input#date-day").val()).isEqualTo("30");
        assertThat(page.select("input#title").val()).isEqualTo("Leap of faith");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aMissingNameAWeekendAPastDateAndADateAlreadyListedAreRefused() throws Exception {
        MockHttpSession admin = admin();
        long before = count();

        Document missing = page(mvc.perform(post(PAGE).session(admin).with(csrf()).param("dateDay", "5")
                .param("dateMonth", "6").param("dateYear", "2098").param("title", " "))
                .andExpect(status().isOk()).andReturn());
        assertThat(missing.select(".govuk-error-summary a[href=#title]").text())
                .isEqualTo("Enter the name of the bank holiday");

        Document weekend = page(mvc.perform(post(PAGE).session(admin).with(csrf()).param("dateDay", "7")
                .param("dateMonth", "6").param("dateYear", "2098").param("title", "Saturday"))
                .andExpect(status().isOk()).andReturn());
        assertThat(weekend.select("#date-error").text()).contains("Date must be a weekday");

        mvc.perform(post(PAGE).session(admin).with(csrf()).param("dateDay", "5").param("dateMonth", "6")
                .param("dateYear", "2096").param("title", "Founders Day")).andExpect(status().is3xxRedirection());
        Document taken = page(mvc.perform(post(PAGE).session(admin).with(csrf()).param("dateDay", "5")
                .param("dateMonth", "June").param("dateYear", "2096").param("title", "Founders Day again"))
                .andExpect(status().isOk()).andReturn());
        assertThat(taken.select("#date-error").text()).contains("There is already a bank holiday on this date");

        Document past = page(mvc.perform(post(PAGE).session(admin).with(csrf()).param("dateDay", "2")
                .param("dateMonth", "6").param("dateYear", "2025").param("title", "Too late"))
                .andExpect(status().isOk()).andReturn());
        assertThat(past.select("#date-error").text()).contains("Date must be today or in the future");

        assertThat(count()).as("only the first Founders Day").isEqualTo(before + 1);
    }

    @Test
    void uploadingAFileThatIsNotJsonShowsAnErrorAndChangesNothing() throws Exception {
        MockHttpSession admin = admin();
        long before = count();

        Document csv = page(mvc.perform(multipart(PAGE + "/upload").file(new MockMultipartFile("file",
                        "bank-holidays.csv", "text/csv", "date,title\n2099-06-04,Founders Day\n".getBytes(UTF_8)))
                .session(admin).with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(csv.select(".govuk-error-summary a[href=#file]").text())
                .isEqualTo("The selected file must be a JSON file");
        assertThat(csv.select("#file-error").text()).contains("The selected file must be a JSON file");
        assertThat(csv.select("table caption").eachText()).as("the page is shown in full").contains("2025");

        Document notJson = page(mvc.perform(multipart(PAGE + "/upload").file(new MockMultipartFile("file",
                        "bank-holidays.json", "application/json", "<html>not json</html>".getBytes(UTF_8)))
                .session(admin).with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(notJson.select("#file-error").text()).contains("The selected file must be a JSON file");

        Document wrongShape = page(mvc.perform(multipart(PAGE + "/upload").file(new MockMultipartFile("file",
                        "bank-holidays.json", "application/json", "{\"holidays\": []}".getBytes(UTF_8)))
                .session(admin).with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(wrongShape.select("#file-error").text())
                .contains("The selected file must be the GOV.UK bank holidays file");

        Document none = page(mvc.perform(multipart(PAGE + "/upload").session(admin).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(none.select("#file-error").text()).contains("Select a GOV.UK bank holidays file");

        assertThat(count()).isEqualTo(before);
        assertThat(workingDays.isWorkingDay(LocalDate.of(2099, 6, 4))).isTrue();
    }

    @Test
    void uploadingTheGovUkFileAddsOnlyNewEnglandAndWalesHolidays() throws Exception {
        String file = """
                {"england-and-wales": {"division": "england-and-wales", "events": [
                   {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true},
                   {"title": "Spring bank holiday", "date": "2097-06-04", "notes": "", "bunting": true}]},
                 "scotland": {"division": "scotland", "events": [
                   {"title": "Summer bank holiday", "date": "2097-08-05", "notes": "", "bunting": true}]}}
                """;

        mvc.perform(multipart(PAGE + "/upload").file(new MockMultipartFile("file", "bank-holidays.json",
                        "application/json", file.getBytes(UTF_8))).session(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("notice", "1 bank holiday added. 1 in the file was already listed."));

        assertThat(workingDays.isWorkingDay(LocalDate.of(2097, 6, 4))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2097, 8, 5))).as("Scotland only").isTrue();
        assertThat(jdbc.sql("SELECT title FROM bank_holiday WHERE holiday_date = :date")
                .param("date", LocalDate.of(2026, 12, 25)).query(String.class).single()).isEqualTo("Christmas Day");
        assertThat(jdbc.sql("SELECT source FROM bank_holiday WHERE holiday_date = :date")
                .param("date", LocalDate.of(2097, 6, 4)).query(String.class).single()).isEqualTo("UPLOADED_FILE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'bank-holiday' AND action = 'IMPORT'"
                + " AND detail = :detail").param("detail", "Uploaded bank-holidays.json: 2 England and Wales bank holidays,"
                + " 1 added").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPastBankHolidayCannotBeRemoved() throws Exception {
        mvc.perform(post(PAGE + "/remove").session(admin()).with(csrf()).param("date", "2025-12-25"))
                .andExpect(status().isNotFound());

        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 12, 25))).isFalse();
    }

    @Test
    void aPractitionerCannotSeeOrChangeBankHolidays() throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long before = count();

        mvc.perform(get(PAGE).session(coach)).andExpect(status().isForbidden());
        mvc.perform(post(PAGE).session(coach).with(csrf()).param("dateDay", "4").param("dateMonth", "6")
                .param("dateYear", "2099").param("title", "Sneaky")).andExpect(status().isForbidden());
        mvc.perform(post(PAGE + "/remove").session(coach).with(csrf()).param("date", "2026-12-25"))
                .andExpect(status().isForbidden());
        mvc.perform(multipart(PAGE + "/upload").file(new MockMultipartFile("file", "bank-holidays.json",
                "application/json", "{}".getBytes(UTF_8))).session(coach).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(count()).isEqualTo(before);
    }

    @Test
    void onlyNationalAdministratorsSeeOrChangeTheCalendarThatSetsEveryonesDeadlines() throws Exception {
        MockHttpSession hubAdmin = SignIn.as(mvc, SignIn.GM_ADMIN);
        long before = count();

        assertThat(page(mvc.perform(get("/people").session(hubAdmin)).andReturn()).select("a[href=" + PAGE + "]"))
                .isEmpty();
        assertThat(page(mvc.perform(get("/people").session(admin())).andReturn()).select("a[href=" + PAGE + "]"))
                .hasSize(1);
        mvc.perform(get(PAGE).session(hubAdmin)).andExpect(status().isForbidden());
        mvc.perform(post(PAGE).session(hubAdmin).with(csrf()).param("dateDay", "5").param("dateMonth", "6")
                .param("dateYear", "2099").param("title", "Hub day")).andExpect(status().isForbidden());
        mvc.perform(post(PAGE + "/remove").session(hubAdmin).with(csrf()).param("date", "2026-12-25"))
                .andExpect(status().isForbidden());
        mvc.perform(multipart(PAGE + "/upload").file(new MockMultipartFile("file", "bank-holidays.json",
                "application/json", "{}".getBytes(UTF_8))).session(hubAdmin).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(count()).isEqualTo(before);
    }

    private MockHttpSession admin() throws Exception {
        return SignIn.as(mvc, SignIn.NATIONAL_ADMIN);
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM bank_holiday").query(Long.class).single();
    }

    private long audited(String action, String date) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'bank-holiday' AND action = :action"
                + " AND record_id = :date").param("action", action).param("date", date).query(Long.class).single();
    }

    private static Element table(Document page, String year) {
        return page.select("table:has(caption:containsOwn(" + year + "))").first();
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}

package org.workhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.unit.DataSize;
import org.workhealth.SignIn;
import org.workhealth.govuk.UploadForm;
import org.workhealth.govuk.UploadForms;

@SpringBootTest
@AutoConfigureMockMvc
class ReferralUploadTest {

    private static final String REFERRER = "referrer@townside.workhealth.example";

    /** The documented header, written out as a person building the file would. */
    private static final String HEADER = "first_name,last_name,date_of_birth,nhs_number,phone,email,address_line_1,"
            + "address_line_2,town,postcode,contact_preference,best_times,gp_practice,gp_practice_code,"
            + "employment_status,unemployed_since,employer_name,has_fit_note,fit_note_since,mental_health,"
            + "musculoskeletal,other_condition,condition_details,waiting_for_treatment,help_wanted,"
            + "consent_to_contact,consent_to_contact_employer";

    private static final Random RANDOM = new Random();

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final MultipartProperties multipart;
    private final UploadForms uploadForms;

    @Autowired
    ReferralUploadTest(MockMvc mvc, JdbcClient jdbc, MultipartProperties multipart, UploadForms uploadForms) {
        this.uploadForms = uploadForms;
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.multipart = multipart;
    }

    @Test
    void aValidFileIsCheckedThenEveryRowIsImportedAsAReferralOnThePersonsBehalf() throws Exception {
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        String surname = uniqueSurname();
        String file = csv(row("Amira", surname, "1985-06-01"), row("Ben", surname, "14/02/1990"),
                row("Chloe", surname, "1979-12-31"));

        long id = uploadAccepted(manager, file);
        String page = mvc.perform(get("/referrals/upload/" + id).session(manager)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Import 3 valid rows").doesNotContain("Rows with errors</h2>");
        assertThat(summary(page)).containsEntry("Rows in the file", "3").containsEntry("Rows with errors", "0")
                .containsEntry("Valid rows not yet imported", "3");
        assertThat(referrals(surname)).isZero();

        mvc.perform(post("/referrals/upload/" + id + "/import").session(manager).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "3 referrals imported."));

        assertThat(referrals(surname)).isEqualTo(3);
        long managerId = personId(SignIn.BURY_MANAGER);
        List<String> saved = jdbc.sql("""
                SELECT source, referring_for, person_agrees, referrer_name, referrer_person_id, status
                FROM referral WHERE last_name = ?""").param(surname)
                .query((rs, n) -> String.join("|", rs.getString("source"), rs.getString("referring_for"),
                        String.valueOf(rs.getBoolean("person_agrees")), rs.getString("referrer_name"),
                        String.valueOf(rs.getLong("referrer_person_id")), rs.getString("status")))
                .list();
        assertThat(saved).containsOnly("BULK|SOMEONE_ELSE|true|Priya Shah|" + managerId + "|RECEIVED");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM referral_event e JOIN referral r ON r.id = e.referral_id
                WHERE r.last_name = ? AND e.kind = 'RECEIVED'""").param(surname).query(Integer.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT date_of_birth FROM referral WHERE first_name = 'Ben' AND last_name = ?")
                .param(surname).query(java.time.LocalDate.class).single()).isEqualTo("1990-02-14");
        assertThat(audit(id, "UPLOAD")).isEqualTo(1);
        assertThat(audit(id, "IMPORT")).isEqualTo(1);
        assertThat(audit(id, "VIEW")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void badRowsAreReportedByRowAndColumnAndOnlyTheValidRowsAreImported() throws Exception {
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        String surname = uniqueSurname();
        String badDate = row("Dora", surname, "31/02/1990");
        String badChoiceNoPostcode = row("Eli", surname, "1988-01-01").replace(",BL9 0EJ,phone,", ",,pigeon,");
        String tooYoung = row("Finn", surname, "2020-01-01");
        long id = uploadAccepted(manager, csv(row("Cara", surname, "1980-05-05"), badDate, badChoiceNoPostcode,
                tooYoung));

        String page = mvc.perform(get("/referrals/upload/" + id).session(manager)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(summary(page)).containsEntry("Rows in the file", "4").containsEntry("Rows with errors", "3");
        assertThat(page).contains("Import 1 valid row<");
        assertThat(errorTable(page)).containsExactly(
                "3|date_of_birth|Date of birth must be a real date in the format YYYY-MM-DD or DD/MM/YYYY, like 1984-03-27",
                "4|contact_preference|Contact preference must be phone, email, text or letter",
                "4|postcode|Enter a postcode",
                "5|date_of_birth|The person must be aged 16 to 67 to get support from this service");

        mvc.perform(post("/referrals/upload/" + id + "/import").session(manager).with(csrf()))
                .andExpect(flash().attribute("notice", "1 referral imported."));
        assertThat(jdbc.sql("SELECT first_name FROM referral WHERE last_name = ?").param(surname).query(String.class)
                .list()).containsExactly("Cara");

        // The file to correct holds exactly the bad rows, as given, with what is wrong in an extra column.
        MvcResult download = mvc.perform(get("/referrals/upload/" + id + "/errors.csv").session(manager))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn();
        List<CsvRecord> records = CsvReader.builder().ofCsvRecord(download.getResponse().getContentAsString(
                StandardCharsets.UTF_8)).stream().toList();
        assertThat(records).hasSize(4);
        assertThat(String.join(",", records.get(0).getFields())).isEqualTo(HEADER + ",errors");
        assertThat(records.get(1).getFields().subList(0, 27)).isEqualTo(fields(badDate));
        assertThat(records.get(1).getField(27)).isEqualTo("date_of_birth: Date of birth must be a real date in the "
                + "format YYYY-MM-DD or DD/MM/YYYY, like 1984-03-27");
        assertThat(records.get(2).getFields().subList(0, 27)).isEqualTo(fields(badChoiceNoPostcode));
        assertThat(records.get(2).getField(27)).isEqualTo("contact_preference: Contact preference must be phone, "
                + "email, text or letter; postcode: Enter a postcode");
        assertThat(records.get(3).getField(0)).isEqualTo("Finn");

        // Corrected in place, errors column and all, the file goes back in and only the corrections are added.
        String corrected = download.getResponse().getContentAsString(StandardCharsets.UTF_8)
                .replace("31/02/1990", "28/02/1990").replace(",,pigeon,", ",BL9 0EJ,letter,")
                .replace("2020-01-01", "2000-01-01");
        long again = uploadAccepted(manager, corrected);
        mvc.perform(post("/referrals/upload/" + again + "/import").session(manager).with(csrf()))
                .andExpect(flash().attribute("notice", "3 referrals imported."));
        assertThat(jdbc.sql("SELECT first_name FROM referral WHERE last_name = ? ORDER BY first_name")
                .param(surname).query(String.class).list()).containsExactly("Cara", "Dora", "Eli", "Finn");
    }

    @Test
    void theSameFileTwiceAndARepeatedRowInALaterFileCreateNoDuplicates() throws Exception {
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        String surname = uniqueSurname();
        String file = csv(row("Gail", surname, "1982-03-04"), row("Hugo", surname, "1975-07-08"));
        long first = uploadAccepted(manager, file);
        mvc.perform(post("/referrals/upload/" + first + "/import").session(manager).with(csrf()))
                .andExpect(flash().attribute("notice", "2 referrals imported."));
        // Pressing the button again (a double click, or the back button) saves nothing more.
        mvc.perform(post("/referrals/upload/" + first + "/import").session(manager).with(csrf()))
                .andExpect(flash().attribute("notice", "0 referrals imported. 2 rows were already imported."));

        long second = uploadAccepted(manager, file);
        String page = mvc.perform(get("/referrals/upload/" + second).session(manager)).andReturn().getResponse()
                .getContentAsString();
        assertThat(summary(page)).containsEntry("Rows already imported", "2")
                .containsEntry("Valid rows not yet imported", "0");
        assertThat(Jsoup.parse(page).text()).doesNotContain("Import 0")
                .contains("Every valid row in this file has been imported");
        mvc.perform(post("/referrals/upload/" + second + "/import").session(manager).with(csrf()))
                .andExpect(flash().attribute("notice", "0 referrals imported. 2 rows were already imported."));

        // A later export repeats Hugo, written differently (case, spacing, date format), beside someone new.
        String hugoAgain = row(" hugo ", surname.toUpperCase(), "08/07/1975").replace("BL9 0EJ", "bl90ej");
        long third = uploadAccepted(manager, csv(hugoAgain, row("Iris", surname, "1991-09-10"), row("Iris", surname,
                "1991-09-10")));
        mvc.perform(post("/referrals/upload/" + third + "/import").session(manager).with(csrf()))
                .andExpect(flash().attribute("notice", "1 referral imported. 2 rows were already imported."));
        assertThat(referrals(surname)).isEqualTo(3);
    }

    @Test
    void filesThatCannotBeUsedAreRefusedWithAClearErrorAndNothingIsSaved() throws Exception {
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        long managerId = personId(SignIn.BURY_MANAGER);
        int uploadsBefore = uploadsBy(managerId);
        String surname = uniqueSurname();
        String good = csv(row("Jo", surname, "1980-01-01"));

        refused(manager, null, "Select a CSV file of referrals");
        refused(manager, new MockMultipartFile("file", "", "application/octet-stream", new byte[0]),
                "Select a CSV file of referrals");
        refused(manager, file("referrals.csv", new byte[0]), "The selected file is empty");
        refused(manager, file("referrals.xlsx", zip(good)), "The selected file must be a CSV file");
        refused(manager, file("referrals.csv", zip(good)), "The selected file must be a CSV file. Save a spreadsheet "
                + "as &#39;CSV UTF-8&#39; and upload that");
        byte[] latin1 = good.replace("Jo,", "Siân,").getBytes(StandardCharsets.ISO_8859_1);
        refused(manager, file("referrals.csv", latin1), "The selected file must use UTF-8 character encoding");
        refused(manager, file("referrals.csv", good.replace(",postcode,", ",").replace("first_name,last_name,",
                "first_name,surname,").getBytes(StandardCharsets.UTF_8)),
                "The selected file is missing the columns last_name, postcode");
        refused(manager, file("referrals.csv", (HEADER + "\r\n").getBytes(StandardCharsets.UTF_8)),
                "The selected file has a header row but no referrals");
        byte[] oversize = new byte[(int) ReferralFile.MAX_BYTES + 1];
        Arrays.fill(oversize, (byte) 'a');
        refused(manager, file("referrals.csv", oversize), "The selected file must be smaller than 5 MB");
        StringBuilder tooMany = new StringBuilder(HEADER).append("\n");
        String minimal = "x" + ",".repeat(26) + "\n";
        for (int i = 0; i <= ReferralFile.MAX_ROWS; i++) {
            tooMany.append(minimal);
        }
        refused(manager, file("referrals.csv", tooMany.toString().getBytes(StandardCharsets.UTF_8)),
                "The selected file must have 100,000 rows or fewer");

        assertThat(uploadsBy(managerId)).isEqualTo(uploadsBefore);
        assertThat(referrals(surname)).isZero();
        // A UTF-8 byte order mark, as Excel writes, is fine.
        byte[] bom = ("\uFEFF" + good).getBytes(StandardCharsets.UTF_8);
        uploadAccepted(manager, bom);
    }

    @Test
    void aFileOverTheServersLimitComesBackToTheUploadPageWithTheSameError() throws Exception {
        // The server takes files up to 10 MB (employers' evidence); a referral file has its own 5 MB limit.
        assertThat(multipart.getMaxFileSize()).isEqualTo(DataSize.ofMegabytes(10));
        assertThat(ReferralFile.MAX_BYTES).isEqualTo(DataSize.ofMegabytes(5).toBytes());
        // The UploadTooLarge advice sends an oversized post back to the page (UploadFormsTest).
        assertThat(uploadForms.postedTo("/referrals/upload")).map(UploadForm::page).contains("/referrals/upload");

        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        String page = mvc.perform(get("/referrals/upload?error=too-large").session(manager)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertRefusalShown(page, "The selected file must be smaller than 5 MB");
    }

    @Test
    void theTemplateHasTheDocumentedHeaderAndAnExampleRowThatPassesEveryCheck() throws Exception {
        MockHttpSession referrer = SignIn.as(mvc, REFERRER);
        String page = mvc.perform(get("/referrals/upload").session(referrer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Document html = Jsoup.parse(page);
        assertThat(html.select("#columns tbody th code").eachText()).containsExactly(HEADER.split(","));
        assertThat(html.select("form[enctype=multipart/form-data] input[type=file]#file")).hasSize(1);

        MvcResult template = mvc.perform(get("/referrals/upload/template.csv").session(referrer))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment"))).andReturn();
        byte[] bytes = template.getResponse().getContentAsByteArray();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith(HEADER + "\r\n");

        long id = uploadAccepted(referrer, bytes);
        String report = mvc.perform(get("/referrals/upload/" + id).session(referrer)).andReturn().getResponse()
                .getContentAsString();
        assertThat(summary(report)).containsEntry("Rows in the file", "1").containsEntry("Rows with errors", "0");
    }

    @Test
    void onlyProviderManagersAndReferrersUploadAndOnlyTheUploaderSeesTheReport() throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(get("/referrals/upload").session(coach)).andExpect(status().isNotFound());
        mvc.perform(get("/referrals/upload/template.csv").session(coach)).andExpect(status().isNotFound());
        mvc.perform(multipart("/referrals/upload").file(file("referrals.csv",
                csv(row("Kim", uniqueSurname(), "1980-01-01")).getBytes(StandardCharsets.UTF_8)))
                .session(coach).with(csrf())).andExpect(status().isNotFound());

        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        String surname = uniqueSurname();
        long id = uploadAccepted(manager, csv(row("Lee", surname, "1980-01-01")));
        MockHttpSession referrer = SignIn.as(mvc, REFERRER);
        mvc.perform(get("/referrals/upload").session(referrer)).andExpect(status().isOk());
        mvc.perform(get("/referrals/upload/" + id).session(referrer)).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(surname))));
        mvc.perform(get("/referrals/upload/" + id + "/errors.csv").session(referrer)).andExpect(status().isNotFound());
        mvc.perform(post("/referrals/upload/" + id + "/import").session(referrer).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/referrals/upload/" + id).session(coach)).andExpect(status().isNotFound());
        assertThat(referrals(surname)).isZero();
    }

    // --- helpers

    /** A valid row in the documented column order, with the given name and date of birth. */
    private static String row(String firstName, String lastName, String dateOfBirth) {
        return String.join(",", firstName, lastName, dateOfBirth, "", "07700 900982", "", "1 Market Street", "",
                "Bury", "BL9 0EJ", "phone", "\"Mornings, before 11\"", "Townside Primary Care Centre", "P83010",
                "off_sick", "", "Bury Logistics Ltd", "yes", "2026-09-01", "no", "yes", "no",
                "Back pain", "dont_know", "Help to go back to work", "yes", "no");
    }

    private static List<String> fields(String row) {
        return CsvReader.builder().ofSingleCsvRecord(row).getFields();
    }

    private static String csv(String... rows) {
        return HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    /** Letters only, as names must be, and different on every run against a shared database. */
    private static String uniqueSurname() {
        StringBuilder name = new StringBuilder("Upload");
        for (int i = 0; i < 10; i++) {
            name.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return name.toString();
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, "text/csv", content);
    }

    private long uploadAccepted(MockHttpSession session, String csv) throws Exception {
        return uploadAccepted(session, csv.getBytes(StandardCharsets.UTF_8));
    }

    private long uploadAccepted(MockHttpSession session, byte[] content) throws Exception {
        MvcResult result = mvc.perform(multipart("/referrals/upload").file(file("referrals.csv", content))
                .session(session).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/referrals/upload/\\d+");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private void refused(MockHttpSession session, MockMultipartFile file, String message) throws Exception {
        var request = multipart("/referrals/upload");
        if (file != null) {
            request.file(file);
        }
        String page = mvc.perform(request.session(session).with(csrf())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertRefusalShown(page, message);
    }

    /** On the page: in the error summary linking to the field, next to the field, and in the title. */
    private static void assertRefusalShown(String page, String message) {
        Document html = Jsoup.parse(page);
        String text = Jsoup.parse(message).text();
        assertThat(html.title()).startsWith("Error: ");
        assertThat(html.select(".govuk-error-summary a[href=#file]").text()).contains(text);
        assertThat(html.select("#file-error").text()).contains(text);
    }

    private static java.util.Map<String, String> summary(String page) {
        java.util.Map<String, String> figures = new java.util.LinkedHashMap<>();
        for (var row : Jsoup.parse(page).select(".govuk-summary-list__row")) {
            figures.put(row.select(".govuk-summary-list__key").text(), row.select(".govuk-summary-list__value").text());
        }
        return figures;
    }

    private static List<String> errorTable(String page) {
        List<String> lines = new ArrayList<>();
        for (var row : Jsoup.parse(page).select("table tbody tr")) {
            lines.add(String.join("|", row.select("td").eachText()));
        }
        return lines;
    }

    private static byte[] zip(String content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private int referrals(String surname) {
        return jdbc.sql("SELECT COUNT(*) FROM referral WHERE LOWER(last_name) = LOWER(?)").param(surname)
                .query(Integer.class).single();
    }

    private long personId(String email) {
        return jdbc.sql("SELECT id FROM person WHERE email = ?").param(email).query(Long.class).single();
    }

    private int uploadsBy(long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM referral_upload WHERE uploaded_by = ?").param(personId)
                .query(Integer.class).single();
    }

    private int audit(long uploadId, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'referral_upload' AND record_id = ? "
                + "AND action = ?").params(String.valueOf(uploadId), action).query(Integer.class).single();
    }

    @Test
    void everyImportedRowCountsAsAReferralReceivedUnderTheContractItsRouteImplies() throws Exception {
        // A provider of its own, holding one live WorkWell contract, that a GP practice code routes to: other tests
        // give Bury contracts of other programmes, and a route to several programmes implies none.
        String practice = "Y" + (10000 + new Random().nextInt(89999));
        String name = "Upload test provider " + practice;
        long bury = jdbc.sql("SELECT id FROM organisation WHERE name = 'Bury'").query(Long.class).single();
        jdbc.sql("INSERT INTO organisation (name, type_code, parent_id, created_at) VALUES (?, 'PROVIDER', ?, ?)")
                .params(name, bury, java.time.LocalDateTime.now()).update();
        long provider = jdbc.sql("SELECT id FROM organisation WHERE name = ?").param(name).query(Long.class).single();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        jdbc.sql("""
                INSERT INTO contract (reference, programme_id, provider_organisation_id, commissioner_organisation_id,
                                      area, starts_on, ends_on)
                SELECT ?, p.id, ?, o.parent_id, 'Bury', ?, ? FROM programme p, organisation o
                WHERE p.code = 'WW' AND o.id = ?""")
                .params("WW-" + practice, provider, today.minusDays(1), today.plusDays(1), bury).update();
        jdbc.sql("INSERT INTO referral_area (organisation_id, kind, code) VALUES (?, 'GP_PRACTICE', ?)")
                .params(provider, practice).update();
        String surname = uniqueSurname();
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        long id = uploadAccepted(manager, csv(row("Amira", surname, "1985-06-01").replace("P83010", practice),
                row("Ben", surname, "14/02/1990").replace("P83010", practice)));
        mvc.perform(post("/referrals/upload/" + id + "/import").session(manager).with(csrf()))
                .andExpect(status().is3xxRedirection());

        String expected = "WW|WW-" + practice + "|" + personId(SignIn.BURY_MANAGER) + "|" + provider;
        assertThat(jdbc.sql("""
                SELECT p.code || '|' || c.reference || '|' || m.recorded_by || '|' || m.organisation_id
                FROM milestone m JOIN referral r ON r.id = m.referral_id JOIN programme p ON p.id = m.programme_id
                JOIN contract c ON c.id = m.contract_id
                WHERE r.last_name = ? AND m.type = 'REFERRAL_RECEIVED'""").param(surname).query(String.class)
                .list()).containsExactly(expected, expected);
    }
}

package org.workhealth.referral;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralSource;

/** The area deprivation lookup: uploaded whole by a national administrator, every bad row reported, nothing half-saved. */
@SpringBootTest
@AutoConfigureMockMvc
class DeprivationUploadTest {

    private static final String PAGE = "/admin/area-deprivation";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PostcodeDeprivation deprivation;
    @Autowired
    ReferralIntake intake;

    @Test
    void aGoodFileReplacesTheWholeLookupWithPostcodesNormalised() throws Exception {
        MockHttpSession admin = SignIn.as(mvc, SignIn.NATIONAL_ADMIN);
        upload(admin, "first.csv", "postcode,imd_decile\nZE1 0AA,3\n").andExpect(redirectedUrl(PAGE));

        // Any column order, extra columns ignored, postcodes in any case and spacing, a byte order mark, CRLF.
        mvc.perform(multipart(PAGE + "/upload").file(file("lookup.csv",
                "\uFEFFlsoa,imd_decile,postcode\r\nE01000001,1,bl90ej\r\nE01000002,10, m45 6tr \r\n,,\r\n"
                        + "E01000003,5,OL1 1AA\r\n")).session(admin).with(csrf()))
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("notice", "The area deprivation lookup now has 3 postcodes from lookup.csv."));

        assertThat(lookup()).containsExactlyInAnyOrderEntriesOf(Map.of("BL9 0EJ", 1, "M45 6TR", 10, "OL1 1AA", 5));
        assertThat(deprivation.decile("bl9 0ej")).contains(1);
        assertThat(deprivation.decile("ZE1 0AA")).as("the earlier lookup is gone").isEmpty();
        assertThat(deprivation.current().orElseThrow().postcodes()).isEqualTo(3);
        assertThat(deprivation.current().orElseThrow().illustrative()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'postcode-deprivation' AND action = "
                + "'IMPORT' AND detail = 'Replaced the area deprivation lookup with lookup.csv: 3 postcodes'")
                .query(Long.class).single()).isEqualTo(1);

        Document page = page(mvc.perform(get(PAGE).session(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(UTF_8));
        assertThat(page.select("#current-lookup").text()).contains("3", "lookup.csv");
    }

    @Test
    void everyBadRowIsReportedAndNothingIsSaved() throws Exception {
        MockHttpSession admin = SignIn.as(mvc, SignIn.NATIONAL_ADMIN);
        upload(admin, "before.csv", "postcode,imd_decile\nBL9 0EJ,4\nOL1 1AA,6\n").andExpect(redirectedUrl(PAGE));

        Document page = page(upload(admin, "bad.csv", String.join("\n", "postcode,imd_decile", "CV1 1AA,2",
                "NOT A POSTCODE,3", "CV1 1AB,11", "CV1 1AD,", ",4", "cv11aa,2", "CV1 1AE,two", "CV1 1AF,7", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(UTF_8));

        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary a").text()).isEqualTo("The selected file has 6 rows with "
                + "errors, listed below. Nothing has been saved: correct the file and upload it again");
        assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#file");
        assertThat(page.select("#row-problems tbody tr").stream().map(tr -> tr.children().eachText()).toList())
                .containsExactly(
                        List.of("3", "Postcode must be a UK postcode, like BL9 0EJ"),
                        List.of("4", "IMD decile must be a whole number from 1 to 10"),
                        List.of("5", "IMD decile must be a whole number from 1 to 10"),
                        List.of("6", "Enter a postcode"),
                        List.of("7", "Postcode CV1 1AA is also on row 2: list each postcode once"),
                        List.of("8", "IMD decile must be a whole number from 1 to 10"));
        // Not one good row was saved, and the lookup is as it was.
        assertThat(lookup()).containsExactlyInAnyOrderEntriesOf(Map.of("BL9 0EJ", 4, "OL1 1AA", 6));
        assertThat(deprivation.current().orElseThrow().fileName()).isEqualTo("before.csv");
    }

    @Test
    void aFileThatCannotBeReadAsALookupIsRefusedWhole() throws Exception {
        MockHttpSession admin = SignIn.as(mvc, SignIn.NATIONAL_ADMIN);
        upload(admin, "before.csv", "postcode,imd_decile\nBL9 0EJ,4\n").andExpect(redirectedUrl(PAGE));
        Map<String, String> refusals = Map.of(
                "no-header.csv", "BL9 0EJ,4\n",
                "only-header.csv", "postcode,imd_decile\n",
                "lookup.txt", "postcode,imd_decile\nBL9 0EJ,4\n",
                "latin1.csv", "postcode,imd_decile,area\nBL9 0EJ,4,Bury\u00e9\n");
        Map<String, String> messages = Map.of(
                "no-header.csv", "The selected file must start with a header row naming the columns postcode and "
                        + "imd_decile",
                "only-header.csv", "The selected file has a header row but no postcodes",
                "lookup.txt", "The selected file must be a CSV file (.csv), or one compressed with gzip (.csv.gz)",
                "latin1.csv", "The selected file must use UTF-8 character encoding. Save it as 'CSV UTF-8' and "
                        + "upload it again");
        for (var refusal : refusals.entrySet()) {
            byte[] bytes = refusal.getKey().equals("latin1.csv")
                    ? refusal.getValue().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)
                    : refusal.getValue().getBytes(UTF_8);
            Document page = page(mvc.perform(multipart(PAGE + "/upload").file(new MockMultipartFile("file",
                    refusal.getKey(), "text/csv", bytes)).session(admin).with(csrf())).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(UTF_8));
            assertThat(page.select("#file-error").text()).as(refusal.getKey())
                    .isEqualTo("Error: " + messages.get(refusal.getKey()));
        }
        Document none = page(mvc.perform(multipart(PAGE + "/upload").session(admin).with(csrf()))
                .andReturn().getResponse().getContentAsString(UTF_8));
        assertThat(none.select("#file-error").text()).isEqualTo("Error: Select a CSV file of postcodes and IMD deciles");
        assertThat(lookup()).containsExactlyEntriesOf(Map.of("BL9 0EJ", 4));
    }

    @Test
    void aGzippedFileIsReadAsItsCsv() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write("postcode,imd_decile\nWV1 1AA,2\nWV2 4NZ,9\n".getBytes(UTF_8));
        }
        MockHttpSession admin = SignIn.as(mvc, SignIn.NATIONAL_ADMIN);
        mvc.perform(multipart(PAGE + "/upload").file(new MockMultipartFile("file", "nspl-imd.csv.gz",
                "application/gzip", zipped.toByteArray())).session(admin).with(csrf())).andExpect(redirectedUrl(PAGE));
        assertThat(lookup()).containsExactlyInAnyOrderEntriesOf(Map.of("WV1 1AA", 2, "WV2 4NZ", 9));

        Document notGzip = page(mvc.perform(multipart(PAGE + "/upload").file(new MockMultipartFile("file",
                "fake.csv.gz", "application/gzip", "postcode,imd_decile\n".getBytes(UTF_8))).session(admin)
                .with(csrf())).andReturn().getResponse().getContentAsString(UTF_8));
        assertThat(notGzip.select("#file-error").text()).contains("not a gzip file");
    }

    @Test
    void onlyNationalAdministratorsSeeOrReplaceTheLookup() throws Exception {
        MockHttpSession admin = SignIn.as(mvc, SignIn.NATIONAL_ADMIN);
        upload(admin, "before.csv", "postcode,imd_decile\nBL9 0EJ,4\n").andExpect(redirectedUrl(PAGE));
        for (String email : List.of(SignIn.GM_ADMIN, SignIn.GM_COMMISSIONER, SignIn.NATIONAL, SignIn.BURY_COACH)) {
            MockHttpSession session = SignIn.as(mvc, email);
            mvc.perform(get(PAGE).session(session)).andExpect(status().isForbidden());
            upload(session, "sneaky.csv", "postcode,imd_decile\nBL9 0EJ,9\n").andExpect(status().isForbidden());
        }
        assertThat(lookup()).containsExactlyEntriesOf(Map.of("BL9 0EJ", 4));
    }

    @Test
    void postcodesArePackedAndUnpackedExactly() throws Exception {
        for (String postcode : List.of("BL9 0EJ", "M1 1AA", "WV10 0QP", "EC1A 1BB", "W1A 0AX", "ZZ99 9ZZ")) {
            assertThat(DeprivationFile.decodePostcode(DeprivationFile.encodePostcode(postcode))).isEqualTo(postcode);
        }
        DeprivationFile.Result result = DeprivationFile.read(new ByteArrayInputStream(
                "postcode,imd_decile\nEC1A 1BB,10\nM1 1AA,1\n".getBytes(UTF_8)), false);
        assertThat(result.usable()).isTrue();
        assertThat(java.util.stream.IntStream.range(0, result.size()).mapToObj(i -> result.postcode(i) + "="
                + result.decile(i)).toList()).containsExactlyInAnyOrder("EC1A 1BB=10", "M1 1AA=1");
    }

    @Test
    void otherModulesGetTheDecilesOfReferralsTheLookupHas() throws Exception {
        upload(SignIn.as(mvc, SignIn.NATIONAL_ADMIN), "lookup.csv", "postcode,imd_decile\nBL9 0EJ,3\n")
                .andExpect(redirectedUrl(PAGE));
        long inLookup = referral("bl9 0ej");
        long notInLookup = referral("BL9 9ZZ");
        assertThat(deprivation.decilesOfReferrals(List.of(inLookup, notInLookup, 999_999_999L)))
                .containsExactlyEntriesOf(Map.of(inLookup, 3));
        assertThat(deprivation.decile("BL9 9ZZ")).isEmpty();
        assertThat(deprivation.decile("not a postcode")).isEmpty();
    }

    private long referral(String postcode) {
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Kim", "Lookup", java.time.LocalDate.of(
                1990, 3, 3), null, "07700 900555", null, null, null, null, postcode, ContactPreference.PHONE, null,
                null, null, EmploymentStatus.UNEMPLOYED, java.time.LocalDate.now().minusWeeks(6), null, null, null,
                true, false, false, "Anxiety", "NO", "Help to find work", true, false, null, null, null, null, null);
        return intake.submit(answers, ReferralSource.PUBLIC, null, null).id();
    }

    @Test
    void theDemosIllustrativeLookupCoversEveryExamplePostcode() throws Exception {
        DeprivationFile.Result demo;
        try (var in = new org.springframework.core.io.ClassPathResource(ReferralExamples.ILLUSTRATIVE_DEPRIVATION)
                .getInputStream()) {
            demo = DeprivationFile.read(in, false);
        }
        assertThat(demo.usable()).isTrue();
        java.util.Set<String> postcodes = new java.util.HashSet<>();
        for (int i = 0; i < demo.size(); i++) {
            postcodes.add(demo.postcode(i));
        }
        for (ReferralExamples.Area area : ReferralExamples.Area.values()) {
            assertThat(postcodes).as(area.name()).containsAll(area.postcodes());
        }
    }

    private org.springframework.test.web.servlet.ResultActions upload(MockHttpSession session, String name,
            String content) throws Exception {
        return mvc.perform(multipart(PAGE + "/upload").file(file(name, content)).session(session).with(csrf()));
    }

    private static MockMultipartFile file(String name, String content) {
        return new MockMultipartFile("file", name, "text/csv", content.getBytes(UTF_8));
    }

    private Map<String, Integer> lookup() {
        Map<String, Integer> lookup = new java.util.HashMap<>();
        jdbc.sql("SELECT postcode, imd_decile FROM postcode_deprivation").query((rs, n) -> lookup.put(
                rs.getString(1), rs.getInt(2))).list();
        return lookup;
    }

    private static Document page(String html) {
        return Jsoup.parse(html);
    }
}

package org.workhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.TestData;
import org.workhealth.api.ApiScope;
import org.workhealth.api.internal.ApiClients;

import ca.uhn.fhir.parser.IParser;

/**
 * A GP system refers through FHIR R4 as a practice's API client: a Bundle or a ServiceRequest with contained
 * resources becomes a referral through the web form's intake, and the practice reads its status as triage moves it
 * on. Run over real HTTP: the FHIR server is a servlet of its own, which MockMvc cannot reach.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class FhirReferralsTest {

    static final String PRACTICE = "Townside Primary Care Centre";
    private static final IParser JSON = FhirFixtures.JSON;

    @LocalServerPort
    int port;
    @Autowired
    ApiClients clients;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBundleBecomesAReferralWithTheFormsAnswersIsAcknowledgedOnceAndItsStatusFollowsTriage() throws Exception {
        String token = token(PRACTICE, ApiScope.REFERRALS_WRITE, ApiScope.REFERRALS_READ);
        String lastName = "Fhir" + TestData.letters(6);
        Bundle bundle = FhirFixtures.bundle(lastName);

        HttpResponse<String> response = send("POST", "/fhir", token, JSON.encodeResourceToString(bundle));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Bundle answer = JSON.parseResource(Bundle.class, response.body());
        assertThat(answer.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(answer.getEntry()).hasSameSizeAs(bundle.getEntry());
        Bundle.BundleEntryComponent created = answer.getEntryFirstRep();
        assertThat(created.getResponse().getStatus()).isEqualTo("201 Created");
        ServiceRequest request = (ServiceRequest) created.getResource();
        String reference = request.getIdentifierFirstRep().getValue();
        assertThat(created.getResponse().getLocation()).isEqualTo("ServiceRequest/" + reference);
        assertThat(request.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
        assertThat(request.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
        assertThat(answer.getEntry().get(1).getResponse().getStatus()).isEqualTo("200 OK");

        Map<String, Object> stored = jdbc.sql("""
                SELECT id, source, first_name, last_name, date_of_birth, nhs_number, phone, email, address_line_1,
                    town, postcode, contact_preference, referrer_name, referrer_contact, gp_practice, gp_practice_code,
                    employment_status, unemployed_since, has_fit_note, fit_note_since, condition_mental_health,
                    condition_musculoskeletal, condition_other, condition_details, help_wanted, person_agrees,
                    consent_to_contact, consent_to_contact_employer, referrer_organisation_id
                FROM referral WHERE reference = ?""").param(reference).query().singleRow();
        assertThat(stored).containsEntry("source", "FHIR").containsEntry("first_name", "Amira")
                .containsEntry("last_name", lastName).containsEntry("nhs_number", "9434765919")
                .containsEntry("phone", "07700900123").containsEntry("email", "amira@example.com")
                .containsEntry("address_line_1", "7 Bank Street").containsEntry("town", "Bury")
                .containsEntry("postcode", "BL9 0EJ").containsEntry("contact_preference", "PHONE")
                .containsEntry("referrer_name", "Dr Helen Clarke")
                .containsEntry("referrer_contact", "referrer@townside.workhealth.example")
                .containsEntry("gp_practice", PRACTICE).containsEntry("gp_practice_code", "P83010")
                .containsEntry("employment_status", "UNEMPLOYED").containsEntry("has_fit_note", true)
                .containsEntry("condition_mental_health", true).containsEntry("condition_musculoskeletal", false)
                .containsEntry("condition_other", false).containsEntry("condition_details", "Anxiety")
                .containsEntry("help_wanted", "Help back to work").containsEntry("person_agrees", true)
                .containsEntry("consent_to_contact", true).containsEntry("consent_to_contact_employer", false);
        assertThat(stored.get("date_of_birth").toString()).isEqualTo("1984-02-02");
        assertThat(stored.get("unemployed_since").toString()).isEqualTo(TestData.today().minusWeeks(12).toString());
        assertThat(stored.get("fit_note_since").toString()).isEqualTo(TestData.today().minusWeeks(2).toString());
        assertThat(((Number) stored.get("referrer_organisation_id")).longValue()).isEqualTo(data.org(PRACTICE));
        long id = ((Number) stored.get("id")).longValue();
        assertThat(jdbc.sql("SELECT recipient FROM notification_message WHERE event_key = ?")
                .param("referral-received:" + id).query(String.class).list())
                .as("the referrer is told the reference, once").containsExactly("referrer@townside.workhealth.example");

        HttpResponse<String> again = send("POST", "/fhir", token, JSON.encodeResourceToString(bundle));
        Bundle repeated = JSON.parseResource(Bundle.class, again.body());
        assertThat(repeated.getEntryFirstRep().getResponse().getStatus()).as("a repeat makes nothing new")
                .isEqualTo("200 OK");
        assertThat(repeated.getEntryFirstRep().getResponse().getLocation()).isEqualTo("ServiceRequest/" + reference);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral WHERE last_name = ?").param(lastName).query(Integer.class)
                .single()).isOne();

        ServiceRequest received = read(token, reference);
        assertThat(received.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
        assertThat(statusCode(received)).isEqualTo("RECEIVED");
        assertThat(received.getNoteFirstRep().getText()).startsWith("Received. Received ").contains("response is due");
        assertThat(jdbc.sql("SELECT actor_email FROM audit_event WHERE action = 'VIEW' AND record_type = 'referral' "
                + "AND record_id = ?").param(String.valueOf(id)).query(String.class).list())
                .singleElement().asString().startsWith("api-client:whc_");

        mvc.perform(post("/referrals/" + id + "/decline").param("reason", "Not eligible")
                .session(SignIn.as(mvc, SignIn.BURY_COACH)).with(csrf())).andExpect(status().is3xxRedirection());

        ServiceRequest declined = read(token, reference);
        assertThat(declined.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED);
        assertThat(statusCode(declined)).isEqualTo("DECLINED");
        assertThat(declined.getNoteFirstRep().getText()).startsWith("Declined.");
    }

    @Test
    void aServiceRequestWithContainedResourcesIsCreatedOnceForItsIdentifier() throws Exception {
        String token = token(PRACTICE, ApiScope.REFERRALS_WRITE);
        String lastName = "Fhir" + TestData.letters(6);
        ServiceRequest request = FhirFixtures.serviceRequest(lastName);
        String identifier = "https://fhir.example-gp-system.co.uk/referral-id|" + UUID.randomUUID();

        HttpResponse<String> response = send("POST", "/fhir/ServiceRequest", token,
                JSON.encodeResourceToString(request), "If-None-Exist", "identifier=" + identifier);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        ServiceRequest created = JSON.parseResource(ServiceRequest.class, response.body());
        String reference = created.getIdentifierFirstRep().getValue();
        assertThat(reference).matches("[A-Z0-9]{4}-[A-Z0-9]{4}");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).contains("/fhir/ServiceRequest/" + reference));
        Map<String, Object> stored = jdbc.sql("""
                SELECT first_name, phone, email, address_line_1, address_line_2, postcode, contact_preference,
                    referrer_name, employment_status, employer_name, has_fit_note, fit_note_since,
                    condition_musculoskeletal, condition_details, consent_to_contact_employer
                FROM referral WHERE reference = ?""").param(reference).query().singleRow();
        assertThat(stored).containsEntry("first_name", "Amira Noor").containsEntry("phone", "07700900123")
                .containsEntry("contact_preference", "TEXT").containsEntry("address_line_1", "Flat 2")
                .containsEntry("address_line_2", "7 Bank Street").containsEntry("postcode", "BL9 0EJ")
                .containsEntry("referrer_name", "Dr Helen Clarke").containsEntry("employment_status", "OFF_SICK")
                .containsEntry("employer_name", "Acme Components Ltd").containsEntry("has_fit_note", true)
                .containsEntry("condition_musculoskeletal", true).containsEntry("condition_details", "Low back pain")
                .containsEntry("consent_to_contact_employer", true);

        HttpResponse<String> again = send("POST", "/fhir/ServiceRequest", token,
                JSON.encodeResourceToString(request), "If-None-Exist", "identifier=" + identifier);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.parseResource(ServiceRequest.class, again.body()).getIdentifierFirstRep().getValue())
                .isEqualTo(reference);
    }

    @Test
    void onlyTheSendingOrganisationsClientsWithTheRightScopeAndALiveTokenGetIn() throws Exception {
        String writer = token(PRACTICE, ApiScope.REFERRALS_WRITE, ApiScope.REFERRALS_READ);
        Bundle collection = FhirFixtures.bundle("Fhir" + TestData.letters(6)).setType(Bundle.BundleType.COLLECTION);
        collection.getEntry().forEach(entry -> entry.setRequest(null));
        HttpResponse<String> sent = send("POST", "/fhir", writer, JSON.encodeResourceToString(collection));
        assertThat(sent.statusCode()).as("a collection Bundle is taken too: " + sent.body()).isEqualTo(200);
        String reference = JSON.parseResource(Bundle.class, sent.body()).getEntryFirstRep().getResponse()
                .getLocation().substring("ServiceRequest/".length());

        String otherOrganisation = token("Oldham Working Well service", ApiScope.REFERRALS_READ);
        assertRefused(send("GET", "/fhir/ServiceRequest/" + reference, otherOrganisation, null), 404);
        assertRefused(send("GET", "/fhir/ServiceRequest/ZZZZ-ZZZZ", writer, null), 404);

        String readOnly = token(PRACTICE, ApiScope.REFERRALS_READ);
        assertRefused(send("POST", "/fhir", readOnly, JSON.encodeResourceToString(FhirFixtures.bundle("Fhir" + TestData.letters(6)))),
                403);
        String writeOnly = token(PRACTICE, ApiScope.REFERRALS_WRITE);
        assertRefused(send("GET", "/fhir/ServiceRequest/" + reference, writeOnly, null), 403);

        ApiClients.IssuedClient revoked = issue(PRACTICE, TestData.today().plusYears(1), ApiScope.REFERRALS_READ);
        clients.revoke(revoked.id(), data.personId(SignIn.GM_ADMIN));
        String expired = issue(PRACTICE, TestData.today().minusDays(1), ApiScope.REFERRALS_READ).token();
        for (String token : new String[] {revoked.token(), expired, null}) {
            assertRefused(send("GET", "/fhir/ServiceRequest/" + reference, token, null), 401);
        }
    }

    @Test
    void theCapabilityStatementIsOpenAndSaysWhatIsSupported() throws Exception {
        HttpResponse<String> response = send("GET", "/fhir/metadata", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        CapabilityStatement capability = JSON.parseResource(CapabilityStatement.class, response.body());
        assertThat(capability.getFhirVersion().toCode()).isEqualTo("4.0.1");
        CapabilityStatement.CapabilityStatementRestComponent rest = capability.getRestFirstRep();
        assertThat(rest.getResource()).anySatisfy(resource -> {
            assertThat(resource.getType()).isEqualTo("ServiceRequest");
            assertThat(resource.getInteraction()).extracting(i -> i.getCode().toCode())
                    .contains("create", "read");
        });
        assertThat(rest.getInteraction()).extracting(i -> i.getCode().toCode()).contains("transaction");
    }

    @Test
    void whatIsNotFhirOrBreaksBaseR4IsRefusedAndNothingIsSaved() throws Exception {
        String token = token(PRACTICE, ApiScope.REFERRALS_WRITE);
        int before = jdbc.sql("SELECT COUNT(*) FROM referral").query(Integer.class).single();

        assertRefused(send("POST", "/fhir", token, "{\"resourceType\": \"Bundle\", \"type\": "), 400);
        Bundle noIntent = FhirFixtures.bundle("Fhir" + TestData.letters(6));
        ((ServiceRequest) noIntent.getEntryFirstRep().getResource()).setIntent(null);
        OperationOutcome invalid = assertRefused(send("POST", "/fhir", token, JSON.encodeResourceToString(noIntent)),
                422);
        assertThat(invalid.getIssue()).anySatisfy(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(issue.getExpression().get(0).getValue()).startsWith("Bundle.entry[0].resource");
            assertThat(issue.getDiagnostics()).contains("intent");
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aReferralBreakingTheIntakesRulesIsRefusedWithEachProblemAtItsElement() throws Exception {
        String token = token(PRACTICE, ApiScope.REFERRALS_WRITE);
        Bundle bundle = FhirFixtures.bundle("Fhir" + TestData.letters(6));
        ((Patient) bundle.getEntry().get(1).getResource()).setBirthDate(null);
        bundle.getEntry().remove(8);
        ((ServiceRequest) bundle.getEntryFirstRep().getResource()).getSupportingInfo().remove(2);

        OperationOutcome outcome = assertRefused(send("POST", "/fhir", token, JSON.encodeResourceToString(bundle)),
                422);

        assertThat(outcome.getIssue()).extracting(i -> i.getExpression().get(0).getValue() + " " + i.getDiagnostics())
                .contains("Bundle.entry[1].resource.birthDate Enter the date of birth",
                        "Bundle.entry[0].resource.supportingInfo The person must agree to being referred before you "
                                + "refer them");
        assertThat(outcome.getIssue()).allSatisfy(i -> assertThat(i.getCode())
                .isEqualTo(OperationOutcome.IssueType.BUSINESSRULE));
    }

    @Test
    void aClientMayReferOnlyForItsOwnPractice() throws Exception {
        String token = token(PRACTICE, ApiScope.REFERRALS_WRITE);
        String lastName = "Fhir" + TestData.letters(6);
        Bundle bundle = FhirFixtures.bundle(lastName);
        ((org.hl7.fhir.r4.model.Organization) bundle.getEntry().get(4).getResource()).getIdentifierFirstRep()
                .setValue("Y02794");

        OperationOutcome outcome = assertRefused(send("POST", "/fhir", token, JSON.encodeResourceToString(bundle)),
                403);

        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("P83010");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral WHERE last_name = ?").param(lastName).query(Integer.class)
                .single()).isZero();
    }

    private ServiceRequest read(String token, String reference) throws Exception {
        HttpResponse<String> response = send("GET", "/fhir/ServiceRequest/" + reference, token, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.parseResource(ServiceRequest.class, response.body());
    }

    private static String statusCode(ServiceRequest request) {
        return ((Coding) request.getExtensionByUrl("https://workhealth.example/fhir/StructureDefinition/referral-status")
                .getValue()).getCode();
    }

    private static OperationOutcome assertRefused(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
        return JSON.parseResource(OperationOutcome.class, response.body());
    }

    private String token(String organisation, ApiScope... scopes) {
        return issue(organisation, TestData.today().plusMonths(6), scopes).token();
    }

    private ApiClients.IssuedClient issue(String organisation, LocalDate expiresOn, ApiScope... scopes) {
        return clients.create(new ApiClients.NewClient("GP system", data.org(organisation), Set.of(scopes),
                expiresOn), data.personId(SignIn.GM_ADMIN));
    }

    private HttpResponse<String> send(String method, String path, String token, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/fhir+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/fhir+json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

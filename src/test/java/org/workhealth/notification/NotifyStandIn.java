package org.workhealth.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A stand-in for GOV.UK Notify's API on a free port: it accepts every email and text message with 201 and an
 * answer in Notify's shape (a new id each time, the reference sent back), unless a test tells it to answer one
 * reference otherwise.
 */
final class NotifyStandIn {

    /** A key of the shape Notify's client needs: {@code name-serviceId-secret}. */
    static final String API_KEY = "test_key-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";
    static final String EMAIL_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    static final String SMS_TEMPLATE = "a9a0c9a3-7d9f-4f21-9d44-2b5f4d7d7c11";
    static final String ACCEPTED_TEMPLATE = "0d3f9b2c-5a7e-4c1b-8f6a-9e2d4c3b1a00";

    private static final String ACCEPTED = """
            {"id": "{{randomValue type='UUID'}}", "reference": "{{jsonPath request.body '$.reference'}}",
             "content": {"body": "Body", "subject": "Subject", "from_email": "service@notifications.example",
                         "from_number": "WorkHealth"},
             "uri": "https://api.notifications.service.gov.uk/v2/notifications/1",
             "template": {"id": "{{jsonPath request.body '$.template_id'}}", "version": 1,
                          "uri": "https://api.notifications.service.gov.uk/v2/templates/1"}}""";

    final WireMockServer server = new WireMockServer(options().dynamicPort().globalTemplating(true));

    NotifyStandIn start() {
        server.start();
        server.stubFor(post(urlPathMatching("/v2/notifications/(email|sms)")).atPriority(10).willReturn(accepted()));
        warmUp();
        return this;
    }

    /**
     * One answer before the tests', so that compiling the answer's template (a second or more on a busy machine) does
     * not run into a test's read timeout.
     */
    private void warmUp() {
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(baseUrl() + "/v2/notifications/email"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reference\": \"warm-up\"}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            server.resetRequests();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    static ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(ACCEPTED);
    }

    static ResponseDefinitionBuilder error(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"status_code\": " + status + ", \"errors\": [{\"error\": \"Error\", \"message\": \"No\"}]}");
    }

    /** Answers the message sent with this reference so, from now on. */
    void answer(long reference, ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathMatching("/v2/notifications/(email|sms)")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.reference", equalTo(String.valueOf(reference))))
                .willReturn(response));
    }

    /** Answers the message with this reference in turn with each response, then with the last for ever. */
    void answerInTurn(long reference, List<ResponseDefinitionBuilder> responses) {
        String scenario = "reference-" + reference;
        for (int i = 0; i < responses.size(); i++) {
            server.stubFor(post(urlPathMatching("/v2/notifications/(email|sms)")).atPriority(1)
                    .withRequestBody(matchingJsonPath("$.reference", equalTo(String.valueOf(reference))))
                    .inScenario(scenario).whenScenarioStateIs(i == 0 ? "Started" : "step-" + i)
                    .willSetStateTo(i == responses.size() - 1 ? "step-" + i : "step-" + (i + 1))
                    .willReturn(responses.get(i)));
        }
    }

    /** The requests that carried this reference. */
    List<LoggedRequest> requestsFor(long reference) {
        return server.findAll(anyRequestedFor(anyUrl())
                .withRequestBody(matchingJsonPath("$.reference", equalTo(String.valueOf(reference)))));
    }

    void stop() {
        server.stop();
    }
}

package org.workhealth.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.workhealth.audit.AuditLog;
import org.workhealth.govuk.TypedText;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.referral.SystemReferrals;

/** Referrals sent by another organisation's system through the web form's intake, and their status read back. */
@RestController
@Tag(name = "Referrals")
class ApiReferralsController {

    static final String PATH = "/api/v1/referrals";
    private static final int IDEMPOTENCY_KEY_LENGTH = 200;
    private static final Pattern REFERENCE = Pattern.compile("[A-Z0-9-]{1,20}");

    /** Where a referral has got to. Times are UTC instants; the response is due by {@code responseDueAt}. */
    record ReferralStatusResponse(String reference, String status, String statusLabel, Instant receivedAt,
            Instant responseDueAt, Instant lastChangedAt) {
    }

    private final SystemReferrals referrals;
    private final AccessPolicy access;
    private final AuditLog audit;

    ApiReferralsController(SystemReferrals referrals, AccessPolicy access, AuditLog audit) {
        this.referrals = referrals;
        this.access = access;
        this.audit = audit;
    }

    @PostMapping(PATH)
    @Operation(summary = "Send a referral", description = "Scope referrals.write. The referral is checked by the web "
            + "form's rules, routed by area and acknowledged to the referrer. Send an Idempotency-Key to make a retry "
            + "safe: a repeat with the same key answers 200 with the referral the first call made.",
            security = @SecurityRequirement(name = ApiDocumentation.BEARER, scopes = "referrals.write"),
            responses = {
                @ApiResponse(responseCode = "201", description = "Received"),
                @ApiResponse(responseCode = "200", description = "Received earlier with the same Idempotency-Key"),
                @ApiResponse(responseCode = "422", description = "Refused: errors lists each answer to correct")})
    ResponseEntity<ReferralStatusResponse> submit(@AuthenticationPrincipal ApiCaller caller,
            @RequestBody ReferralRequest request,
            @Parameter(description = "Up to 200 characters, unique per referral, kept per client")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ApiRefusal.require(caller, ApiScope.REFERRALS_WRITE);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > IDEMPOTENCY_KEY_LENGTH
                || TypedText.hasControlCharacters(idempotencyKey))) {
            throw ApiRefusal.badRequest(List.of(new ApiRefusal.FieldError("Idempotency-Key",
                    "Send an Idempotency-Key of 1 to " + IDEMPOTENCY_KEY_LENGTH + " characters")));
        }
        List<ApiRefusal.FieldError> problems = request.problems();
        if (!problems.isEmpty()) {
            throw ApiRefusal.unprocessable(problems);
        }
        SystemReferrals.Outcome outcome = referrals.submit(request.toSystemReferral(), SystemReferrals.Channel.API,
                caller.organisationId(), caller.clientKey(), idempotencyKey);
        if (outcome instanceof SystemReferrals.Refused refused) {
            throw ApiRefusal.unprocessable(refused.problems().stream()
                    .map(p -> new ApiRefusal.FieldError(p.field(), p.message())).toList());
        }
        SystemReferrals.Received received = (SystemReferrals.Received) outcome;
        SystemReferrals.SentReferral sent = referrals.sentBy(received.reference(), List.of(caller.organisationId()))
                .orElseThrow();
        ReferralStatusResponse body = response(sent);
        if (received.alreadyReceived()) {
            return ResponseEntity.ok().location(location(sent)).body(body);
        }
        return ResponseEntity.created(location(sent)).body(body);
    }

    @GetMapping(PATH + "/{reference}")
    @Operation(summary = "Read a referral's status", description = "Scope referrals.read. Only referrals the "
            + "client's organisation, or one below it, sent; any other reference answers 404.",
            security = @SecurityRequirement(name = ApiDocumentation.BEARER, scopes = "referrals.read"))
    ReferralStatusResponse status(@AuthenticationPrincipal ApiCaller caller, @PathVariable String reference) {
        ApiRefusal.require(caller, ApiScope.REFERRALS_READ);
        if (!REFERENCE.matcher(reference).matches()) {
            throw ApiRefusal.notFound("No referral with this reference was sent by this organisation.");
        }
        SystemReferrals.SentReferral sent = referrals.sentBy(reference, access.scopeOf(caller.organisationId()))
                .orElseThrow(() -> ApiRefusal.notFound("No referral with this reference was sent by this "
                        + "organisation."));
        // Only the status goes back, no personal field, but it tells the sender about one person's referral.
        audit.recordView("referral", sent.id(), null);
        return response(sent);
    }

    private static ReferralStatusResponse response(SystemReferrals.SentReferral sent) {
        return new ReferralStatusResponse(sent.reference(), sent.status().name(), sent.status().label(),
                sent.receivedAt(), sent.responseDueAt(), sent.lastChangedAt());
    }

    private static URI location(SystemReferrals.SentReferral sent) {
        return URI.create(PATH + "/" + sent.reference());
    }
}

package org.workhealth.api;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an integrator check their token: which client it is, for which organisation, with which scopes. */
@RestController
class ApiClientController {

    record ClientInfo(String client, String name, long organisationId, List<String> scopes, LocalDate expiresOn) {
    }

    @GetMapping("/api/v1/client")
    @io.swagger.v3.oas.annotations.Operation(summary = "Check a token", description = "Any scope. Which client the "
            + "token belongs to, for which organisation, with which scopes, until when.",
            security = @io.swagger.v3.oas.annotations.security.SecurityRequirement(name = ApiDocumentation.BEARER))
    @io.swagger.v3.oas.annotations.tags.Tag(name = "Client")
    ClientInfo client(@AuthenticationPrincipal ApiCaller caller) {
        return new ClientInfo(caller.clientKey(), caller.name(), caller.organisationId(),
                caller.scopes().stream().map(ApiScope::code).sorted().toList(), caller.expiresOn());
    }
}

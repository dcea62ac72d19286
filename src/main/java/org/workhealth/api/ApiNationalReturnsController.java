package org.workhealth.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.Organisations;
import org.workhealth.returns.SentReturns;

/**
 * The returns hubs have collated and sent, for the department's systems: figures and pseudonymous participant rows,
 * never a name. Only clients of a national organisation may read them.
 */
@RestController
@Tag(name = "National returns")
class ApiNationalReturnsController {

    static final String PATH = "/api/v1/national-returns";
    static final int MAX_ROWS = 1000;

    private final SentReturns returns;
    private final Organisations organisations;

    ApiNationalReturnsController(SentReturns returns, Organisations organisations) {
        this.returns = returns;
        this.organisations = organisations;
    }

    @GetMapping(PATH)
    @Operation(summary = "List the returns hubs have sent", description = "Scope returns.read, for clients of a "
            + "national organisation only. Newest quarter first.",
            security = @SecurityRequirement(name = ApiDocumentation.BEARER, scopes = "returns.read"))
    List<SentReturns.Summary> list(@AuthenticationPrincipal ApiCaller caller,
            @Parameter(description = "Only this programme's returns", example = "TIW")
            @RequestParam(required = false) String programme,
            @Parameter(description = "Only this quarter's returns", example = "2026-Q1")
            @RequestParam(required = false) String quarter) {
        requireNational(caller);
        if (programme != null && !ApiFiguresController.PROGRAMME.matcher(programme).matches()) {
            throw ApiRefusal.badRequest(List.of(new ApiRefusal.FieldError("programme",
                    "Give the programme's code, such as TIW")));
        }
        if (quarter != null && ApiFiguresController.quarter(quarter) == null) {
            throw ApiRefusal.badRequest(List.of(new ApiRefusal.FieldError("quarter",
                    "Give the quarter as a year and quarter, such as 2026-Q1")));
        }
        return returns.list(caller.organisationId(), programme).stream()
                .filter(r -> quarter == null || r.quarter().equals(quarter)).toList();
    }

    @GetMapping(PATH + "/{id}")
    @Operation(summary = "A sent return's figures and rows", description = "Scope returns.read, national clients "
            + "only. Rows come " + MAX_ROWS + " at a time from offset (0 first); rowCount in the summary says how "
            + "many there are. Reading the rows is audited.",
            security = @SecurityRequirement(name = ApiDocumentation.BEARER, scopes = "returns.read"))
    SentReturns.Detail show(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id,
            @Parameter(description = "The first row to give, from 0") @RequestParam(defaultValue = "0") int offset,
            @Parameter(description = "How many rows, 0 to " + MAX_ROWS) @RequestParam(defaultValue = "" + MAX_ROWS)
            int limit) {
        requireNational(caller);
        if (offset < 0 || limit < 0 || limit > MAX_ROWS) {
            throw ApiRefusal.badRequest(List.of(new ApiRefusal.FieldError(offset < 0 ? "offset" : "limit",
                    "Give offset from 0 and limit from 0 to " + MAX_ROWS)));
        }
        return returns.find(caller.organisationId(), id, offset, limit)
                .orElseThrow(() -> ApiRefusal.notFound("No sent return with this id."));
    }

    private void requireNational(ApiCaller caller) {
        ApiRefusal.require(caller, ApiScope.RETURNS_READ);
        boolean national = organisations.find(caller.organisationId()).map(Organisation::typeCode)
                .filter("NATIONAL"::equals).isPresent();
        if (!national) {
            throw new ApiRefusal(HttpStatus.FORBIDDEN, "Only clients of a national organisation may read national "
                    + "returns.", List.of());
        }
    }
}

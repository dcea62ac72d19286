package org.workhealth.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.workhealth.calendar.Quarter;
import org.workhealth.performance.QuarterFigures;

/**
 * KPI figures per programme, contract and quarter, as flat rows for a reporting tool such as a council's Power BI:
 * the figures the performance pages show, over the contracts the client's organisation delivers or commissions.
 */
@RestController
@Tag(name = "Figures")
class ApiFiguresController {

    static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    static final Pattern PROGRAMME = Pattern.compile("[A-Z0-9_-]{1,20}");

    private final QuarterFigures figures;

    ApiFiguresController(QuarterFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/api/v1/kpis")
    @Operation(summary = "KPI figures for a quarter", description = "Scope figures.read. One row per contract and KPI, "
            + "for the programme's contracts that the client's organisation, or one below it, delivers or "
            + "commissions. Numbers are exact decimals written as JSON numbers; a figure with nothing counted or "
            + "entered is null.", security = @SecurityRequirement(name = ApiDocumentation.BEARER,
                    scopes = "figures.read"))
    List<QuarterFigures.Row> kpis(@AuthenticationPrincipal ApiCaller caller,
            @Parameter(description = "The programme's code", example = "TIW") @RequestParam String programme,
            @Parameter(description = "A contract's id, for that contract only") @RequestParam(required = false)
            Long contract,
            @Parameter(description = "A quarter of a financial year: 2026-Q3 is October to December 2026, Q4 of "
                    + "2026 is January to March 2027", example = "2026-Q3") @RequestParam String quarter) {
        ApiRefusal.require(caller, ApiScope.FIGURES_READ);
        List<ApiRefusal.FieldError> problems = new ArrayList<>();
        if (!PROGRAMME.matcher(programme).matches()) {
            problems.add(new ApiRefusal.FieldError("programme", "Give the programme's code, such as TIW"));
        }
        Quarter asked = quarter(quarter);
        if (asked == null) {
            problems.add(new ApiRefusal.FieldError("quarter", "Give the quarter as a year and quarter, such as "
                    + "2026-Q3"));
        }
        if (!problems.isEmpty()) {
            throw ApiRefusal.badRequest(problems);
        }
        return figures.rows(caller.organisationId(), programme, contract, asked)
                .orElseThrow(() -> ApiRefusal.notFound("No such programme, or no such contract in this "
                        + "organisation's scope."));
    }

    /** "2026-Q3" as Q3 of the financial year 2026/27; null when not of that form. */
    static Quarter quarter(String text) {
        Matcher matcher = text == null ? null : QUARTER.matcher(text);
        if (matcher == null || !matcher.matches()) {
            return null;
        }
        int year = Integer.parseInt(matcher.group(1));
        return year < 1000 || year > 9998 ? null : Quarter.of(year, Integer.parseInt(matcher.group(2)));
    }
}

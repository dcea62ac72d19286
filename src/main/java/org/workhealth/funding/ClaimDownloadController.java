package org.workhealth.funding;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workhealth.audit.AuditLog;
import org.workhealth.calendar.Quarter;
import org.workhealth.funding.internal.ClaimStatement;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingAgreements;
import org.workhealth.organisation.CurrentUser;

/**
 * A quarter's claim statement to download as PDF or XLSX, for whoever may see the funding agreement (the
 * provider's managers, the commissioner's staff); anyone else gets "page not found". {@code year} is the
 * financial year's first year (2025 for 2025/26). Each download is logged, as a page showing it would be.
 */
@Controller
class ClaimDownloadController {

    static final String STATEMENT = "/funding/agreements/{agreementId}/claims/{year}/{quarter}/statement";

    private final FundingAgreements agreements;
    private final Claims claims;
    private final ClaimStatementPdf pdf;
    private final ClaimStatementXlsx xlsx;
    private final AuditLog audit;

    ClaimDownloadController(FundingAgreements agreements, Claims claims, ClaimStatementPdf pdf,
            ClaimStatementXlsx xlsx, AuditLog audit) {
        this.agreements = agreements;
        this.claims = claims;
        this.pdf = pdf;
        this.xlsx = xlsx;
        this.audit = audit;
    }

    @GetMapping(STATEMENT + ".pdf")
    ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable long agreementId, @PathVariable int year,
            @PathVariable int quarter) {
        ClaimStatement statement = statement(user, agreementId, year, quarter);
        return download(pdf.write(statement), ClaimStatementPdf.CONTENT_TYPE, fileName(statement, "pdf"));
    }

    @GetMapping(STATEMENT + ".xlsx")
    ResponseEntity<byte[]> xlsx(CurrentUser user, @PathVariable long agreementId, @PathVariable int year,
            @PathVariable int quarter) {
        ClaimStatement statement = statement(user, agreementId, year, quarter);
        return download(xlsx.write(statement), ClaimStatementXlsx.CONTENT_TYPE, fileName(statement, "xlsx"));
    }

    private ClaimStatement statement(CurrentUser user, long agreementId, int year, int number) {
        FundingAgreement agreement = agreements.visible(user, agreementId);
        Quarter quarter = claims.quarter(agreement, year, number);
        ClaimStatement statement = claims.statement(agreement, quarter);
        audit.recordView("funding_claim", agreementId + " " + quarter.label(),
                agreement.contract().providerOrganisationId());
        return statement;
    }

    /** "claim-WW-BURY-2024-2025-26-Q3.pdf": the reference kept to letters, digits and hyphens. */
    static String fileName(ClaimStatement statement, String extension) {
        String reference = statement.agreement().contract().reference().replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        Quarter quarter = statement.quarter();
        return "claim-" + reference + "-" + quarter.financialYear().label().replace('/', '-') + "-Q"
                + quarter.number() + "." + extension;
    }

    private static ResponseEntity<byte[]> download(byte[] body, String contentType, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                // Statements change until approved and carry case references: no cache keeps a copy.
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}

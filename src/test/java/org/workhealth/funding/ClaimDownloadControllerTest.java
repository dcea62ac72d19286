package org.workhealth.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.funding.internal.FundingAgreements;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.NewFundingAgreement;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Contract;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

/**
 * Downloading a claim statement: who may, what the files hold and that the download is logged. Each test makes
 * its own contract (like WW-BURY-2024: Bury Council Live Well service for NHS Greater Manchester) since a contract
 * has one funding agreement and other tests share the database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClaimDownloadControllerTest {

    private final MockMvc mvc;
    private final Programmes programmes;
    private final Organisations organisations;
    private final FundingAgreements agreements;
    private final ReferralIntake intake;
    private final Casework casework;
    private final Milestones milestones;
    private final JdbcClient jdbc;

    private Contract contract;
    private long agreementId;
    private String participantLastName;
    private String caseReference;

    @Autowired
    ClaimDownloadControllerTest(MockMvc mvc, Programmes programmes, Organisations organisations,
            FundingAgreements agreements, ReferralIntake intake, Casework casework, Milestones milestones,
            JdbcClient jdbc) {
        this.mvc = mvc;
        this.programmes = programmes;
        this.organisations = organisations;
        this.agreements = agreements;
        this.intake = intake;
        this.casework = casework;
        this.milestones = milestones;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void buryContractWithAFundingAgreementAndAParticipantEngagedWithAPlanInQ3() {
        long workwell = programmes.findByCode("WW").orElseThrow().id();
        long bury = organisations.findByName("Bury Council Live Well service").orElseThrow().id();
        long gm = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        contract = programmes.addContractUnchecked(new NewContract("WW-CLAIM-" + letters(8), workwell, bury, gm,
                "Bury", LocalDate.of(2024, 10, 1), LocalDate.of(2026, 3, 31), 43_292_700L));
        agreementId = agreements.createUnchecked(new NewFundingAgreement(contract.id(),
                PaymentModel.BASIC_AND_PERFORMANCE, 60, 336, List.of(new FundingYear(2024, 14_430_900L, 0),
                        new FundingYear(2025, 28_861_800L, 0)), Map.of()));

        participantLastName = "Claimant" + letters(6);
        ReferralIntake.Submitted referral = intake.submit(new ReferralAnswers(false, null, null, null, "Robin",
                participantLastName, LocalDate.of(1979, 6, 6), null, "07700900654", null, "7 Silver Street", null,
                "Bury", "BL9 0EJ", ContactPreference.PHONE, null, null, null, EmploymentStatus.UNEMPLOYED,
                LocalDate.of(2025, 7, 1), null, null, null, true, false, false, "Back pain", null,
                "Help to find work", true, false, null, null, null, null, null), ReferralSource.PUBLIC, null, null);
        long coach = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.BURY_COACH).query(Long.class)
                .single();
        long caseId = casework.openCase(new OpenCase(referral.id(), referral.reference(), workwell, null, bury, coach,
                EmploymentStatus.UNEMPLOYED.name(), LocalDate.of(2025, 10, 1)));
        caseReference = referral.reference();
        for (var evidence : Map.of(MilestoneType.ENGAGEMENT, LocalDate.of(2025, 10, 3),
                MilestoneType.ACTION_PLAN_AGREED, LocalDate.of(2025, 10, 6)).entrySet()) {
            milestones.record(new NewMilestone(evidence.getKey(), caseId, referral.id(), workwell, contract.id(), bury,
                    evidence.getValue(), Map.of(), null));
        }
    }

    @Test
    void theCommissionerDownloadsThePdfWithTheCaseReferenceAndNoName() throws Exception {
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        byte[] body = mvc.perform(get(statement(2025, 3, "pdf")).session(gm))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"claim-" + contract.reference() + "-2025-26-Q3.pdf\""))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsByteArray();

        String text = pdfText(body);
        assertThat(text).contains("Claim for Q3 2025/26 \u2014 " + contract.reference(), "WorkWell",
                "Bury Council Live Well service", "NHS Greater Manchester", "Basic plus performance",
                "Performance payment", caseReference + " 6 October 2025", "£515.38");
        assertThat(text).doesNotContain(participantLastName, "Robin", "Silver Street");
        assertThat(downloadsLogged(SignIn.GM_COMMISSIONER)).isEqualTo(1);
    }

    @Test
    void theProviderManagerDownloadsTheSpreadsheetWhoseLinesSumToTheTotal() throws Exception {
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        byte[] body = mvc.perform(get(statement(2025, 3, "xlsx")).session(manager))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ClaimStatementXlsx.CONTENT_TYPE))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"claim-" + contract.reference() + "-2025-26-Q3.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();

        Map<String, Map<Integer, Row>> sheets = ClaimStatementXlsxTest.read(body);
        Map<Integer, Row> claim = sheets.get("Claim");
        List<String> texts = new ArrayList<>();
        sheets.values().forEach(rows -> rows.values().forEach(row -> row.stream()
                .filter(c -> c != null && c.getType() == CellType.STRING).forEach(c -> texts.add(c.asString()))));
        assertThat(texts).contains(caseReference, contract.reference(), "Performance payment");
        assertThat(texts).noneMatch(t -> t.contains(participantLastName) || t.contains("Robin"));

        Row line = claim.values().stream().filter(r -> caseReference.equals(r.getCellText(
                ClaimStatementXlsx.CASE_COLUMN))).findFirst().orElseThrow();
        assertThat(line.getCell(ClaimStatementXlsx.AMOUNT_COLUMN).asNumber()).isEqualByComparingTo("515.38");
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal total = null;
        for (Row row : claim.values()) {
            Cell amount = row.getOptionalCell(ClaimStatementXlsx.AMOUNT_COLUMN).orElse(null);
            if (amount == null || amount.getType() != CellType.NUMBER) {
                continue;
            }
            if ("Total claimed".equals(row.getCellText(ClaimStatementXlsx.KIND_COLUMN))) {
                total = amount.asNumber();
            } else {
                sum = sum.add(amount.asNumber());
            }
        }
        assertThat(total).isNotNull().isEqualTo(sum);
        assertThat(downloadsLogged(SignIn.BURY_MANAGER)).isEqualTo(1);
    }

    @Test
    void peopleOutsideTheAgreementGetPageNotFoundAndNothingIsLogged() throws Exception {
        for (String person : List.of(SignIn.WMCA_COMMISSIONER, SignIn.BURY_COACH)) {
            MockHttpSession session = SignIn.as(mvc, person);
            for (String type : List.of("pdf", "xlsx")) {
                mvc.perform(get(statement(2025, 3, type)).session(session)).andExpect(status().isNotFound());
            }
            assertThat(downloadsLogged(person)).isZero();
        }
        mvc.perform(get(statement(2025, 3, "pdf"))).andExpect(status().is3xxRedirection());
    }

    @Test
    void aQuarterOutsideTheContractOrAnAgreementThatIsNotThereIsNotFound() throws Exception {
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        // The contract starts in October 2024, Q3 2024/25, and ends in March 2026, Q4 2025/26.
        mvc.perform(get(statement(2024, 2, "pdf")).session(gm)).andExpect(status().isNotFound());
        mvc.perform(get(statement(2026, 1, "pdf")).session(gm)).andExpect(status().isNotFound());
        mvc.perform(get(statement(2025, 5, "xlsx")).session(gm)).andExpect(status().isNotFound());
        mvc.perform(get(statement(2025, 0, "xlsx")).session(gm)).andExpect(status().isNotFound());
        mvc.perform(get("/funding/agreements/" + Long.MAX_VALUE + "/claims/2025/3/statement.pdf").session(gm))
                .andExpect(status().isNotFound());
        mvc.perform(get(statement(2024, 3, "pdf")).session(gm)).andExpect(status().isOk());
    }

    @Test
    void theFileNameHasTheContractYearAndQuarter() {
        assertThat(ClaimDownloadController.fileName(ClaimStatementSamples.statement(), "pdf"))
                .isEqualTo("claim-WW-BURY-2024-2025-26-Q3.pdf");
    }

    private String statement(int year, int quarter, String type) {
        return "/funding/agreements/" + agreementId + "/claims/" + year + "/" + quarter + "/statement." + type;
    }

    private long downloadsLogged(String email) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM audit_event
                WHERE action = 'VIEW' AND record_type = 'funding_claim' AND record_id = ? AND actor_email = ?
                """).params(agreementId + " Q3 2025/26", email).query(Long.class).single();
    }

    private static String pdfText(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (char c : UUID.randomUUID().toString().toUpperCase().toCharArray()) {
            if (Character.isLetter(c) && letters.length() < count) {
                letters.append(c);
            }
        }
        while (letters.length() < count) {
            letters.append((char) ('A' + (int) (Math.random() * 26)));
        }
        return letters.toString();
    }
}

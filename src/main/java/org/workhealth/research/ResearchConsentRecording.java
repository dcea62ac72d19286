package org.workhealth.research;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;

/**
 * Recording research consent and its withdrawal. The caller (the trial module, for a trial) has checked that the
 * person may act on the referral; this module checks the study's own rules: the sheet version exists, the dates
 * make sense, a withdrawal only ever widens. Consent is given once per study and person; withdrawals are kept as
 * history and the consent row shows the widest scope so far, which every extract reads.
 */
@Service
public class ResearchConsentRecording {

    /** Why a consent or withdrawal was not recorded, in words for the page. */
    public static class NotRecordedException extends RuntimeException {

        private final String field;

        public NotRecordedException(String message) {
            this(null, message);
        }

        public NotRecordedException(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The form field the problem is about ("scope", "withdrawnOn", …), or null for the whole answer. */
        public String field() {
            return field;
        }
    }

    private final JdbcClient jdbc;
    private final ResearchConsents consents;
    private final InformationSheets sheets;
    private final AuditLog audit;
    private final Clock clock;

    ResearchConsentRecording(JdbcClient jdbc, ResearchConsents consents, InformationSheets sheets, AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.sheets = sheets;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records consent to the study against a version of its information sheet. Call it in the transaction that
     * randomises, so that consent and allocation are recorded together or not at all.
     */
    @Transactional
    public ResearchConsent give(String studyCode, long referralId, long organisationId, String sheetVersion,
            LocalDate consentedOn, long recordedBy) {
        InformationSheet sheet = sheets.find(studyCode, sheetVersion)
                .orElseThrow(() -> new NotRecordedException("Select a version of the information sheet"));
        if (consentedOn.isAfter(LocalDate.now(clock))) {
            throw new NotRecordedException("Date consent was given must be today or in the past");
        }
        if (consentedOn.isBefore(sheet.dated())) {
            throw new NotRecordedException("Date consent was given must be on or after the sheet's date");
        }
        if (consents.of(studyCode, referralId).isPresent()) {
            throw new NotRecordedException("Research consent to this study is already recorded");
        }
        try {
            jdbc.sql("""
                    INSERT INTO research_consent (study_code, referral_id, organisation_id, information_sheet_version,
                        consented_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(studyCode, referralId, organisationId, sheetVersion, consentedOn, recordedBy,
                            Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new NotRecordedException("Research consent to this study is already recorded");
        }
        ResearchConsent consent = consents.of(studyCode, referralId).orElseThrow();
        audit.recordChange("RESEARCH_CONSENT", "research_consent", consent.id(), organisationId,
                studyCode + ": information sheet " + sheetVersion + ", given " + consentedOn);
        return consent;
    }

    /**
     * Records a withdrawal. A later one may widen what is withdrawn, never narrow it.
     *
     * @throws NotRecordedException when it would narrow or add nothing, or its date is impossible
     */
    @Transactional
    public ResearchConsent withdraw(ResearchConsent consent, ResearchWithdrawal withdrawal, long recordedBy) {
        ResearchConsent current = jdbc.sql("SELECT id FROM research_consent WHERE id = ? FOR UPDATE")
                .param(consent.id()).query(Long.class).optional()
                .flatMap(id -> consents.of(consent.studyCode(), consent.referralId()))
                .orElseThrow(() -> new NotRecordedException("No research consent is recorded"));
        check(current, withdrawal);
        checkDate(current, withdrawal.withdrawnOn(), LocalDate.now(clock),
                history(current.id()).stream().map(ResearchWithdrawal::withdrawnOn).max(LocalDate::compareTo)
                        .orElse(null));
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO research_consent_withdrawal (consent_id, withdrawn_on, withdraws_contact,
                    withdraws_further_data, withdraws_collected_data, note, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(current.id(), withdrawal.withdrawnOn(), withdrawal.noContact(), withdrawal.noFurtherData(),
                        withdrawal.noCollectedData(), withdrawal.note(), recordedBy, Timestamp.from(now))
                .update();
        // withdrawn_on is the cut-off for "no further data": it moves to this withdrawal's date only when this is
        // the one that stops further data; otherwise it stays the date they first withdrew.
        boolean stopsDataNow = withdrawal.noFurtherData() && !current.noFurtherData();
        LocalDate withdrawnOn = current.withdrawnOn() == null || stopsDataNow ? withdrawal.withdrawnOn()
                : current.withdrawnOn();
        jdbc.sql("""
                UPDATE research_consent SET withdrawn_on = ?, withdrawal_recorded_by = ?, withdrawal_recorded_at = ?,
                    withdraws_contact = ?, withdraws_further_data = ?, withdraws_collected_data = ?,
                    withdrawal_note = ? WHERE id = ?""")
                .params(withdrawnOn, recordedBy, Timestamp.from(now), withdrawal.noContact(),
                        withdrawal.noFurtherData(), withdrawal.noCollectedData(), withdrawal.note(), current.id())
                .update();
        audit.recordChange("RESEARCH_CONSENT_WITHDRAWN", "research_consent", current.id(), current.organisationId(),
                current.studyCode() + ": " + withdrawal.scope() + " from " + withdrawal.withdrawnOn());
        return consents.of(current.studyCode(), current.referralId()).orElseThrow();
    }

    /** The reasons a withdrawal would be refused, for the page to show next to the fields. */
    public static void check(ResearchConsent current, ResearchWithdrawal withdrawal) {
        if (!withdrawal.any()) {
            throw new NotRecordedException("scope", "Select what the withdrawal covers");
        }
        if (!withdrawal.covers(current)) {
            throw new NotRecordedException("scope", "A withdrawal cannot narrow what was withdrawn before: "
                    + current.withdrawalScope().toLowerCase(java.util.Locale.UK));
        }
        if (!withdrawal.widens(current)) {
            throw new NotRecordedException("scope", "That is already withdrawn: choose something more to withdraw");
        }
    }

    /** @param lastWithdrawnOn the date of the latest withdrawal so far, or null */
    public static void checkDate(ResearchConsent current, LocalDate on, LocalDate today, LocalDate lastWithdrawnOn) {
        if (on.isAfter(today)) {
            throw new NotRecordedException("withdrawnOn", "Date of withdrawal must be today or in the past");
        }
        if (on.isBefore(current.consentedOn())) {
            throw new NotRecordedException("withdrawnOn", "Date of withdrawal must be on or after "
                    + org.workhealth.govuk.DateAnswer.format(current.consentedOn()) + ", when consent was given");
        }
        if (lastWithdrawnOn != null && on.isBefore(lastWithdrawnOn)) {
            throw new NotRecordedException("withdrawnOn", "Date of withdrawal must be on or after "
                    + org.workhealth.govuk.DateAnswer.format(lastWithdrawnOn) + ", the last withdrawal");
        }
    }

    /** Every withdrawal of the consent, oldest first. */
    public List<ResearchWithdrawal> history(long consentId) {
        return jdbc.sql("""
                SELECT withdrawn_on, withdraws_contact, withdraws_further_data, withdraws_collected_data, note,
                       recorded_by, recorded_at
                FROM research_consent_withdrawal WHERE consent_id = ? ORDER BY recorded_at, id""")
                .param(consentId)
                .query((rs, n) -> new ResearchWithdrawal(rs.getDate("withdrawn_on").toLocalDate(),
                        rs.getBoolean("withdraws_contact"), rs.getBoolean("withdraws_further_data"),
                        rs.getBoolean("withdraws_collected_data"), rs.getString("note"), rs.getLong("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }
}

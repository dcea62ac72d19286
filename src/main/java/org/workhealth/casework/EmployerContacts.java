package org.workhealth.casework;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;

/**
 * The employer of a person in work: their contact and the adjustments discussed and agreed. Nothing
 * here may be recorded unless the person agreed to contact with their employer, on the referral or
 * later.
 */
@Service
class EmployerContacts {

    /** The employment statuses at referral that mean the person is in work. */
    static final Set<String> IN_WORK = Set.of("EMPLOYED", "SELF_EMPLOYED", "OFF_SICK");

    /** A change to the consent the referral recorded: given later, or withdrawn. */
    record ConsentChange(ConsentKind kind, LocalDate on, String how) {
    }

    enum ConsentKind { GIVEN, WITHDRAWN }

    record EmployerContact(String name, String role, String phone, String email) {
    }

    record Adjustment(AdjustmentKind kind, LocalDate discussedOn, LocalDate agreedOn, String notes) {
    }

    enum Stage {
        DISCUSSED("Discussed"), AGREED("Agreed");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private final JdbcClient jdbc;
    private final EmployerContactConsents consents;
    private final AuditLog audit;
    private final Clock clock;

    EmployerContacts(JdbcClient jdbc, EmployerContactConsents consents, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    static boolean inWork(SupportCase supportCase) {
        return IN_WORK.contains(supportCase.employmentStatusAtReferral());
    }

    boolean consentOnReferral(SupportCase supportCase) {
        return consents.consentToContactEmployer(supportCase.referralId());
    }

    /** The latest change recorded since the referral, which is what holds now. */
    Optional<ConsentChange> latestChange(long caseId) {
        return jdbc.sql("""
                SELECT change_kind, changed_on, how FROM case_employer_consent_change WHERE case_id = ?
                ORDER BY id DESC FETCH FIRST 1 ROWS ONLY
                """).param(caseId)
                .query((rs, n) -> new ConsentChange(ConsentKind.valueOf(rs.getString("change_kind")),
                        rs.getDate("changed_on").toLocalDate(), rs.getString("how")))
                .optional();
    }

    /**
     * Whether the employer may be contacted about this case: in work, and consent on the referral or since, not
     * withdrawn since.
     */
    boolean mayContact(SupportCase supportCase) {
        return inWork(supportCase) && latestChange(supportCase.id()).map(c -> c.kind() == ConsentKind.GIVEN)
                .orElseGet(() -> consentOnReferral(supportCase));
    }

    /** @return false when the employer may already be contacted, so nothing changed */
    @Transactional
    boolean recordConsent(SupportCase supportCase, LocalDate givenOn, String how, long recordedBy) {
        lock(supportCase.id());
        if (!inWork(supportCase) || mayContact(supportCase)) {
            return false;
        }
        insertChange(supportCase, ConsentKind.GIVEN, givenOn, how, recordedBy);
        audit.recordChange("CONSENT", "case", supportCase.id(), supportCase.organisationId(),
                "Consent to contact the employer given on " + givenOn + ": " + how);
        return true;
    }

    /**
     * Records that the person withdrew their consent to contact with their employer: from then on nothing about
     * the employer is recorded or shared until they give it again. What was recorded before stays, as a record
     * of what happened.
     *
     * @return false when there was no consent to withdraw, so nothing changed
     */
    @Transactional
    boolean recordWithdrawal(SupportCase supportCase, LocalDate withdrawnOn, String how, long recordedBy) {
        lock(supportCase.id());
        if (!mayContact(supportCase)) {
            return false;
        }
        insertChange(supportCase, ConsentKind.WITHDRAWN, withdrawnOn, how, recordedBy);
        audit.recordChange("CONSENT_WITHDRAWN", "case", supportCase.id(), supportCase.organisationId(),
                "Consent to contact the employer withdrawn on " + withdrawnOn + ": " + how);
        return true;
    }

    /** Two people recording at once must not both give (or both withdraw) the same consent. */
    private void lock(long caseId) {
        jdbc.sql("SELECT id FROM support_case WHERE id = ? FOR UPDATE").param(caseId).query(Long.class).single();
    }

    private void insertChange(SupportCase supportCase, ConsentKind kind, LocalDate on, String how, long recordedBy) {
        jdbc.sql("""
                INSERT INTO case_employer_consent_change (case_id, change_kind, changed_on, how, recorded_by,
                                                          recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(supportCase.id(), kind.name(), Date.valueOf(on), how, recordedBy,
                Timestamp.from(clock.instant())).update();
    }

    Optional<EmployerContact> contact(long caseId) {
        return jdbc.sql("SELECT contact_name, contact_role, contact_phone, contact_email FROM case_employer "
                + "WHERE case_id = ?").param(caseId)
                .query((rs, n) -> new EmployerContact(rs.getString("contact_name"), rs.getString("contact_role"),
                        rs.getString("contact_phone"), rs.getString("contact_email")))
                .optional();
    }

    @Transactional
    void saveContact(SupportCase supportCase, EmployerContact contact) {
        requireConsent(supportCase);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                UPDATE case_employer SET contact_name = ?, contact_role = ?, contact_phone = ?, contact_email = ?,
                       updated_at = ? WHERE case_id = ?
                """).params(contact.name(), contact.role(), contact.phone(), contact.email(), now, supportCase.id())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO case_employer (case_id, contact_name, contact_role, contact_phone, contact_email,
                                               updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).params(supportCase.id(), contact.name(), contact.role(), contact.phone(), contact.email(),
                    now).update();
        }
        audit.recordChange(updated == 0 ? "CREATE" : "UPDATE", "case-employer", supportCase.id(),
                supportCase.organisationId(), "Employer contact saved");
    }

    List<Adjustment> adjustments(long caseId) {
        return jdbc.sql("SELECT kind, discussed_on, agreed_on, notes FROM case_adjustment WHERE case_id = ?")
                .param(caseId).query(EmployerContacts::mapAdjustment).list().stream()
                .sorted(java.util.Comparator.comparing(Adjustment::kind)).toList();
    }

    /** Records the date the adjustments were discussed or agreed; notes, when given, replace the earlier ones. */
    @Transactional
    void recordAdjustments(SupportCase supportCase, Collection<AdjustmentKind> kinds, Stage stage, LocalDate on,
            String notes) {
        requireConsent(supportCase);
        String column = stage == Stage.AGREED ? "agreed_on" : "discussed_on";
        for (AdjustmentKind kind : kinds) {
            int updated = jdbc.sql("UPDATE case_adjustment SET " + column + " = ?, notes = COALESCE(?, notes) "
                    + "WHERE case_id = ? AND kind = ?").params(Date.valueOf(on), notes, supportCase.id(), kind.name())
                    .update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO case_adjustment (case_id, kind, " + column + ", notes) VALUES (?, ?, ?, ?)")
                        .params(supportCase.id(), kind.name(), Date.valueOf(on), notes).update();
            }
        }
        audit.recordChange("UPDATE", "case-adjustment", supportCase.id(), supportCase.organisationId(),
                stage.label() + " on " + on + ": " + kinds.stream().map(AdjustmentKind::label).toList());
    }

    private void requireConsent(SupportCase supportCase) {
        if (!mayContact(supportCase)) {
            throw new IllegalStateException("No consent to contact the employer for case " + supportCase.id());
        }
    }

    private static Adjustment mapAdjustment(ResultSet rs, int row) throws SQLException {
        Date discussed = rs.getDate("discussed_on");
        Date agreed = rs.getDate("agreed_on");
        return new Adjustment(AdjustmentKind.valueOf(rs.getString("kind")),
                discussed == null ? null : discussed.toLocalDate(), agreed == null ? null : agreed.toLocalDate(),
                rs.getString("notes"));
    }
}

package org.workhealth.research;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reading research consent. Set-based: a study's consents come back in one query, so an extract or a follow-up
 * list checks each row against a map, never with a query per person.
 */
@Service
public class ResearchConsents {

    private static final String COLUMNS = """
            id, study_code, referral_id, organisation_id, information_sheet_version, consented_on, withdrawn_on,
            withdraws_contact, withdraws_further_data, withdraws_collected_data, withdrawal_note""";

    private final JdbcClient jdbc;

    ResearchConsents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every consent recorded for the study, by referral. */
    public Map<Long, ResearchConsent> forStudy(String studyCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM research_consent WHERE study_code = ?").param(studyCode)
                .query(ResearchConsents::row).list().stream()
                .collect(Collectors.toMap(ResearchConsent::referralId, Function.identity()));
    }

    /** Only the withdrawals, for extracts of a whole programme where most people never withdraw. */
    public Map<Long, ResearchConsent> withdrawals(String studyCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM research_consent WHERE study_code = ? AND withdrawn_on IS NOT NULL")
                .param(studyCode).query(ResearchConsents::row).list().stream()
                .collect(Collectors.toMap(ResearchConsent::referralId, Function.identity()));
    }

    public Optional<ResearchConsent> of(String studyCode, long referralId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM research_consent WHERE study_code = ? AND referral_id = ?")
                .params(studyCode, referralId).query(ResearchConsents::row).optional();
    }

    private static ResearchConsent row(ResultSet rs, int n) throws SQLException {
        return new ResearchConsent(rs.getLong("id"), rs.getString("study_code"), rs.getLong("referral_id"),
                rs.getLong("organisation_id"), rs.getString("information_sheet_version"), date(rs, "consented_on"),
                date(rs, "withdrawn_on"), rs.getBoolean("withdraws_contact"), rs.getBoolean("withdraws_further_data"),
                rs.getBoolean("withdraws_collected_data"), rs.getString("withdrawal_note"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}

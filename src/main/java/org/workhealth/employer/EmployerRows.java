package org.workhealth.employer;

import org.workhealth.employer.internal.EmployerStatus;
import org.workhealth.employer.internal.SignUpSource;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How an employer row reads: one place for the column list and the mapping. */
final class EmployerRows {

    static final String COLUMNS = """
            e.id, e.hub_organisation_id, e.name, e.companies_house_number, e.sic_section, e.size_band, e.employees,
            e.status, e.source, e.source_detail, e.signed_up_on, e.confirmed_on, e.advisor_id,
            e.framework_version_id, e.listed_on_register
            """;

    private EmployerRows() {
    }

    static Employer map(ResultSet rs, int row) throws SQLException {
        Date confirmed = rs.getDate("confirmed_on");
        long advisor = rs.getLong("advisor_id");
        boolean noAdvisor = rs.wasNull();
        long version = rs.getLong("framework_version_id");
        boolean noVersion = rs.wasNull();
        return new Employer(rs.getLong("id"), rs.getLong("hub_organisation_id"), rs.getString("name"),
                rs.getString("companies_house_number"), rs.getString("sic_section").trim(),
                SizeBand.valueOf(rs.getString("size_band")), rs.getInt("employees"),
                EmployerStatus.valueOf(rs.getString("status")), SignUpSource.valueOf(rs.getString("source")),
                rs.getString("source_detail"), rs.getDate("signed_up_on").toLocalDate(),
                confirmed == null ? null : confirmed.toLocalDate(), noAdvisor ? null : advisor,
                noVersion ? null : version, rs.getBoolean("listed_on_register"));
    }
}

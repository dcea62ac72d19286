package org.workhealth.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.classification.SicSection;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;

/** Vocational profiles, which only IPS (individual placement and support) programmes use. */
@Service
class VocationalProfiles {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Programmes programmes;
    private final StaffNames staff;

    VocationalProfiles(JdbcClient jdbc, AuditLog audit, Clock clock, Programmes programmes,
            StaffNames staff) {
        this.staff = staff;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.programmes = programmes;
    }

    boolean applies(SupportCase supportCase) {
        return programmes.find(supportCase.programmeId()).map(p -> p.supportType() == SupportType.INTENSIVE_IPS)
                .orElse(false);
    }

    Optional<VocationalProfile> find(long caseId) {
        return jdbc.sql("""
                SELECT v.job_preferences, v.hours_per_week, v.sectors, v.travel, v.disclosure, v.disclosure_how,
                       v.saved_by, v.saved_at
                FROM vocational_profile v WHERE v.case_id = ?
                """).param(caseId).query(VocationalProfiles::map).optional()
                .map(v -> new VocationalProfile(v.jobPreferences(), v.hoursPerWeek(), v.sectors(), v.travel(),
                        v.disclosure(), v.disclosureHow(), staff.of(Long.valueOf(v.savedByName())), v.savedAt()));
    }

    /** Saves the profile over the one before; callers have checked that the case is on an IPS programme. */
    @Transactional
    void save(CurrentUser user, SupportCase supportCase, VocationalProfile profile) {
        if (!applies(supportCase)) {
            throw new IllegalStateException("Vocational profiles are for IPS programmes only");
        }
        String sectors = profile.sectors().isEmpty() ? null
                : profile.sectors().stream().map(Enum::name).collect(Collectors.joining(","));
        String disclosure = profile.disclosure() == null ? null : profile.disclosure().name();
        Timestamp now = Timestamp.from(clock.instant());
        // Locks the case so that two first saves cannot both insert.
        jdbc.sql("SELECT id FROM support_case WHERE id = ? FOR UPDATE").param(supportCase.id()).query(Long.class)
                .single();
        int updated = jdbc.sql("""
                UPDATE vocational_profile SET job_preferences = ?, hours_per_week = ?, sectors = ?, travel = ?,
                       disclosure = ?, disclosure_how = ?, saved_by = ?, saved_at = ? WHERE case_id = ?
                """).params(profile.jobPreferences(), profile.hoursPerWeek(), sectors, profile.travel(), disclosure,
                profile.disclosureHow(), user.id(), now, supportCase.id()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO vocational_profile (case_id, job_preferences, hours_per_week, sectors, travel,
                           disclosure, disclosure_how, saved_by, saved_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(supportCase.id(), profile.jobPreferences(), profile.hoursPerWeek(), sectors,
                    profile.travel(), disclosure, profile.disclosureHow(), user.id(), now).update();
        }
        audit.recordChange("SAVE_VOCATIONAL_PROFILE", "case", supportCase.id(), supportCase.organisationId(),
                "Vocational profile saved");
    }

    /** The saver's id stands in for their name until {@link #find} names them. */
    private static VocationalProfile map(ResultSet rs, int row) throws SQLException {
        int hours = rs.getInt("hours_per_week");
        Integer hoursPerWeek = rs.wasNull() ? null : hours;
        String sectors = rs.getString("sectors");
        List<SicSection> sectorList = sectors == null ? List.of()
                : Arrays.stream(sectors.split(",")).map(SicSection::valueOf).toList();
        String disclosure = rs.getString("disclosure");
        return new VocationalProfile(rs.getString("job_preferences"), hoursPerWeek, sectorList, rs.getString("travel"),
                disclosure == null ? null : VocationalProfile.Disclosure.valueOf(disclosure),
                rs.getString("disclosure_how"), rs.getString("saved_by"), rs.getTimestamp("saved_at").toInstant());
    }
}

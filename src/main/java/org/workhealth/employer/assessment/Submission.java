package org.workhealth.employer.assessment;

import java.time.Instant;

/** One round of assessment of a level or module. */
record Submission(long id, long employerId, long versionId, ScopeKind scopeKind, String scopeCode, int round,
        SubmissionStatus status, Instant submittedAt, Long submittedBy, Instant assessedAt, Long assessedBy) {

    static final String COLUMNS = "id, employer_id, version_id, scope_kind, scope_code, round, status, submitted_at,"
            + " submitted_by, assessed_at, assessed_by";

    static Submission map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.sql.Timestamp assessed = rs.getTimestamp("assessed_at");
        return new Submission(rs.getLong("id"), rs.getLong("employer_id"), rs.getLong("version_id"),
                ScopeKind.valueOf(rs.getString("scope_kind")), rs.getString("scope_code"), rs.getInt("round"),
                SubmissionStatus.valueOf(rs.getString("status")), rs.getTimestamp("submitted_at").toInstant(),
                (Long) rs.getObject("submitted_by", Long.class), assessed == null ? null : assessed.toInstant(),
                (Long) rs.getObject("assessed_by", Long.class));
    }

    public boolean waiting() {
        return status == SubmissionStatus.SUBMITTED;
    }
}

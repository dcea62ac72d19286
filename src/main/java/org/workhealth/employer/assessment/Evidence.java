package org.workhealth.employer.assessment;

import java.time.Instant;

/** Evidence for a criterion: what it shows, and the file that shows it when there is one. */
record Evidence(long id, long employerId, String criterionCode, String description, String fileName,
        String contentType, Integer sizeBytes, Instant addedAt) {

    static final int DESCRIPTION_MAX = 1000;
    static final int FILE_NAME_MAX = 200;

    static final String COLUMNS = "id, employer_id, criterion_code, description, file_name, content_type, size_bytes, added_at";

    static Evidence map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Evidence(rs.getLong("id"), rs.getLong("employer_id"), rs.getString("criterion_code"),
                rs.getString("description"), rs.getString("file_name"), rs.getString("content_type"),
                (Integer) rs.getObject("size_bytes", Integer.class), rs.getTimestamp("added_at").toInstant());
    }

    public boolean hasFile() {
        return fileName != null;
    }

    public String size() {
        if (sizeBytes == null) {
            return "";
        }
        return sizeBytes < 1024 * 1024 ? Math.max(1, sizeBytes / 1024) + " KB"
                : String.format(java.util.Locale.UK, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
    }
}

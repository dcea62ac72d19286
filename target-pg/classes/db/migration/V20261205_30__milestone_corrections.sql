-- Corrections of the milestone record (docs/corrections.md). A correction stays an insert: the row that corrects a
-- milestone says why (correction_reason), and a withdrawal is a row that supersedes the milestone recorded in error
-- and is itself never current (withdrawn), so the figures lose the milestone and the record keeps both.
ALTER TABLE milestone ADD COLUMN withdrawn BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE milestone ADD COLUMN correction_reason VARCHAR(500);

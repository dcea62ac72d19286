-- Milestones are written here set-based with their attributes as key=value;key=value text in a column the
-- service does not have (it stores them as rows of milestone_attribute); attributes-split.sql turns the text
-- into those rows and drops the column again, so the service reads the schema its migrations made.
ALTER TABLE milestone ADD COLUMN bench_attributes VARCHAR(2000);

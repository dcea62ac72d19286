-- The caseload cap is a programme setting: the most open cases one key worker should hold on the programme.
-- Individual Placement and Support programmes keep caseloads at 20 per full-time worker; others have none.
ALTER TABLE programme ADD COLUMN caseload_cap INTEGER;
UPDATE programme SET caseload_cap = 20 WHERE support_type = 'INTENSIVE_IPS';
ALTER TABLE programme ADD CONSTRAINT ck_programme_caseload_cap CHECK (caseload_cap IS NULL OR caseload_cap > 0);

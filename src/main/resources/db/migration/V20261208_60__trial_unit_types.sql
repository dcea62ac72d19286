-- Allocations were written with unit_type 'UNIT' and demo exclusions with 'REFERRAL': both now say what the trial
-- randomises, so a unit id is never read as the wrong kind of record.
UPDATE trial_allocation SET unit_type = (SELECT t.unit FROM trial t WHERE t.id = trial_allocation.trial_id);
UPDATE trial_exclusion SET unit_type = (SELECT t.unit FROM trial t WHERE t.id = trial_exclusion.trial_id);
ALTER TABLE trial_allocation ADD CONSTRAINT ck_trial_allocation_unit_type CHECK (unit_type IN ('PARTICIPANT', 'EMPLOYER'));
ALTER TABLE trial_exclusion ADD CONSTRAINT ck_trial_exclusion_unit_type CHECK (unit_type IN ('PARTICIPANT', 'EMPLOYER'));

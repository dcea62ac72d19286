-- The engagements list shows a person's 100 most recent engagements. Without this index PostgreSQL joined every
-- engagement to the person's employers and sorted them all (238 ms at 50,000 engagements, bench/employers.sh);
-- with it, it reads engagements newest first and stops at the 100th in scope (6 ms).
CREATE INDEX idx_employer_engagement_held ON employer_engagement (held_on, id);

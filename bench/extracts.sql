-- Evaluation extract benchmark data (bench/extracts.sh, psql -v people=N): N Thrive into Work referrals delivered
-- by the Black Country trust in 2025, with realistic equality answers, and engagement / job start milestones for a
-- share of them. Set-based: one INSERT ... SELECT over generate_series per table, no loop per row. As in
-- bench/generate.sql, the foreign keys and secondary indexes of referral and milestone are dropped while loading and
-- made again afterwards (one sort per index instead of a million index insertions and key look-ups each).
\set ON_ERROR_STOP 1
SET synchronous_commit = off;
SET client_min_messages = warning;
SELECT setseed(0.2026) \gset
SELECT id AS tiw FROM programme WHERE code = 'TIW' \gset
SELECT id AS bchft FROM organisation WHERE name = 'Black Country Healthcare NHS Foundation Trust' \gset
SELECT COALESCE(MAX(id), 0) AS r0 FROM referral \gset

-- Keys off while loading (primary and unique keys stay: they are the table's own).
CREATE TEMPORARY TABLE dropped (position SERIAL, kind TEXT, tbl TEXT, name TEXT, def TEXT);
INSERT INTO dropped (kind, tbl, name, def)
SELECT 'constraint', conrelid::regclass::TEXT, conname, pg_get_constraintdef(oid)
FROM pg_constraint
WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND conrelid::regclass::TEXT IN ('referral', 'milestone');
INSERT INTO dropped (kind, tbl, name, def)
SELECT 'index', i.tablename, i.indexname, i.indexdef
FROM pg_indexes i
WHERE i.schemaname = 'public' AND i.tablename IN ('referral', 'milestone')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u'));
DO $$
DECLARE d RECORD;
BEGIN
    FOR d IN SELECT * FROM dropped ORDER BY position LOOP
        IF d.kind = 'constraint' THEN
            EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', d.tbl, d.name);
        ELSE
            EXECUTE format('DROP INDEX %I', d.name);
        END IF;
    END LOOP;
END $$;

INSERT INTO referral (id, reference, status, source, received_at, response_due_at, routed_organisation_id,
    referring_for, first_name, last_name, date_of_birth, nhs_number, phone, email, postcode, contact_preference,
    employment_status, consent_to_contact, sex, ethnicity, disability, match_key, programme_id)
OVERRIDING SYSTEM VALUE
SELECT :r0 + n, 'EX' || LPAD(n::TEXT, 10, '0'), 'ACCEPTED',
       CASE WHEN n % 3 = 0 THEN 'PARTNER' ELSE 'PUBLIC' END,
       DATE '2025-01-01' + (n % 365) + TIME '10:00', DATE '2025-01-03' + (n % 365) + TIME '17:00', :bchft, 'SELF',
       'Bench', 'Person' || n, DATE '1960-01-01' + (n::BIGINT * 7919 % 16000)::INT, NULL,
       '07700' || LPAD((n % 1000000)::TEXT, 6, '0'), 'bench' || n || '@example.com', 'WV1 1AA', 'PHONE',
       CASE WHEN n % 4 = 0 THEN 'OFF_SICK' WHEN n % 4 = 1 THEN 'EMPLOYED' ELSE 'UNEMPLOYED' END, TRUE,
       CASE WHEN random() < 0.52 THEN 'FEMALE' WHEN random() < 0.97 THEN 'MALE' ELSE 'PREFER_NOT_TO_SAY' END,
       CASE WHEN random() < 0.8 THEN 'White: English, Welsh, Scottish, Northern Irish or British'
            WHEN random() < 0.5 THEN 'Asian or Asian British: Pakistani' ELSE 'Black, Black British, Caribbean or African: African' END,
       CASE WHEN random() < 0.4 THEN 'YES' ELSE 'NO' END, 'bench|' || n, :tiw
FROM generate_series(1, :people) n;
SELECT setval(pg_get_serial_sequence('referral', 'id'), (SELECT MAX(id) FROM referral)) AS moved \gset

-- Engagement for 60 %, a job start for 25 % (no case: the extract reads milestones by referral).
INSERT INTO milestone (type, referral_id, programme_id, organisation_id, occurred_on, recorded_at)
SELECT 'ENGAGEMENT', :r0 + n, :tiw, :bchft, DATE '2025-01-20' + (n % 365), CURRENT_TIMESTAMP
FROM generate_series(1, :people) n WHERE n % 5 < 3;
INSERT INTO milestone (type, referral_id, programme_id, organisation_id, occurred_on, recorded_at)
SELECT 'JOB_START', :r0 + n, :tiw, :bchft, DATE '2025-03-01' + (n % 365), CURRENT_TIMESTAMP
FROM generate_series(1, :people) n WHERE n % 4 = 0;

-- Keys back: indexes first (so that validating the keys can use them), then the foreign keys.
SET maintenance_work_mem = '256MB';
DO $$
DECLARE d RECORD;
BEGIN
    FOR d IN SELECT * FROM dropped ORDER BY position DESC LOOP
        IF d.kind = 'index' THEN
            EXECUTE d.def;
        END IF;
    END LOOP;
    FOR d IN SELECT * FROM dropped ORDER BY position LOOP
        IF d.kind = 'constraint' THEN
            EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I %s', d.tbl, d.name, d.def);
        END IF;
    END LOOP;
END $$;
VACUUM (ANALYZE) referral, milestone;

-- National-size data for the benchmarks; run by bench/generate.sh (psql -v cases=N -v milestones=M).
-- Every statement is set-based (INSERT ... SELECT over generate_series or the staging table bench.c):
-- nothing loops per row. Foreign keys and secondary indexes of the tables filled here are dropped
-- while loading and put back exactly as they were (their definitions are read from the catalogue),
-- which turns ten million single-row checks into one validating join per key.
-- Shapes follow the service's own writers: referral/ReferralMilestones, referral/FirstContact,
-- casework/Appointments, ActionPlans, CaseOutcomes, CaseMeasures, CaseExits (see bench/README.md).
\set ON_ERROR_STOP 1
SET synchronous_commit = off;
SET maintenance_work_mem = '1GB';
SET work_mem = '256MB';
SET client_min_messages = warning;
-- One process draws every random number in order after setseed, so the same parameters give the same data
-- (parallel workers would each draw their own).
SET max_parallel_workers_per_gather = 0;
SELECT setseed(0.2026) \gset

CREATE SCHEMA IF NOT EXISTS bench;
CREATE TABLE bench.clock (at TIMESTAMP);
INSERT INTO bench.clock VALUES (clock_timestamp());
-- Seconds since the last lap, for the progress lines.
CREATE FUNCTION bench.lap() RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE seconds NUMERIC;
BEGIN
    SELECT EXTRACT(EPOCH FROM clock_timestamp() - at) INTO seconds FROM bench.clock;
    UPDATE bench.clock SET at = clock_timestamp();
    RETURN to_char(seconds, 'FM99990.0') || ' s';
END $$;

SELECT id AS national FROM organisation WHERE type_code = 'NATIONAL' ORDER BY id LIMIT 1 \gset
SELECT id AS ww FROM programme WHERE code = 'WW' \gset
SELECT id AS tiw FROM programme WHERE code = 'TIW' \gset
SELECT id AS coach FROM person WHERE email = 'coach@bury.workhealth.example' \gset
SELECT GREATEST(2, ROUND(:cases * 20.0 / 1000000))::INT AS kpp \gset
SELECT COALESCE(MAX(id), 0) AS r0 FROM referral \gset
SELECT COALESCE(MAX(id), 0) AS s0 FROM support_case \gset

-- ------------------------------------------------------------------ keys off while loading
CREATE TABLE bench.dropped (position SERIAL, kind TEXT, tbl TEXT, name TEXT, def TEXT);
INSERT INTO bench.dropped (kind, tbl, name, def)
SELECT 'constraint', conrelid::regclass::TEXT, conname, pg_get_constraintdef(oid)
FROM pg_constraint
WHERE contype = 'f' AND connamespace = 'public'::regnamespace
  AND conrelid::regclass::TEXT IN ('referral', 'support_case', 'milestone', 'appointment', 'contact_note',
      'action_plan', 'plan_goal', 'plan_action', 'case_review', 'case_outcome', 'sustainment_check', 'milestone_first',
      'milestone_attribute');
INSERT INTO bench.dropped (kind, tbl, name, def)
SELECT 'index', i.tablename, i.indexname, i.indexdef
FROM pg_indexes i
WHERE i.schemaname = 'public'
  AND i.tablename IN ('referral', 'support_case', 'milestone', 'appointment', 'contact_note', 'action_plan',
      'plan_goal', 'plan_action', 'case_review', 'case_outcome', 'sustainment_check', 'milestone_first',
      'milestone_attribute')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u'));
DO $$
DECLARE d RECORD;
BEGIN
    FOR d IN SELECT * FROM bench.dropped ORDER BY position LOOP
        IF d.kind = 'constraint' THEN
            EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', d.tbl, d.name);
        ELSE
            EXECUTE format('DROP INDEX %I', d.name);
        END IF;
    END LOOP;
END $$;
\ir attributes-staged.sql

-- ------------------------------------------------------------------ organisations
-- Ten hubs (three from the demo), four localities each, fifteen providers each. h = 0 is NHS Greater
-- Manchester, whose first two providers are the demo's Bury and Oldham services.
CREATE TABLE bench.hub (h INT PRIMARY KEY, org_id BIGINT NOT NULL, name TEXT NOT NULL);
INSERT INTO organisation (name, type_code, parent_id, created_at)
SELECT 'Bench hub ' || h, 'HUB', :national, LOCALTIMESTAMP FROM generate_series(3, 9) h;
INSERT INTO bench.hub
SELECT 0, id, name FROM organisation WHERE name = 'NHS Greater Manchester'
UNION ALL SELECT 1, id, name FROM organisation WHERE name = 'West Midlands Combined Authority'
UNION ALL SELECT 2, id, name FROM organisation WHERE name = 'Coventry and Warwickshire Integrated Care Board'
UNION ALL SELECT h, o.id, o.name FROM generate_series(3, 9) h JOIN organisation o ON o.name = 'Bench hub ' || h;

CREATE TABLE bench.locality (l INT PRIMARY KEY, h INT NOT NULL, org_id BIGINT NOT NULL, name TEXT NOT NULL);
INSERT INTO organisation (name, type_code, parent_id, created_at)
SELECT 'Bench locality ' || hub.h || '.' || k, 'LOCALITY', hub.org_id, LOCALTIMESTAMP
FROM bench.hub hub CROSS JOIN generate_series(0, 3) k
WHERE NOT (hub.h IN (0, 2) AND k < 2);
INSERT INTO bench.locality
SELECT hub.h * 4 + k, hub.h, COALESCE(demo.id, o.id), COALESCE(demo.name, o.name)
FROM bench.hub hub CROSS JOIN generate_series(0, 3) k
LEFT JOIN organisation demo ON demo.name = CASE
    WHEN hub.h = 0 AND k = 0 THEN 'Bury' WHEN hub.h = 0 AND k = 1 THEN 'Oldham'
    WHEN hub.h = 2 AND k = 0 THEN 'Warwickshire County Council' WHEN hub.h = 2 AND k = 1 THEN 'Coventry City Council' END
LEFT JOIN organisation o ON o.name = 'Bench locality ' || hub.h || '.' || k;

CREATE TABLE bench.provider (p INT PRIMARY KEY, h INT NOT NULL, l INT NOT NULL, org_id BIGINT NOT NULL,
    programme_id BIGINT NOT NULL, name TEXT NOT NULL);
INSERT INTO organisation (name, type_code, parent_id, created_at)
SELECT 'Bench provider ' || hub.h || '.' || j, 'PROVIDER', loc.org_id, LOCALTIMESTAMP
FROM bench.hub hub CROSS JOIN generate_series(0, 14) j JOIN bench.locality loc ON loc.l = hub.h * 4 + j % 4
WHERE NOT (hub.h IN (0, 1, 2) AND j < 2);
INSERT INTO bench.provider
SELECT hub.h * 15 + j, hub.h, hub.h * 4 + j % 4, COALESCE(demo.id, o.id),
       CASE WHEN hub.h = 1 THEN :tiw ELSE :ww END, COALESCE(demo.name, o.name)
FROM bench.hub hub CROSS JOIN generate_series(0, 14) j
LEFT JOIN organisation demo ON demo.name = CASE
    WHEN hub.h = 0 AND j = 0 THEN 'Bury Council Live Well service' WHEN hub.h = 0 AND j = 1 THEN 'Oldham Working Well service'
    WHEN hub.h = 1 AND j = 0 THEN 'Black Country Healthcare NHS Foundation Trust' WHEN hub.h = 1 AND j = 1 THEN 'Shaw Trust'
    WHEN hub.h = 2 AND j = 0 THEN 'Warwickshire County Council' WHEN hub.h = 2 AND j = 1 THEN 'Coventry City Council' END
LEFT JOIN organisation o ON o.name = 'Bench provider ' || hub.h || '.' || j;

-- ------------------------------------------------------------------ contracts
-- Each provider's programme is covered from April 2023 to March 2027, one contract on any day: one contract for
-- new providers; the demo providers keep theirs (a provider may hold several, one after another) and get a
-- contract for each gap: before a contract (named after it, -BEFORE) and after the last one (-AFTER).
INSERT INTO contract (reference, programme_id, provider_organisation_id, commissioner_organisation_id, area,
                      starts_on, ends_on, value_pence)
SELECT CASE WHEN p.programme_id = :tiw THEN 'TIW' ELSE 'WW' END || '-BENCH-' || p.p, p.programme_id, p.org_id,
       hub.org_id, loc.name, DATE '2023-04-01', DATE '2027-03-31', 40000000 + p.p * 100000
FROM bench.provider p JOIN bench.hub hub ON hub.h = p.h JOIN bench.locality loc ON loc.l = p.l
WHERE NOT EXISTS (SELECT 1 FROM contract c WHERE c.provider_organisation_id = p.org_id AND c.programme_id = p.programme_id);
CREATE TABLE bench.demo_contract AS
SELECT c.*,
       MAX(c.ends_on) OVER (PARTITION BY c.provider_organisation_id, c.programme_id ORDER BY c.starts_on, c.id
                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS covered_to,
       MAX(c.ends_on) OVER (PARTITION BY c.provider_organisation_id, c.programme_id) AS last_end,
       ROW_NUMBER() OVER (PARTITION BY c.provider_organisation_id, c.programme_id ORDER BY c.ends_on DESC, c.id DESC) AS from_last
FROM contract c JOIN bench.provider p ON p.org_id = c.provider_organisation_id AND p.programme_id = c.programme_id
WHERE c.reference NOT LIKE '%-BENCH-%';
INSERT INTO contract (reference, programme_id, provider_organisation_id, commissioner_organisation_id, area,
                      starts_on, ends_on, value_pence)
SELECT c.reference || '-BEFORE', c.programme_id, c.provider_organisation_id, c.commissioner_organisation_id, c.area,
       COALESCE(c.covered_to + 1, DATE '2023-04-01'), c.starts_on - 1, c.value_pence / 2
FROM bench.demo_contract c
WHERE c.starts_on > COALESCE(c.covered_to + 1, DATE '2023-04-01')
UNION ALL
SELECT c.reference || '-AFTER', c.programme_id, c.provider_organisation_id, c.commissioner_organisation_id, c.area,
       c.last_end + 1, DATE '2027-03-31', c.value_pence / 2
FROM bench.demo_contract c
WHERE c.from_last = 1 AND c.last_end < DATE '2027-03-31';
-- The contract a milestone counts under: where contracts overlap, each runs until the next one starts.
CREATE TABLE bench.contract_span AS
SELECT s.id, s.org_id, s.programme_id, s.starts_on, s.ends_on
FROM (SELECT c.id, c.provider_organisation_id AS org_id, c.programme_id, c.starts_on,
             LEAST(c.ends_on, COALESCE(LEAD(c.starts_on) OVER (PARTITION BY c.provider_organisation_id, c.programme_id
                                                                ORDER BY c.starts_on, c.id) - 1, c.ends_on)) AS ends_on
      FROM contract c JOIN bench.provider p ON p.org_id = c.provider_organisation_id AND p.programme_id = c.programme_id) s
WHERE s.ends_on >= s.starts_on;

-- ------------------------------------------------------------------ people
-- kpp practitioners per provider (20 per million cases: about 17 open cases each) and a manager. The
-- Bury provider's practitioner 0 is the demo coach. Every bench account has the demo password.
CREATE TABLE bench.practitioner (p INT NOT NULL, k INT NOT NULL, person_id BIGINT NOT NULL, PRIMARY KEY (p, k));
INSERT INTO person (email, full_name, organisation_id, password_hash, created_at)
SELECT 'practitioner' || k || '.' || p.p || '@bench.workhealth.example',
       (ARRAY['Amira','Ben','Cara','Dylan','Esme','Faisal','Gemma','Hamza','Iona','Jon'])[1 + (p.p + k) % 10] || ' '
       || (ARRAY['Barker','Chowdhury','Dixon','Fletcher','Gill','Hartley','Iqbal','Jennings','Lowe','Mistry'])[1 + (p.p * 7 + k) % 10],
       p.org_id, (SELECT password_hash FROM person WHERE id = :coach), LOCALTIMESTAMP
FROM bench.provider p CROSS JOIN generate_series(0, :kpp - 1) k
WHERE NOT (p.p = 0 AND k = 0);
INSERT INTO person (email, full_name, organisation_id, password_hash, created_at)
SELECT 'manager.' || p.p || '@bench.workhealth.example', 'Manager ' || p.name, p.org_id,
       (SELECT password_hash FROM person WHERE id = :coach), LOCALTIMESTAMP
FROM bench.provider p;
INSERT INTO bench.practitioner
SELECT p.p, k, CASE WHEN p.p = 0 AND k = 0 THEN :coach ELSE pe.id END
FROM bench.provider p CROSS JOIN generate_series(0, :kpp - 1) k
LEFT JOIN person pe ON pe.email = 'practitioner' || k || '.' || p.p || '@bench.workhealth.example';
INSERT INTO person_role (person_id, role)
SELECT person_id, 'PRACTITIONER' FROM bench.practitioner WHERE person_id <> :coach
UNION ALL
SELECT pe.id, 'PROVIDER_MANAGER' FROM person pe WHERE pe.email LIKE 'manager.%@bench.workhealth.example';
SELECT bench.lap() AS lap \gset
\echo '  organisations, contracts, people:' :lap

-- ------------------------------------------------------------------ the cases, staged
-- One row per case with its draws; dates are worked out from them in bench.c. About 5% of cases are
-- open (opened in the last 300 days, most recently); closed ones opened from April 2023 to 45 days ago.
CREATE UNLOGGED TABLE bench.c0 AS
SELECT i, (i - 1) % 150 AS p, ((i - 1) / 150) % :kpp AS k, r_open < 0.05 AS open,
       CASE WHEN r_open < 0.05 THEN CURRENT_DATE - 1 - FLOOR(r_age * r_age * 300)::INT
            ELSE DATE '2023-04-14' + FLOOR(r_age * ((CURRENT_DATE - 45) - DATE '2023-04-14'))::INT END AS opened_on,
       CASE WHEN r_emp < 0.30 THEN 'EMPLOYED' WHEN r_emp < 0.55 THEN 'OFF_SICK' WHEN r_emp < 0.60 THEN 'SELF_EMPLOYED'
            WHEN r_emp < 0.90 THEN 'UNEMPLOYED' ELSE 'NOT_WORKED_RECENTLY' END AS employment_status,
       r_eng, r_plan, r_js, r_jr, r_s13, r_s26, r_edu, r_vol, r_mi, r_d1, r_d2, r_d3, r_d4, r_d5, r_exit, r_rev,
       r_sex, r_eth, r_dis, r_dob, r_src, r_cohort, r_appt
FROM (SELECT i, random() AS r_open, random() AS r_age, random() AS r_emp, random() AS r_eng, random() AS r_plan,
             random() AS r_js, random() AS r_jr, random() AS r_s13, random() AS r_s26, random() AS r_edu,
             random() AS r_vol, random() AS r_mi, random() AS r_d1, random() AS r_d2, random() AS r_d3,
             random() AS r_d4, random() AS r_d5, random() AS r_exit, random() AS r_rev, random() AS r_sex,
             random() AS r_eth, random() AS r_dis, random() AS r_dob, random() AS r_src, random() AS r_cohort,
             random() AS r_appt
      FROM generate_series(1, :cases) i) draws;

-- The Bury practitioner's caseload: exactly 30 open cases (fewer only when Bury has fewer), and their
-- oldest open case a long one in which every step has happened.
UPDATE bench.c0 SET k = 1 WHERE p = 0 AND k = 0 AND open;
UPDATE bench.c0 SET k = 0 WHERE i IN (SELECT i FROM bench.c0 WHERE p = 0 AND open ORDER BY i LIMIT 30);
SELECT MIN(i) AS long_i FROM bench.c0 WHERE p = 0 AND k = 0 AND open \gset
UPDATE bench.c0 SET opened_on = CURRENT_DATE - 330, employment_status = 'UNEMPLOYED', r_eng = 0, r_plan = 0,
       r_js = 0, r_s13 = 0, r_s26 = 0, r_edu = 0, r_vol = 0, r_mi = 0, r_d2 = 0, r_d3 = 0, r_d4 = 0.1, r_rev = 0.9
WHERE i = :long_i;

-- Each measure (PHQ-9, GAD-7, ONS4, managing health) improves reliably at a review for most people
-- with an agreed plan: probability 0.85 each, the draw r_mi scaled per measure.
CREATE UNLOGGED TABLE bench.c AS
SELECT d.*,
       CASE WHEN d.planned AND d.in_work AND d.r_jr < 0.45 AND d.plan_on + 30 + FLOOR(d.r_d5 * 120)::INT < CURRENT_DATE
            THEN d.plan_on + 30 + FLOOR(d.r_d5 * 120)::INT END AS jr_on,
       CASE WHEN d.planned AND d.r_js < CASE WHEN d.in_work THEN 0.08 ELSE 0.40 END
                 AND d.plan_on + 14 + FLOOR(d.r_d4 * 150)::INT < CURRENT_DATE
            THEN d.plan_on + 14 + FLOOR(d.r_d4 * 150)::INT END AS js_on,
       CASE WHEN d.planned AND d.r_edu < 0.04 AND d.plan_on + 20 + FLOOR(d.r_d5 * 60)::INT < CURRENT_DATE
            THEN d.plan_on + 20 + FLOOR(d.r_d5 * 60)::INT END AS edu_on,
       CASE WHEN d.planned AND d.r_vol < 0.03 AND d.plan_on + 25 + FLOOR(d.r_d3 * 60)::INT < CURRENT_DATE
            THEN d.plan_on + 25 + FLOOR(d.r_d3 * 60)::INT END AS vol_on
FROM (
    SELECT c.*, :s0 + c.i AS case_id, :r0 + c.i AS referral_id, p.org_id, p.programme_id, p.h,
           pr.person_id AS key_worker_id,
           c.employment_status IN ('EMPLOYED', 'OFF_SICK', 'SELF_EMPLOYED') AS in_work,
           c.opened_on - 1 - FLOOR(c.r_d1 * 9)::INT AS received_on,
           c.opened_on + 3 + FLOOR(c.r_d2 * 18)::INT AS eng_on,
           c.r_eng < 0.92 AND c.opened_on + 3 + FLOOR(c.r_d2 * 18)::INT < CURRENT_DATE AS engaged,
           c.opened_on + 8 + FLOOR(c.r_d2 * 18)::INT + FLOOR(c.r_d3 * 25)::INT AS plan_on,
           c.r_eng < 0.92 AND c.r_plan < 0.88
               AND c.opened_on + 8 + FLOOR(c.r_d2 * 18)::INT + FLOOR(c.r_d3 * 25)::INT < CURRENT_DATE AS planned,
           'BN' || LPAD(c.i::TEXT, 8, '0') AS reference,
           (ARRAY['Ada','Ben','Chloe','Dev','Ella','Femi','Grace','Harry','Isla','Jack','Kiran','Leah','Mo','Nia',
                  'Owen','Priya','Quinn','Rosa','Sam','Tariq','Uma','Vic','Will','Yusuf','Zara','Aisha','Callum',
                  'Dana','Erin','Farah'])[1 + c.i % 30] AS first_name,
           (ARRAY['Smith','Jones','Taylor','Brown','Williams','Wilson','Johnson','Davies','Patel','Robinson',
                  'Wright','Thompson','Evans','Walker','White','Roberts','Green','Hall','Khan','Oneill','Lewis',
                  'Harris','Clarke','Jackson','Wood','Turner','Martin','Cooper','Hill','Ward','Morris','Moore',
                  'Ahmed','Hussain','Ali','Kaur','Singh','Begum','Nowak','Murphy'])[1 + (c.i / 30) % 40] AS last_name,
           'Employer ' || (c.i % 5000) AS employer,
           CASE WHEN p.programme_id = :tiw THEN CASE WHEN c.employment_status IN ('EMPLOYED', 'OFF_SICK', 'SELF_EMPLOYED') THEN 'IN' ELSE 'OUT' END
                WHEN c.employment_status IN ('EMPLOYED', 'OFF_SICK', 'SELF_EMPLOYED') THEN CASE WHEN c.r_cohort < 0.6 THEN 'C1' ELSE 'C2' END
                ELSE CASE WHEN c.r_cohort < 0.85 THEN 'C3' ELSE 'C4' END END AS cohort_code
    FROM bench.c0 c
    JOIN bench.provider p ON p.p = c.p
    JOIN bench.practitioner pr ON pr.p = c.p AND pr.k = c.k
) d;
ALTER TABLE bench.c ADD COLUMN exit_on DATE;
ALTER TABLE bench.c ADD COLUMN mi_on DATE;
-- Measures improve at a review 4 to 12 weeks after the plan; a closed case exits 2 to 10 weeks after its
-- last step (never before 30 days open), and never later than yesterday.
UPDATE bench.c SET mi_on = CASE WHEN planned AND plan_on + 28 + FLOOR(r_d4 * 56)::INT < CURRENT_DATE
                                THEN plan_on + 28 + FLOOR(r_d4 * 56)::INT END,
                   exit_on = CASE WHEN NOT open THEN LEAST(CURRENT_DATE - 1, GREATEST(opened_on + 30,
                       CASE WHEN engaged THEN eng_on END, CASE WHEN planned THEN plan_on + 84 END, js_on, jr_on,
                       edu_on, vol_on) + 14 + FLOOR(r_exit * 56)::INT) END;
ALTER TABLE bench.c ADD PRIMARY KEY (i);
ANALYZE bench.c;
SELECT bench.lap() AS lap \gset
\echo '  staged' :cases 'cases:' :lap

-- ------------------------------------------------------------------ referrals and cases
INSERT INTO referral (id, reference, status, source, received_at, response_due_at, routed_organisation_id,
    referring_for, first_name, last_name, date_of_birth, phone, postcode, contact_preference, gp_practice,
    employment_status, employer_name, has_fit_note, condition_mental_health, condition_musculoskeletal,
    condition_other, waiting_for_treatment, help_wanted, consent_to_contact, consent_to_contact_employer, sex,
    gender_same_as_birth, ethnicity, disability, caring, match_key, programme_id, cohort_id, assigned_person_id,
    decided_at, decided_by)
SELECT c.referral_id, c.reference, 'ACCEPTED',
       CASE WHEN c.r_src < 0.5 THEN 'PUBLIC' WHEN c.r_src < 0.85 THEN 'PARTNER' ELSE 'BULK' END,
       c.received_on + TIME '09:00' + (c.i % 480) * INTERVAL '1 minute',
       c.received_on + 2 + TIME '17:00', c.org_id, 'SELF', c.first_name, c.last_name,
       DATE '1960-01-01' + FLOOR(c.r_dob * 16000)::INT, '07700' || LPAD((c.i % 1000000)::TEXT, 6, '0'),
       pc.postcode, CASE WHEN c.i % 3 = 0 THEN 'EMAIL' ELSE 'PHONE' END, 'Practice ' || (c.i % 900),
       c.employment_status, CASE WHEN c.in_work THEN c.employer END, c.employment_status = 'OFF_SICK',
       c.r_dis < 0.6, c.r_cohort < 0.4, c.i % 7 = 0, CASE WHEN c.i % 4 = 0 THEN 'YES' ELSE 'NO' END,
       'Help to stay in or get back to work', TRUE, c.in_work AND c.i % 2 = 0,
       CASE WHEN c.r_sex < 0.52 THEN 'FEMALE' WHEN c.r_sex < 0.97 THEN 'MALE' ELSE 'PREFER_NOT_TO_SAY' END,
       CASE WHEN c.r_sex < 0.99 THEN 'YES' ELSE 'NO' END,
       CASE WHEN c.r_eth < 0.70 THEN 'White: English, Welsh, Scottish, Northern Irish or British'
            WHEN c.r_eth < 0.74 THEN 'White: Any other White background'
            WHEN c.r_eth < 0.75 THEN 'White: Irish'
            WHEN c.r_eth < 0.81 THEN 'Asian or Asian British: Pakistani'
            WHEN c.r_eth < 0.85 THEN 'Asian or Asian British: Indian'
            WHEN c.r_eth < 0.87 THEN 'Asian or Asian British: Bangladeshi'
            WHEN c.r_eth < 0.90 THEN 'Black, Black British, Caribbean or African: African'
            WHEN c.r_eth < 0.92 THEN 'Black, Black British, Caribbean or African: Caribbean'
            WHEN c.r_eth < 0.94 THEN 'Mixed or multiple ethnic groups: White and Black Caribbean'
            WHEN c.r_eth < 0.95 THEN 'Mixed or multiple ethnic groups: White and Asian'
            WHEN c.r_eth < 0.96 THEN 'Other ethnic group: Arab'
            WHEN c.r_eth < 0.97 THEN 'Other ethnic group: Any other ethnic group'
            ELSE 'PREFER_NOT_TO_SAY' END,
       CASE WHEN c.r_dis < 0.38 THEN 'YES' WHEN c.r_dis < 0.93 THEN 'NO' ELSE 'PREFER_NOT_TO_SAY' END,
       CASE WHEN c.i % 6 = 0 THEN 'YES' ELSE 'NO' END,
       lower(c.first_name) || '|' || lower(c.last_name) || '|' || (DATE '1960-01-01' + FLOOR(c.r_dob * 16000)::INT)
           || '|' || replace(pc.postcode, ' ', ''),
       c.programme_id, co.id, c.key_worker_id, c.received_on + 1 + TIME '11:00', c.key_worker_id
FROM bench.c c
CROSS JOIN LATERAL (SELECT (ARRAY['BL9','OL1','WV1','CV1','LS1','NE1','BS1','NG1','S1','PL1'])[c.h + 1] || ' '
                           || (c.i % 9 + 1) || (ARRAY['AB','DE','FG','HJ','LN'])[1 + c.i % 5] AS postcode) pc
JOIN cohort co ON co.programme_id = c.programme_id AND co.code = c.cohort_code;

INSERT INTO support_case (id, reference, referral_id, programme_id, cohort_id, organisation_id, key_worker_id,
    status, opened_on, employment_status_at_referral)
SELECT c.case_id, c.reference, c.referral_id, c.programme_id, r.cohort_id, c.org_id, c.key_worker_id,
       CASE WHEN c.open THEN 'OPEN' ELSE 'CLOSED' END, c.opened_on, c.employment_status
FROM bench.c c JOIN referral r ON r.id = c.referral_id;
DO $$ BEGIN
    PERFORM setval(pg_get_serial_sequence('referral', 'id'), (SELECT MAX(id) FROM referral));
    PERFORM setval(pg_get_serial_sequence('support_case', 'id'), (SELECT MAX(id) FROM support_case));
END $$;
ANALYZE referral, support_case;
SELECT bench.lap() AS lap \gset
\echo '  referrals and cases:' :lap

-- ------------------------------------------------------------------ milestones
-- Each case's steps as milestones, stamped like CaseMilestones does: programme, delivering provider,
-- the provider's contract live on the day, the key worker as recorder.
INSERT INTO milestone (type, case_id, referral_id, programme_id, contract_id, organisation_id, occurred_on,
                       bench_attributes, recorded_at, recorded_by)
SELECT e.type, CASE WHEN e.type = 'REFERRAL_RECEIVED' THEN NULL ELSE c.case_id END, c.referral_id, c.programme_id,
       cs.id, c.org_id, e.occurred_on, e.attributes,
       e.occurred_on + TIME '10:00' + (c.i % 420) * INTERVAL '1 minute', c.key_worker_id
FROM bench.c c
CROSS JOIN LATERAL (VALUES
    ('REFERRAL_RECEIVED', c.received_on, 'employment_status=' || c.employment_status || ';in_work=' || c.in_work
        || ';cohort=' || c.cohort_code),
    ('REFERRAL_ACCEPTED', c.opened_on, 'employment_status=' || c.employment_status || ';in_work=' || c.in_work),
    ('ENGAGEMENT', CASE WHEN c.engaged THEN c.eng_on END,
        'employment_status=' || c.employment_status || ';in_work=' || c.in_work),
    ('ACTION_PLAN_AGREED', CASE WHEN c.planned THEN c.plan_on END,
        'plan_type=' || CASE WHEN c.in_work THEN 'THRIVE_IN_WORK' ELSE 'BACK_TO_WORK' END || ';in_work=' || c.in_work
        || ';agreed_how=' || CASE WHEN c.i % 3 = 0 THEN 'PHONE' ELSE 'IN_PERSON' END),
    ('JOB_START', c.js_on,
        'in_work_at_referral=' || c.in_work || ';paid=true;sector=' || (ARRAY['G','Q','C','I','H','P','N'])[1 + c.i % 7]
        || ';contract_type=' || CASE WHEN c.i % 4 = 0 THEN 'FIXED_TERM' ELSE 'PERMANENT' END
        || ';hours_a_week=' || (16 + c.i % 22) || '.0;employer=' || c.employer || ';job_title=Assistant'),
    ('JOB_RETENTION', c.jr_on, 'in_work_at_referral=true;in_work_on=' || c.jr_on),
    ('EDUCATION_START', c.edu_on, 'in_work_at_referral=' || c.in_work || ';description=College course'),
    ('VOLUNTEERING_START', c.vol_on, 'in_work_at_referral=' || c.in_work || ';description=Volunteering'),
    ('MEASURE_IMPROVED', CASE WHEN c.r_mi < 0.85 THEN c.mi_on END,
        'measure=PHQ9;point=REVIEW;baseline_score=' || (15 + c.i % 8) || ';score=' || (5 + c.i % 6)),
    ('MEASURE_IMPROVED', CASE WHEN c.r_mi * 10 - FLOOR(c.r_mi * 10) < 0.85 THEN c.mi_on END,
        'measure=GAD7;point=REVIEW;baseline_score=' || (12 + c.i % 8) || ';score=' || (3 + c.i % 5)),
    ('MEASURE_IMPROVED', CASE WHEN c.r_mi * 100 - FLOOR(c.r_mi * 100) < 0.85 THEN c.mi_on + 7 END,
        'measure=ONS4;point=REVIEW;item=Life satisfaction;baseline_score=' || (2 + c.i % 3) || ';score=' || (6 + c.i % 4)),
    ('MEASURE_IMPROVED', CASE WHEN c.r_mi * 1000 - FLOOR(c.r_mi * 1000) < 0.85 THEN c.mi_on + 7 END,
        'measure=SELFMAN;point=REVIEW;baseline_score=' || (2 + c.i % 3) || ';score=' || (6 + c.i % 4)),
    ('EXIT', c.exit_on, 'reason=' || CASE WHEN c.js_on IS NOT NULL THEN 'MOVED_INTO_WORK'
        WHEN c.r_exit < 0.55 THEN 'COMPLETED' WHEN c.r_exit < 0.75 THEN 'WITHDREW'
        WHEN c.r_exit < 0.9 THEN 'UNABLE_TO_CONTACT' ELSE 'MOVED_AWAY' END || ';in_work_at_referral=' || c.in_work)
) AS e(type, occurred_on, attributes)
JOIN bench.contract_span cs ON cs.org_id = c.org_id AND cs.programme_id = c.programme_id
                           AND e.occurred_on BETWEEN cs.starts_on AND cs.ends_on
WHERE e.occurred_on IS NOT NULL AND e.occurred_on < CURRENT_DATE
  AND (c.exit_on IS NULL OR e.type = 'EXIT' OR e.occurred_on <= c.exit_on);
-- Autovacuum may be off (it is on the build server): later statements join on these rows.
ANALYZE milestone;
SELECT bench.lap() AS lap \gset
\echo '  milestones of each case:' :lap

-- Sustainment at 13 and 26 weeks, written when the check finds the person still in work, dated the day the
-- check fell due and pointing at the job start (CaseOutcomes.recordCheck).
INSERT INTO milestone (type, case_id, referral_id, programme_id, contract_id, organisation_id, occurred_on,
                       bench_attributes, recorded_at, recorded_by)
SELECT w.type, c.case_id, c.referral_id, c.programme_id, cs.id, c.org_id, c.js_on + w.days,
       'weeks=' || w.weeks || ';employer=' || c.employer || ';checked_on=' || (c.js_on + w.days)
           || ';job_start_milestone_id=' || js.id,
       c.js_on + w.days + TIME '15:00', c.key_worker_id
FROM bench.c c
JOIN milestone js ON js.case_id = c.case_id AND js.type = 'JOB_START'
CROSS JOIN (VALUES ('SUSTAINMENT_13_WEEKS', 13, 91), ('SUSTAINMENT_26_WEEKS', 26, 182)) AS w(type, weeks, days)
JOIN bench.contract_span cs ON cs.org_id = c.org_id AND cs.programme_id = c.programme_id
                           AND c.js_on + w.days BETWEEN cs.starts_on AND cs.ends_on
WHERE c.js_on IS NOT NULL AND c.js_on + w.days < CURRENT_DATE
  AND c.r_s13 < 0.75 AND (w.weeks = 13 OR c.r_s26 < 0.7);
SELECT bench.lap() AS lap \gset
\echo '  sustainment milestones:' :lap

-- About 1% of milestones are corrected: the correction supersedes the original, dated a day earlier
-- (the usual mistake: the wrong day entered), recorded two days later by the same person. The long
-- case's engagement and job start are among them.
INSERT INTO milestone (type, case_id, referral_id, programme_id, contract_id, organisation_id, occurred_on,
                       bench_attributes, recorded_at, recorded_by, supersedes_id)
SELECT m.type, m.case_id, m.referral_id, m.programme_id, m.contract_id, m.organisation_id,
       GREATEST(m.occurred_on - 1, cs.starts_on), m.bench_attributes, m.recorded_at + INTERVAL '2 days', m.recorded_by, m.id
FROM milestone m
JOIN bench.contract_span cs ON cs.id = m.contract_id
WHERE m.referral_id > :r0
  AND (random() < 0.0101 OR (m.case_id = :s0 + :long_i AND m.type IN ('ENGAGEMENT', 'JOB_START')));
ANALYZE milestone;
SELECT bench.lap() AS lap \gset
\echo '  corrections:' :lap

-- The rest of the milestones asked for: referrals accepted onto a programme (so "referral received" was
-- written) that never became a case: the person could not be reached or did not want support.
SELECT GREATEST(0, :milestones - (SELECT COUNT(*) FROM milestone WHERE referral_id > :r0)) AS unconverted \gset
INSERT INTO referral (id, reference, status, source, received_at, response_due_at, routed_organisation_id,
    referring_for, first_name, last_name, date_of_birth, phone, postcode, contact_preference, employment_status,
    condition_mental_health, consent_to_contact, sex, ethnicity, disability, match_key, programme_id, cohort_id,
    assigned_person_id, decided_at, decided_by, decision_reason)
SELECT :r0 + :cases + u.n, 'BU' || LPAD(u.n::TEXT, 8, '0'),
       CASE WHEN u.n % 5 < 3 THEN 'UNABLE_TO_CONTACT' ELSE 'DECLINED' END,
       CASE WHEN u.n % 2 = 0 THEN 'PUBLIC' ELSE 'PARTNER' END,
       u.received_on + TIME '09:30', u.received_on + 2 + TIME '17:00', p.org_id, 'SELF',
       (ARRAY['Alex','Bea','Cal','Dina','Eli','Fay','Gus','Hana'])[1 + u.n % 8],
       (ARRAY['Reed','Shaw','Tait','Vance','Webb','Young'])[1 + u.n % 6],
       DATE '1960-01-01' + (u.n::BIGINT * 7919 % 16000)::INT, '07800' || LPAD((u.n % 1000000)::TEXT, 6, '0'), 'M1 1AA', 'PHONE',
       u.employment_status, u.n % 2 = 0, TRUE,
       CASE WHEN u.n % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END,
       'White: English, Welsh, Scottish, Northern Irish or British', CASE WHEN u.n % 3 = 0 THEN 'YES' ELSE 'NO' END,
       'unconverted|' || u.n, p.programme_id, co.id, pr.person_id, u.received_on + 1 + TIME '11:00', pr.person_id,
       CASE WHEN u.n % 5 < 3 THEN 'Unable to contact after 3 attempts' ELSE 'The person does not want support' END
FROM (SELECT n, (n - 1) % 150 AS p, ((n - 1) / 150) % :kpp AS k,
             DATE '2023-04-03' + FLOOR(random() * ((CURRENT_DATE - 1) - DATE '2023-04-03'))::INT AS received_on,
             CASE WHEN n % 10 < 5 THEN 'EMPLOYED' WHEN n % 10 < 7 THEN 'OFF_SICK' ELSE 'UNEMPLOYED' END AS employment_status
      FROM generate_series(1, :unconverted) n) u
JOIN bench.provider p ON p.p = u.p
JOIN bench.practitioner pr ON pr.p = u.p AND pr.k = CASE WHEN u.p = 0 AND u.k = 0 THEN 1 ELSE u.k END
JOIN cohort co ON co.programme_id = p.programme_id
              AND co.code = CASE WHEN p.programme_id = :tiw THEN CASE WHEN u.n % 10 < 7 THEN 'IN' ELSE 'OUT' END
                                 WHEN u.n % 10 < 7 THEN 'C1' ELSE 'C3' END;
INSERT INTO milestone (type, case_id, referral_id, programme_id, contract_id, organisation_id, occurred_on,
                       bench_attributes, recorded_at, recorded_by)
SELECT 'REFERRAL_RECEIVED', NULL, r.id, r.programme_id, cs.id, r.routed_organisation_id, CAST(r.received_at AS DATE),
       'employment_status=' || r.employment_status || ';in_work=' || (r.employment_status <> 'UNEMPLOYED')
           || ';cohort=' || co.code,
       r.decided_at, r.decided_by
FROM referral r
JOIN cohort co ON co.id = r.cohort_id
JOIN bench.contract_span cs ON cs.org_id = r.routed_organisation_id AND cs.programme_id = r.programme_id
                           AND CAST(r.received_at AS DATE) BETWEEN cs.starts_on AND cs.ends_on
WHERE r.id > :r0 + :cases;
DO $$ BEGIN PERFORM setval(pg_get_serial_sequence('referral', 'id'), (SELECT MAX(id) FROM referral)); END $$;
SELECT bench.lap() AS lap \gset
\echo '  referrals that did not become cases:' :unconverted :lap

-- ------------------------------------------------------------------ casework behind the milestones
-- Outcomes with the milestone they wrote; sustainment checks for every counted job start: done when the
-- milestone exists, done and not in work for some that fell due, otherwise waiting (due soon or overdue).
INSERT INTO case_outcome (case_id, kind, occurred_on, employer, job_title, sector, hours_a_week, contract_type, paid,
                          description, evidence, milestone_id, recorded_at, recorded_by)
SELECT m.case_id, m.type, m.occurred_on, CASE WHEN m.type IN ('JOB_START', 'JOB_RETENTION') THEN c.employer END,
       CASE WHEN m.type = 'JOB_START' THEN 'Assistant' END,
       CASE WHEN m.type = 'JOB_START' THEN (ARRAY['G','Q','C','I','H','P','N'])[1 + c.i % 7] END,
       CASE WHEN m.type = 'JOB_START' THEN 16 + c.i % 22 END,
       CASE WHEN m.type = 'JOB_START' THEN CASE WHEN c.i % 4 = 0 THEN 'FIXED_TERM' ELSE 'PERMANENT' END END,
       CASE WHEN m.type = 'JOB_START' THEN TRUE END,
       CASE WHEN m.type = 'EDUCATION_START' THEN 'College course' WHEN m.type = 'VOLUNTEERING_START' THEN 'Volunteering' END,
       'Payslip seen', m.id, m.recorded_at, m.recorded_by
FROM milestone m JOIN bench.c c ON c.case_id = m.case_id
WHERE m.type IN ('JOB_START', 'JOB_RETENTION', 'EDUCATION_START', 'VOLUNTEERING_START') AND m.supersedes_id IS NULL
  AND m.referral_id > :r0;
ANALYZE case_outcome;
INSERT INTO sustainment_check (case_id, outcome_id, weeks, due_on, checked_on, still_in_work, milestone_id, checked_by)
SELECT o.case_id, o.id, w.weeks, o.occurred_on + w.days,
       CASE WHEN s.id IS NOT NULL THEN o.occurred_on + w.days
            WHEN o.occurred_on + w.days < CURRENT_DATE - 14 AND o.id % 3 > 0 THEN o.occurred_on + w.days + 3 END,
       CASE WHEN s.id IS NOT NULL THEN TRUE
            WHEN o.occurred_on + w.days < CURRENT_DATE - 14 AND o.id % 3 > 0 THEN FALSE END,
       s.id,
       CASE WHEN s.id IS NOT NULL OR (o.occurred_on + w.days < CURRENT_DATE - 14 AND o.id % 3 > 0) THEN o.recorded_by END
FROM case_outcome o
CROSS JOIN (VALUES (13, 91), (26, 182)) AS w(weeks, days)
LEFT JOIN milestone s ON s.case_id = o.case_id AND s.supersedes_id IS NULL
                     AND s.type = CASE WHEN w.weeks = 13 THEN 'SUSTAINMENT_13_WEEKS' ELSE 'SUSTAINMENT_26_WEEKS' END
WHERE o.kind = 'JOB_START' AND o.case_id > :s0;
SELECT bench.lap() AS lap \gset
\echo '  outcomes and sustainment checks:' :lap

-- Action plans: version 1 agreed on the day of the milestone, first review due 4 weeks later; a draft for
-- open cases engaged but not yet agreed. Goals and actions on open cases' plans (actions a fortnight apart;
-- 70% of those past due are done). Reviews every 4 weeks; on about 30% of open cases the latest is missed,
-- so the review is overdue. A closed case has the one review that fell before it closed.
INSERT INTO action_plan (case_id, version, status, plan_type, review_interval_weeks, agreed_on, agreed_how,
                         review_due_on, consent_to_share, created_by, created_at)
SELECT c.case_id, 1, CASE WHEN c.planned THEN 'AGREED' ELSE 'DRAFT' END,
       CASE WHEN c.in_work THEN 'THRIVE_IN_WORK' ELSE 'BACK_TO_WORK' END, 4,
       CASE WHEN c.planned THEN c.plan_on END,
       CASE WHEN c.planned THEN CASE WHEN c.i % 3 = 0 THEN 'PHONE' ELSE 'IN_PERSON' END END,
       CASE WHEN c.planned THEN c.plan_on + 28 END, c.in_work AND c.i % 2 = 0, c.key_worker_id,
       LEAST(c.plan_on, CURRENT_DATE - 1) + TIME '10:30'
FROM bench.c c
WHERE c.planned OR (c.open AND c.engaged);
ANALYZE action_plan;
INSERT INTO plan_goal (plan_id, position, description)
SELECT ap.id, g, (ARRAY['Feel confident talking to my employer about adjustments',
                        'Get back into paid work that suits my health',
                        'Manage my sleep and energy through the working week'])[1 + (ap.id + g) % 3]
FROM action_plan ap JOIN bench.c c ON c.case_id = ap.case_id AND c.open
CROSS JOIN generate_series(1, 2) g;
INSERT INTO plan_action (plan_id, position, description, owner, due_on, status)
SELECT ap.id, a, (ARRAY['Update my CV with the coach', 'Ask the GP about a fit note with adjustments',
                        'Call the employer to arrange a return-to-work meeting', 'Book a talking therapies session',
                        'Apply for three jobs'])[1 + (ap.id + a) % 5],
       (ARRAY['PARTICIPANT', 'PRACTITIONER', 'EMPLOYER', 'PARTICIPANT'])[a], c.plan_on + 14 * a,
       CASE WHEN c.plan_on + 14 * a >= CURRENT_DATE THEN 'NOT_STARTED'
            WHEN (ap.id * 31 + a) % 10 < 7 THEN 'DONE' ELSE 'IN_PROGRESS' END
FROM action_plan ap JOIN bench.c c ON c.case_id = ap.case_id AND c.open
CROSS JOIN generate_series(1, 4) a;
INSERT INTO case_review (case_id, reviewed_on, notes, still_in_work, next_review_on, recorded_by, recorded_at)
SELECT c.case_id, c.plan_on + 28 * j, 'Reviewed the plan together; actions updated.',
       CASE WHEN c.in_work THEN TRUE END, c.plan_on + 28 * (j + 1), c.key_worker_id,
       c.plan_on + 28 * j + TIME '14:00'
FROM bench.c c
CROSS JOIN LATERAL generate_series(1, CASE
    WHEN c.open THEN (CURRENT_DATE - 1 - c.plan_on) / 28 - CASE WHEN c.r_rev < 0.3 THEN 1 ELSE 0 END
    ELSE LEAST(1, (c.exit_on - c.plan_on) / 28) END) j
WHERE c.planned;
SELECT bench.lap() AS lap \gset
\echo '  action plans, goals, actions and reviews:' :lap

-- Appointments and notes on open cases: the attended one-to-one that counted as engagement, then one a
-- fortnight (weekly on the long case), most attended; a planned one to come for most, for a tenth of them
-- today; a few planned ones that passed without an outcome. Notes every ten days.
INSERT INTO appointment (case_id, starts_at, channel, place, one_to_one, status, cancelled_by, recorded_by, recorded_at)
SELECT c.case_id, c.eng_on + j * c.gap + TIME '09:30' + (c.i % 14) * INTERVAL '30 minutes',
       (ARRAY['FACE_TO_FACE', 'PHONE', 'VIDEO'])[1 + (c.i + j) % 3],
       CASE WHEN (c.i + j) % 3 = 0 THEN 'Bury Town Hall' END, TRUE,
       CASE WHEN j = 0 OR (c.i * 7 + j) % 20 < 15 THEN 'ATTENDED' WHEN (c.i * 7 + j) % 20 < 18 THEN 'DID_NOT_ATTEND'
            ELSE 'CANCELLED' END,
       CASE WHEN j > 0 AND (c.i * 7 + j) % 20 >= 18 THEN CASE WHEN j % 2 = 0 THEN 'PERSON' ELSE 'SERVICE' END END,
       c.key_worker_id, c.eng_on + j * c.gap + TIME '12:00'
FROM (SELECT bc.*, CASE WHEN bc.i = :long_i THEN 7 ELSE 14 END AS gap FROM bench.c bc WHERE bc.open AND bc.engaged) c
CROSS JOIN LATERAL generate_series(0, LEAST(CASE WHEN c.i = :long_i THEN 200 ELSE 8 END,
                                            (CURRENT_DATE - 1 - c.eng_on) / c.gap)) j;
INSERT INTO appointment (case_id, starts_at, channel, place, one_to_one, status, cancelled_by, recorded_by, recorded_at)
SELECT c.case_id,
       CASE WHEN c.r_appt < 0.1 THEN CURRENT_DATE + TIME '10:00' + (c.i % 12) * INTERVAL '30 minutes'
            WHEN c.r_appt < 0.85 THEN CURRENT_DATE + 1 + FLOOR(c.r_appt * 27)::INT + TIME '09:00' + (c.i % 14) * INTERVAL '30 minutes'
            ELSE CURRENT_DATE - 1 - (c.i % 5) + TIME '11:00' END,
       CASE WHEN c.i % 2 = 0 THEN 'PHONE' ELSE 'FACE_TO_FACE' END, NULL, TRUE, 'PLANNED', NULL, c.key_worker_id,
       CURRENT_DATE - 7 + TIME '16:00'
FROM bench.c c WHERE c.open AND (c.r_appt < 0.92 OR NOT c.engaged);
INSERT INTO contact_note (case_id, written_at, written_by, note)
SELECT c.case_id, c.opened_on + 10 * j + TIME '16:30' + (c.i % 30) * INTERVAL '1 minute', c.key_worker_id,
       (ARRAY['Phoned to check in; things are going better this week.',
              'Talked through the plan; agreed to contact the employer next week.',
              'Left a voicemail and sent a text to rearrange.',
              'Sent details of the local talking therapies service by email.'])[1 + (c.i + j) % 4]
FROM bench.c c
CROSS JOIN LATERAL generate_series(0, LEAST(CASE WHEN c.i = :long_i THEN 32 ELSE 4 END,
                                            (CURRENT_DATE - 1 - c.opened_on) / 10)) j
WHERE c.open;
SELECT bench.lap() AS lap \gset
\echo '  appointments and notes:' :lap

-- Where the schema keeps each case's first current milestone of a type (milestone_first, kept by Milestones
-- as it records), fill it for the new cases as its migration does.
SELECT set_config('bench.s0', :'s0', FALSE) \gset
DO $$ BEGIN
    IF to_regclass('public.milestone_first') IS NOT NULL THEN
        EXECUTE format($sql$
            INSERT INTO milestone_first (case_id, type, milestone_id, contract_id, organisation_id, occurred_on)
            SELECT case_id, type, id, contract_id, organisation_id, occurred_on
            FROM (SELECT m.case_id, m.type, m.id, m.contract_id, m.organisation_id, m.occurred_on,
                         ROW_NUMBER() OVER (PARTITION BY m.case_id, m.type ORDER BY m.occurred_on, m.id) AS position
                  FROM milestone m
                  WHERE m.case_id > %s
                    AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)) ranked
            WHERE position = 1 $sql$, current_setting('bench.s0'));
    END IF;
END $$;
SELECT bench.lap() AS lap \gset
\echo '  first milestones of each case (if the schema keeps them):' :lap
\ir day-counts.sql
SELECT bench.lap() AS lap \gset
\echo '  counts per contract, type and day (if the schema keeps them):' :lap
\ir attributes-split.sql
SELECT bench.lap() AS lap \gset
\echo '  milestone attributes as rows:' :lap

-- ------------------------------------------------------------------ keys back, statistics
DO $$
DECLARE d RECORD;
BEGIN
    FOR d IN SELECT * FROM bench.dropped ORDER BY position DESC LOOP
        IF d.kind = 'index' THEN
            EXECUTE d.def;
        END IF;
    END LOOP;
END $$;
SELECT bench.lap() AS lap \gset
\echo '  indexes rebuilt:' :lap
DO $$
DECLARE d RECORD;
BEGIN
    FOR d IN SELECT * FROM bench.dropped ORDER BY position LOOP
        IF d.kind = 'constraint' THEN
            EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I %s', d.tbl, d.name, d.def);
        END IF;
    END LOOP;
END $$;
SELECT bench.lap() AS lap \gset
\echo '  foreign keys validated:' :lap

SELECT :s0 + :long_i AS long_case \gset
CREATE TABLE bench.facts AS SELECT CAST(:'long_case' AS BIGINT) AS long_case_id, :cases AS cases,
    :milestones AS milestones_asked, LOCALTIMESTAMP AS generated_at;
DROP TABLE bench.c0;
DROP TABLE bench.c;
DROP TABLE bench.dropped;
VACUUM (ANALYZE) referral, support_case, milestone, appointment, contact_note, action_plan, plan_goal, plan_action,
    case_review, case_outcome, sustainment_check, person, person_role, organisation, contract;
SELECT to_regclass('public.milestone_first') IS NOT NULL AS has_milestone_first \gset
\if :has_milestone_first
VACUUM (ANALYZE) milestone_first;
\endif
SELECT bench.lap() AS lap \gset
\echo '  vacuum and analyze:' :lap
\echo '  the long case of the Bury practitioner: /cases/':long_case

-- Data for bench/collation.sh: ten hubs of four localities each under the national organisation, every locality
-- holding a WorkWell contract for 2026/27 commissioned by its hub and :cases participants with referrals, cases
-- and milestones in Q1 and Q2 2026/27; a commissioner for each hub and a manager for each locality (the demo
-- password). Set-based: INSERT ... SELECT over generate_series, no loop per row. milestone_first is filled for
-- the new cases the way its migration fills it and milestone_day_count made again (day-counts.sql). Also gives
-- WorkWell its return template (as ReturnExamples.workWell does) when it has none.
\set ON_ERROR_STOP 1

SELECT id AS national FROM organisation WHERE type_code = 'NATIONAL' ORDER BY id LIMIT 1 \gset
SELECT id AS ww FROM programme WHERE code = 'WW' \gset
SELECT MIN(id) AS cohort FROM cohort WHERE programme_id = :ww \gset
SELECT password_hash AS hash FROM person WHERE email = 'coach@bury.workhealth.example' \gset

INSERT INTO organisation (name, type_code, parent_id, created_at)
SELECT 'Collation hub ' || h, 'HUB', :national, LOCALTIMESTAMP FROM generate_series(0, 9) h;
INSERT INTO organisation (name, type_code, parent_id, created_at)
SELECT 'Collation locality ' || h || '.' || k, 'LOCALITY', hub.id, LOCALTIMESTAMP
FROM generate_series(0, 9) h CROSS JOIN generate_series(0, 3) k JOIN organisation hub ON hub.name = 'Collation hub ' || h;
CREATE TEMPORARY TABLE bench_locality AS
SELECT h * 4 + k AS l, h, k, loc.id AS org_id, hub.id AS hub_id
FROM generate_series(0, 9) h CROSS JOIN generate_series(0, 3) k
JOIN organisation hub ON hub.name = 'Collation hub ' || h
JOIN organisation loc ON loc.name = 'Collation locality ' || h || '.' || k;

INSERT INTO contract (reference, programme_id, provider_organisation_id, commissioner_organisation_id, area,
                      starts_on, ends_on, value_pence)
SELECT 'WW-COLLATION-' || l.h || '-' || l.k, :ww, l.org_id, l.hub_id, 'Locality ' || l.h || '.' || l.k,
       DATE '2026-04-01', DATE '2027-03-31', 40000000
FROM bench_locality l;

INSERT INTO person (email, full_name, organisation_id, password_hash, created_at)
SELECT 'commissioner.' || h || '@collation.workhealth.example', 'Commissioner of hub ' || h, hub.id, :'hash',
       LOCALTIMESTAMP
FROM generate_series(0, 9) h JOIN organisation hub ON hub.name = 'Collation hub ' || h;
INSERT INTO person (email, full_name, organisation_id, password_hash, created_at)
SELECT 'manager.' || l.h || '.' || l.k || '@collation.workhealth.example', 'Manager of locality ' || l.h || '.' || l.k,
       l.org_id, :'hash', LOCALTIMESTAMP
FROM bench_locality l;
INSERT INTO person_role (person_id, role)
SELECT id, 'COMMISSIONER' FROM person WHERE email LIKE 'commissioner.%@collation.workhealth.example'
UNION ALL
SELECT id, 'PROVIDER_MANAGER' FROM person WHERE email LIKE 'manager.%@collation.workhealth.example';

CREATE TEMPORARY TABLE bench_case AS
SELECT l.l * :cases + n AS n, l.org_id, c.id AS contract_id,
       (SELECT p.id FROM person p WHERE p.email = 'manager.' || l.h || '.' || l.k || '@collation.workhealth.example')
           AS key_worker_id,
       DATE '2026-04-01' + ((n * 7919) % 160) AS received_on,
       CASE WHEN n % 10 < 3 THEN 'EMPLOYED' WHEN n % 10 < 5 THEN 'OFF_SICK' WHEN n % 10 < 9 THEN 'UNEMPLOYED'
            ELSE 'NOT_WORKED_RECENTLY' END AS employment_status
FROM bench_locality l JOIN contract c ON c.reference = 'WW-COLLATION-' || l.h || '-' || l.k
CROSS JOIN generate_series(1, :cases) n;

INSERT INTO referral (reference, status, source, received_at, response_due_at, routed_organisation_id, referring_for,
    first_name, last_name, date_of_birth, phone, email, postcode, contact_preference, employment_status,
    consent_to_contact, sex, ethnicity, disability, match_key, programme_id, cohort_id, nhs_number)
SELECT 'RC' || LPAD(b.n::TEXT, 8, '0'), 'ACCEPTED', 'PUBLIC', b.received_on + TIME '09:30',
       b.received_on + 2 + TIME '17:00', b.org_id, 'SELF',
       (ARRAY['Alex','Bea','Cal','Dina','Eli','Fay','Gus','Hana'])[1 + b.n % 8],
       (ARRAY['Reed','Shaw','Tait','Vance','Webb','Young'])[1 + b.n % 6],
       DATE '1960-01-01' + (b.n * 7919 % 16000), '07800' || LPAD((b.n % 1000000)::TEXT, 6, '0'),
       'person' || b.n || '@example.com', 'M1 1AA', 'PHONE', b.employment_status, TRUE,
       CASE WHEN b.n % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END,
       'White: English, Welsh, Scottish, Northern Irish or British', CASE WHEN b.n % 3 = 0 THEN 'YES' ELSE 'NO' END,
       'collation-bench|' || b.n, :ww, :cohort, '9434765919'
FROM bench_case b;

-- Autovacuum may be off (it is on the build server): without statistics PostgreSQL joins 200,000 new referrals by a
-- nested loop over the whole table.
ANALYZE bench_case;
ANALYZE referral;
INSERT INTO support_case (reference, referral_id, programme_id, cohort_id, organisation_id, key_worker_id, status,
    opened_on, employment_status_at_referral)
SELECT 'CC' || LPAD(b.n::TEXT, 8, '0'), r.id, :ww, :cohort, b.org_id, b.key_worker_id,
       CASE WHEN b.n % 10 < 3 THEN 'CLOSED' ELSE 'OPEN' END, b.received_on + 3, b.employment_status
FROM bench_case b JOIN referral r ON r.reference = 'RC' || LPAD(b.n::TEXT, 8, '0');

ANALYZE support_case;
-- Engagement for 92%, an agreed plan for 81%, a job start for 30%, an exit for 30%, a retention for some in work.
\ir attributes-staged.sql
INSERT INTO milestone (type, case_id, programme_id, contract_id, organisation_id, occurred_on, bench_attributes,
                       recorded_at)
SELECT s.type, sc.id, :ww, b.contract_id, b.org_id, s.occurred_on, s.attributes, CURRENT_TIMESTAMP
FROM bench_case b JOIN support_case sc ON sc.reference = 'CC' || LPAD(b.n::TEXT, 8, '0')
CROSS JOIN LATERAL (VALUES
    ('ENGAGEMENT', b.received_on + 5 + b.n % 20, 'in_work=' || (b.employment_status IN ('EMPLOYED', 'OFF_SICK')), b.n % 100 < 92),
    ('ACTION_PLAN_AGREED', b.received_on + 12 + b.n % 20, 'plan_type=BACK_TO_WORK', b.n % 100 < 81),
    ('JOB_START', b.received_on + 40 + b.n % 30, 'paid=true', b.n % 100 < 30),
    ('JOB_RETENTION', b.received_on + 50 + b.n % 30, NULL, b.n % 100 >= 30 AND b.n % 100 < 40
        AND b.employment_status IN ('EMPLOYED', 'OFF_SICK')),
    ('EXIT', b.received_on + 70 + b.n % 40, 'reason=' || CASE WHEN b.n % 2 = 0 THEN 'FOUND_WORK' ELSE 'COMPLETED' END
        || ';in_work_at_referral=false', b.n % 100 >= 70)
) AS s(type, occurred_on, attributes, happens)
WHERE s.happens AND s.occurred_on < CURRENT_DATE;

INSERT INTO milestone_first (case_id, type, milestone_id, contract_id, organisation_id, occurred_on)
SELECT m.case_id, m.type, m.id, m.contract_id, m.organisation_id, m.occurred_on
FROM milestone m JOIN support_case sc ON sc.id = m.case_id
WHERE sc.reference LIKE 'CC%'
  AND NOT EXISTS (SELECT 1 FROM milestone_first f WHERE f.case_id = m.case_id AND f.type = m.type);
\ir day-counts.sql
\ir attributes-split.sql

INSERT INTO return_template (programme_id, name, due_days_after_end, kpi_codes)
SELECT p.id, 'WorkWell quarterly data return', 20, 'REFERRALS,ENGAGED,ACTION_PLANS,JOB_OUTCOMES,CONVERSION'
FROM programme p WHERE p.code = 'WW' AND NOT EXISTS (SELECT 1 FROM return_template t WHERE t.programme_id = p.id);
INSERT INTO return_template_column (template_id, position, column_code, required)
SELECT t.id, c.position, c.code, c.required
FROM return_template t JOIN programme p ON p.id = t.programme_id AND p.code = 'WW'
CROSS JOIN (VALUES (1, 'PARTICIPANT_ID', TRUE), (2, 'COHORT', TRUE), (3, 'AGE_BAND', TRUE), (4, 'SEX', FALSE),
    (5, 'ETHNICITY', FALSE), (6, 'DISABILITY', FALSE), (7, 'EMPLOYMENT_STATUS', TRUE), (8, 'REFERRED_ON', TRUE),
    (9, 'ENGAGED_ON', FALSE), (10, 'ACTION_PLAN_AGREED_ON', FALSE), (11, 'JOB_START_ON', FALSE),
    (12, 'JOB_RETENTION_ON', FALSE), (13, 'EXITED_ON', FALSE), (14, 'EXIT_REASON', FALSE)) AS c(position, code, required)
WHERE NOT EXISTS (SELECT 1 FROM return_template_column x WHERE x.template_id = t.id);

ANALYZE organisation;
ANALYZE contract;
ANALYZE person;
ANALYZE referral;
ANALYZE support_case;
ANALYZE milestone;
ANALYZE milestone_first;

-- Thrive at Work at benchmark size, for bench/employers.sh: :employers employers at the West Midlands Combined
-- Authority hub (every fifth one assigned to the demo advisor, so the advisor's list holds :employers / 5), their
-- EMPLOYER_SIGNED_UP milestones, and :engagements engagements, each with one to three employers and its
-- EMPLOYER_ENGAGEMENT milestone, spread over the last two years. Set-based, as bench/generate.sql is.
\set ON_ERROR_STOP on
CREATE TEMP TABLE bench_ids AS
SELECT (SELECT id FROM organisation WHERE name = 'West Midlands Combined Authority') AS hub,
       (SELECT id FROM person WHERE email = 'advisor@wmca.workhealth.example') AS advisor,
       (SELECT id FROM programme WHERE code = 'TAW') AS programme;

INSERT INTO employer (hub_organisation_id, name, companies_house_number, sic_section, size_band, employees, status,
                      source, signed_up_on, confirmed_on, advisor_id, listed_on_register, created_at, version)
SELECT b.hub, 'Bench employer ' || g, lpad(g::text, 8, '0'),
       substr('ABCDEFGHIJKLMNOPQRSTU', 1 + g % 21, 1),
       (ARRAY['MICRO', 'SMALL', 'MEDIUM', 'LARGE'])[1 + g % 4],
       (ARRAY[5, 30, 120, 600])[1 + g % 4],
       CASE WHEN g % 10 = 0 THEN 'PENDING' WHEN g % 37 = 0 THEN 'DECLINED' ELSE 'CONFIRMED' END,
       (ARRAY['SELF_SIGN_UP', 'ADVISOR', 'DIAGNOSTIC'])[1 + g % 3],
       CURRENT_DATE - (g % 700), CASE WHEN g % 10 = 0 OR g % 37 = 0 THEN NULL ELSE CURRENT_DATE - (g % 700) + 5 END,
       CASE WHEN g % 5 = 0 THEN b.advisor END, FALSE, now(), 0
FROM bench_ids b, generate_series(1, :employers) g;

\ir attributes-staged.sql
INSERT INTO milestone (type, case_id, referral_id, programme_id, contract_id, organisation_id, occurred_on, bench_attributes,
                       recorded_at, recorded_by, supersedes_id, withdrawn)
SELECT 'EMPLOYER_SIGNED_UP', NULL, NULL, b.programme,
       (SELECT c.id FROM contract c WHERE c.programme_id = b.programme AND c.provider_organisation_id = b.hub
          AND e.signed_up_on BETWEEN c.starts_on AND c.ends_on ORDER BY c.starts_on DESC LIMIT 1),
       b.hub, e.signed_up_on, 'employer=' || e.id || ';source=' || e.source, now(), NULL, NULL, FALSE
FROM employer e, bench_ids b WHERE e.name LIKE 'Bench employer %' AND e.status = 'CONFIRMED';

CREATE TEMP TABLE bench_confirmed AS
SELECT row_number() OVER (ORDER BY e.id) AS n, e.id FROM employer e
WHERE e.name LIKE 'Bench employer %' AND e.status = 'CONFIRMED';

INSERT INTO employer_engagement (hub_organisation_id, held_on, kind, title, open_to_many, attendees, recorded_by,
                                 recorded_at)
SELECT b.hub, CURRENT_DATE - (g % 720), (ARRAY['EVENT', 'WORKSHOP', 'WEBINAR', 'TRAINING', 'ONE_TO_ONE'])[1 + g % 5],
       'Bench engagement ' || g, g % 5 <> 4 AND g % 3 = 0, CASE WHEN g % 5 = 4 THEN 2 ELSE 5 + g % 60 END,
       b.advisor, now()
FROM bench_ids b, generate_series(1, :engagements) g;

-- One employer each, and two more for those open to many.
INSERT INTO employer_engagement_employer (engagement_id, employer_id)
SELECT x.id, c.id FROM (
    SELECT g.id, g.open_to_many, row_number() OVER (ORDER BY g.id) AS n FROM employer_engagement g
    WHERE g.title LIKE 'Bench engagement %') x
JOIN bench_confirmed c ON c.n = 1 + (x.n * 7) % (SELECT COUNT(*) FROM bench_confirmed)
UNION
SELECT x.id, c.id FROM (
    SELECT g.id, row_number() OVER (ORDER BY g.id) AS n FROM employer_engagement g
    WHERE g.title LIKE 'Bench engagement %' AND g.open_to_many) x
JOIN bench_confirmed c ON c.n IN (1 + (x.n * 11) % (SELECT COUNT(*) FROM bench_confirmed),
                                  1 + (x.n * 13 + 3) % (SELECT COUNT(*) FROM bench_confirmed));

INSERT INTO milestone (type, case_id, referral_id, programme_id, contract_id, organisation_id, occurred_on, bench_attributes,
                       recorded_at, recorded_by, supersedes_id, withdrawn)
SELECT 'EMPLOYER_ENGAGEMENT', NULL, NULL, b.programme,
       (SELECT c.id FROM contract c WHERE c.programme_id = b.programme AND c.provider_organisation_id = b.hub
          AND g.held_on BETWEEN c.starts_on AND c.ends_on ORDER BY c.starts_on DESC LIMIT 1),
       b.hub, g.held_on, 'engagement=' || g.id || ';kind=' || g.kind || ';attendees=' || g.attendees, now(),
       b.advisor, NULL, FALSE
FROM employer_engagement g, bench_ids b WHERE g.title LIKE 'Bench engagement %';

-- Joined on the engagement id read out of the attributes (an equality, so a hash join): a LIKE on
-- 'engagement=' || id || ';%' made this a nested loop of engagements times milestones (minutes at 50,000).
UPDATE employer_engagement g SET milestone_id = m.id
FROM milestone m WHERE m.type = 'EMPLOYER_ENGAGEMENT' AND m.bench_attributes LIKE 'engagement=%'
  AND split_part(split_part(m.bench_attributes, ';', 1), '=', 2)::bigint = g.id
  AND g.title LIKE 'Bench engagement %';
\ir attributes-split.sql
\ir day-counts.sql

ANALYZE employer;
ANALYZE employer_engagement;
ANALYZE employer_engagement_employer;
ANALYZE milestone;

-- :evidence evidence items (issue 15: 200,000 at full size) on the hub's current framework version: text
-- descriptions, and every 25th with a small PDF of about 2 kB (a file in the database, as an upload is). Item g
-- belongs to confirmed employer 1 + g % (confirmed employers) and to criterion 1 + g % (criteria), so that
-- every employer has about the same number of items across all its criteria; each (employer, criterion) with
-- evidence is in progress, every third one ready for assessment.
CREATE TEMP TABLE bench_criteria AS
SELECT row_number() OVER (ORDER BY c.position, c.id) AS n, c.code FROM framework_criterion c
WHERE c.version_id = (SELECT v.id FROM framework_version v, bench_ids b WHERE v.hub_organisation_id = b.hub
                        AND v.status = 'PUBLISHED' ORDER BY v.published_at DESC, v.id DESC LIMIT 1);

INSERT INTO criterion_evidence (employer_id, criterion_code, description, file_name, content_type, size_bytes,
                                content, added_at, added_by)
SELECT e.id, k.code, 'Bench evidence ' || g || ': our ' || k.code || ' policy, agreed by the board and shared with staff',
       CASE WHEN g % 25 = 0 THEN 'evidence-' || g || '.pdf' END,
       CASE WHEN g % 25 = 0 THEN 'application/pdf' END,
       CASE WHEN g % 25 = 0 THEN 2048 END,
       CASE WHEN g % 25 = 0 THEN convert_to(rpad('%PDF-1.4 bench ' || g, 2048, '.'), 'UTF8') END,
       now() - make_interval(days => g % 700), NULL
FROM generate_series(1, :evidence) g
JOIN bench_confirmed e ON e.n = 1 + g % (SELECT COUNT(*) FROM bench_confirmed)
JOIN bench_criteria k ON k.n = 1 + g % (SELECT COUNT(*) FROM bench_criteria);

INSERT INTO criterion_progress (employer_id, criterion_code, answer, status, updated_at, updated_by)
SELECT x.employer_id, x.criterion_code, 'How we meet ' || x.criterion_code,
       CASE WHEN x.n % 3 = 0 THEN 'READY' ELSE 'IN_PROGRESS' END, now(), NULL
FROM (SELECT DISTINCT v.employer_id, v.criterion_code, dense_rank() OVER (ORDER BY v.employer_id, v.criterion_code) AS n
      FROM criterion_evidence v WHERE v.description LIKE 'Bench evidence %') x
ON CONFLICT DO NOTHING;

ANALYZE criterion_evidence;
ANALYZE criterion_progress;

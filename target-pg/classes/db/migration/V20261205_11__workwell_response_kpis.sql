-- WorkWell's KPIs name what they count and add the response time: referrals whose first contact attempt,
-- decision or route came within 2 working days (milestone REFERRAL_RESPONDED with on_time=true), and their share
-- of the referrals received, quarter by quarter. For programmes already set up with WorkWell's KPIs; a new
-- database gets them from KpiDefinitions.defaults.
UPDATE kpi_definition SET name = 'Job outcomes (job starts)'
WHERE code = 'JOB_OUTCOMES' AND name = 'Job outcomes' AND milestone_type = 'JOB_START';

INSERT INTO kpi_definition (programme_id, code, name, position, source, milestone_type, attribute_filter,
                            counting_rule, display, numerator_code, denominator_code, target_percent)
SELECT k.programme_id, 'RESPONDED_ON_TIME', 'Referrals responded to within 2 working days', 6, 'MILESTONES',
       'REFERRAL_RESPONDED', 'on_time=true', 'EVERY', 'INCREMENTS', NULL, NULL, NULL
FROM kpi_definition k
WHERE k.code = 'REFERRALS' AND k.milestone_type = 'REFERRAL_RECEIVED'
  AND NOT EXISTS (SELECT 1 FROM kpi_definition o WHERE o.programme_id = k.programme_id AND o.code = 'RESPONDED_ON_TIME');

INSERT INTO kpi_definition (programme_id, code, name, position, source, milestone_type, attribute_filter,
                            counting_rule, display, numerator_code, denominator_code, target_percent)
SELECT k.programme_id, 'RESPONSE_RATE', 'Share of referrals responded to within 2 working days', 7, 'RATIO',
       NULL, NULL, 'EVERY', 'INCREMENTS', 'RESPONDED_ON_TIME', 'REFERRALS', 100.0
FROM kpi_definition k
WHERE k.code = 'REFERRALS' AND k.milestone_type = 'REFERRAL_RECEIVED'
  AND NOT EXISTS (SELECT 1 FROM kpi_definition o WHERE o.programme_id = k.programme_id AND o.code = 'RESPONSE_RATE');

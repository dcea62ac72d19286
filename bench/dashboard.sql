-- The WorkWell KPI figures of one hub for one financial year, per KPI and quarter, written by hand from the
-- milestone record as a reference for the dashboard (bench/dashboard.sh puts in HUB, FROM and TO). Counted as
-- the KPI definitions say: referrals = every REFERRAL_RECEIVED; engaged, action plans and job outcomes = a
-- case's first current ENGAGEMENT, ACTION_PLAN_AGREED and JOB_START (first ever, counted in the quarter it
-- occurred); only current milestones (no other milestone supersedes them); over the WorkWell contracts that
-- the hub or the organisations below it deliver or commission.
WITH RECURSIVE scope AS (
    SELECT id FROM organisation WHERE id = HUB
    UNION ALL
    SELECT o.id FROM organisation o JOIN scope s ON o.parent_id = s.id
),
contracts AS (
    SELECT c.id FROM contract c JOIN programme p ON p.id = c.programme_id AND p.code = 'WW'
    WHERE c.provider_organisation_id IN (SELECT id FROM scope) OR c.commissioner_organisation_id IN (SELECT id FROM scope)
)
SELECT m.type, (EXTRACT(MONTH FROM m.occurred_on)::INT + 8) % 12 / 3 + 1 AS quarter, COUNT(*) AS n
FROM milestone m
WHERE m.contract_id IN (SELECT id FROM contracts)
  AND m.type IN ('REFERRAL_RECEIVED', 'ENGAGEMENT', 'ACTION_PLAN_AGREED', 'JOB_START')
  AND m.occurred_on BETWEEN DATE 'FROM' AND DATE 'TO'
  AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)
  AND (m.type = 'REFERRAL_RECEIVED'
       OR NOT EXISTS (SELECT 1 FROM milestone e
                      WHERE e.case_id = m.case_id AND e.type = m.type
                        AND (e.occurred_on < m.occurred_on OR (e.occurred_on = m.occurred_on AND e.id < m.id))
                        AND NOT EXISTS (SELECT 1 FROM milestone es WHERE es.supersedes_id = e.id)))
GROUP BY 1, 2
ORDER BY 1, 2

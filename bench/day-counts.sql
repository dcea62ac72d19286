-- Included (\ir) by the bench data scripts after they insert milestones straight into the table: makes the
-- milestone module's milestone_day_count and milestone_month_count again from the whole record, as their migration
-- (V20261213_01) does, so that counts by contract read from them agree with the record. Needs milestone_first
-- filled first. Does nothing where the schema has no milestone_day_count.
DO $$ BEGIN
    IF to_regclass('public.milestone_day_count') IS NOT NULL THEN
        DELETE FROM milestone_day_count;
        INSERT INTO milestone_day_count (contract_id, type, occurred_on, current_count, first_count)
        SELECT contract_id, type, occurred_on, SUM(current_count), SUM(first_count)
        FROM (SELECT m.contract_id, m.type, m.occurred_on, 1 AS current_count,
                     CASE WHEN m.case_id IS NULL THEN 1 ELSE 0 END AS first_count
              FROM milestone m
              WHERE m.contract_id IS NOT NULL AND m.withdrawn = FALSE
                AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)
              UNION ALL
              SELECT f.contract_id, f.type, f.occurred_on, 0, 1
              FROM milestone_first f
              WHERE f.contract_id IS NOT NULL) counted
        GROUP BY contract_id, type, occurred_on;
        DELETE FROM milestone_month_count;
        INSERT INTO milestone_month_count (contract_id, type, month_start, current_count, first_count)
        SELECT contract_id, type, CAST(DATE_TRUNC('MONTH', occurred_on) AS DATE), SUM(current_count), SUM(first_count)
        FROM milestone_day_count
        GROUP BY contract_id, type, CAST(DATE_TRUNC('MONTH', occurred_on) AS DATE);
        ANALYZE milestone_day_count;
        ANALYZE milestone_month_count;
    END IF;
END $$;
